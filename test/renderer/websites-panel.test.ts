import { expect, it } from 'vitest';
import { join } from 'node:path';
import { loadKeytar } from '../../src/core/storage/secret-store';
import { eventually } from '../support/app-harness';
import { STATE_EVENT } from '../../src/shared/ipc-contract';
import { TEST_TOKENS } from '../support/fake-datafast';
import { openSettingsPage } from '../support/settings-page';
import { describeSettingsWindow, SCREENSHOTS } from '../support/settings-window-suite';

/** `src/renderer/websites-panel.ts` in Chromium, as a person uses it. */
describeSettingsWindow('the websites panel', (suite) => {
  it('welcomes a first run and starts demo data, labelled as demo', async () => {
    const { page, app, browser } = suite;
    await expect(page.getByRole('heading', { name: 'Welcome to DataFast Menubar' }).isVisible()).resolves.toBe(true);
    // One way in: the welcome is the add form, with the token field in it, not a second card.
    expect(await page.locator('.card:visible').count()).toBe(1);
    expect(await page.locator('#add-website').getByLabel('API key or token').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'onboarding-light.png') });
    const dark = await openSettingsPage(browser, app.controller, 'dark');
    await dark.page.getByRole('heading', { name: 'Welcome to DataFast Menubar' }).waitFor();
    await dark.page.screenshot({ path: join(SCREENSHOTS, 'onboarding-dark.png') });
    await dark.close();
    await page.getByRole('button', { name: 'Try demo data' }).click();
    await page.locator('.website').filter({ hasText: 'Demo website' }).waitFor();
    await expect(page.locator('.website').first().textContent()).resolves.toContain('demo data');
    await eventually(() => app.controller.trayView().visitors !== null);
    expect(app.controller.trayView().headline).toContain('Demo website (demo)');
    await expect(page.getByRole('heading', { name: 'Welcome to DataFast Menubar' }).count()).resolves.toBe(0);
  });

  it('adds a website from a df_ key: checked with DataFast, token to the keychain, never back to the page', async () => {
    const { page, app } = suite;
    await page.getByLabel('API key or token').fill(TEST_TOKENS.shopKey);
    await page.getByRole('button', { name: 'Check token' }).click();
    await expect(page.locator('#token-result').textContent()).resolves.toBe('This key belongs to Shop (shop.example.com).Add shop.example.com');
    await expect(page.getByLabel('API key or token').inputValue()).resolves.toBe('');
    await page.locator('#confirm-add').click();
    await page.locator('.website').filter({ hasText: 'Shop' }).waitFor();
    await expect(page.locator('.website .meta').first().textContent()).resolves.toBe('shop.example.com · token df_…1234');
    expect(await suite.keychainToken('Shop')).toBe(`${TEST_TOKENS.shopKey} api:${new URL(suite.fake.url).origin}`);
    const content = await page.content();
    expect(content).not.toContain(TEST_TOKENS.shopKey);
    const state = JSON.stringify(
      await page.evaluate(() => (globalThis as unknown as { datafast: { state: { get(): Promise<unknown> } } }).datafast.state.get()),
    );
    expect(state).not.toContain(TEST_TOKENS.shopKey.slice(3));
    await eventually(() => app.controller.trayView().visitors === 42);
    await page.locator('.website .count').filter({ hasText: '42' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'websites-light.png') });
  });

  it('adds chosen websites from a dft_ token', async () => {
    const { page, app } = suite;
    await page.getByLabel('API key or token').fill(TEST_TOKENS.account);
    await page.getByRole('button', { name: 'Check token' }).click();
    await page.getByRole('group', { name: 'Websites this token can see' }).waitFor();
    await expect(page.getByLabel('shop.example.com (Shop)').isChecked()).resolves.toBe(true);
    await page.getByLabel('blog.example.com (Blog)').uncheck();
    await page.screenshot({ path: join(SCREENSHOTS, 'account-token-light.png') });
    await page.getByRole('button', { name: 'Add selected websites' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Shop, Docs' }).waitFor();
    expect(app.settings.read().websites.map((website) => website.dataFastSiteId)).toEqual(['site_shop', 'site_docs']);
    expect(await suite.keychainToken('Docs')).toBe(`${TEST_TOKENS.account} site:site_docs api:${new URL(suite.fake.url).origin}`);
  });

  it("shows the API's reason when a token is rejected, and saves nothing", async () => {
    const { page, app } = suite;
    await page.getByLabel('API key or token').fill(TEST_TOKENS.revoked);
    await page.getByRole('button', { name: 'Check token' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Invalid or missing API key');
    await page.getByLabel('API key or token').fill('not a token');
    await page.getByRole('button', { name: 'Check token' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not a DataFast API key');
    expect(app.settings.read().websites).toEqual([]);
  });

  it('hides "Try demo data" once there is a website, from sight and from the keyboard', async () => {
    const { page } = suite;
    const demo = page.locator('#onboarding-demo');
    await expect(demo.isVisible()).resolves.toBe(true);
    await suite.addWebsiteKey(TEST_TOKENS.shopKey);
    await page.locator('.website').filter({ hasText: 'Shop' }).waitFor();
    await expect(demo.isVisible()).resolves.toBe(false);
    // Tabbing through the whole page never lands on it.
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? ''),
      );
    }
    expect(reached.has('onboarding-demo')).toBe(false);
  });

  it('switches the active website', async () => {
    const { page, app } = suite;
    await suite.addWebsiteKey(TEST_TOKENS.shopKey);
    await suite.addWebsiteKey(TEST_TOKENS.blogKey);
    await page.getByRole('button', { name: 'Show in menu bar' }).click();
    await eventually(() => app.controller.trayView().headline === 'Blog — 7 visitors');
    // The tray shows a change before it is written; the file holds it once the write is done.
    await app.controller.settled();
    expect(app.settings.read().activeWebsiteKey).toBe(app.settings.read().websites[1]?.id);
    await page.locator('.website.active').filter({ hasText: 'Blog' }).waitFor();
  });

  it('keeps what you type into rename, and the focus, while a poll redraws the list', async () => {
    const { page, app } = suite;
    await suite.addWebsiteKey(TEST_TOKENS.shopKey);
    await page.getByRole('button', { name: 'Rename' }).click();
    const field = page.getByLabel('New name for Shop');
    await field.waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('My new shop');
    // A poll's state push, as the main process sends one.
    await page.evaluate(([channel, state]) => (globalThis as unknown as { __datafastPush(c: string, s: unknown): void }).__datafastPush(channel, state), [
      STATE_EVENT,
      app.controller.appState(),
    ] as const);
    await page.keyboard.type(' name');
    await expect(field.inputValue()).resolves.toBe('My new shop name');
    await page.keyboard.press('Enter');
    await eventually(() => app.settings.read().websites[0]?.label === 'My new shop name');
  });

  it('removes a website and its keychain entry', async () => {
    const { page, app, service } = suite;
    await suite.addWebsiteKey(TEST_TOKENS.shopKey);
    const id = app.settings.read().websites[0]?.id ?? '';
    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Confirm removing Shop and its token' }).click();
    await eventually(() => app.settings.read().websites.length === 0);
    // The keychain entry goes right after the settings change; give it its moment.
    const keytar = await loadKeytar();
    await expect.poll(() => keytar.getPassword(service, id)).toBeNull();
    await page.getByRole('heading', { name: 'Welcome to DataFast Menubar' }).waitFor();
  });
});
