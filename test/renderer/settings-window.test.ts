import { websiteKey } from '../../src/shared/settings-shapes';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKeytar } from '../../src/core/storage/secret-store';
import { appHarness, eventually, type AppHarness } from '../support/app-harness';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { keychainProblem, removeService, requireKeychain, testServiceName } from '../support/keychain';
import { launchChromium, openSettingsPage, type SettingsPage } from '../support/settings-page';
import { dayRanges } from '../../src/core/live/day-ranges';

const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');

/** Runs in the page: one computed style property of an element (tests compile without the DOM library). */
function styleOf(element: unknown, property: string): string {
  const page = globalThis as unknown as { getComputedStyle(target: unknown): { getPropertyValue(name: string): string } };
  return page.getComputedStyle(element).getPropertyValue(property);
}
const problem = await keychainProblem();

describe.skipIf(problem !== null && !requireKeychain)('settings window in Chromium', () => {
  let fake: FakeDataFast;
  let browser: Browser;
  let app: AppHarness;
  let window: SettingsPage;
  let page: Page;
  let service: string;

  beforeAll(async () => {
    if (problem) throw new Error(`CI needs a working Secret Service: ${problem}`);
    fake = await standardFake();
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
    await fake.close();
  });
  beforeEach(async () => {
    service = testServiceName();
    app = await appHarness(fake.url, { keychain: await loadKeytar(), service });
    window = await openSettingsPage(browser, app.controller);
    page = window.page;
  });
  afterEach(async () => {
    await window.close();
    await app.close();
    await removeService(service);
  });

  const keychainToken = async (label: string): Promise<string | null> => {
    const website = app.settings.read().websites.find((candidate) => candidate.label === label);
    return website ? (await loadKeytar()).getPassword(service, website.id) : null;
  };

  async function addWebsiteKey(token: string): Promise<void> {
    await page.getByLabel('API key or token').fill(token);
    await page.getByRole('button', { name: 'Check token' }).click();
    await page.locator('#confirm-add').click();
    await page.getByRole('status').filter({ hasText: 'Added' }).waitFor();
  }

  it('welcomes a first run and starts demo data, labelled as demo', async () => {
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
    await page.getByLabel('API key or token').fill(TEST_TOKENS.shopKey);
    await page.getByRole('button', { name: 'Check token' }).click();
    await expect(page.locator('#token-result').textContent()).resolves.toBe('This key belongs to Shop (shop.example.com).Add shop.example.com');
    await expect(page.getByLabel('API key or token').inputValue()).resolves.toBe('');
    await page.locator('#confirm-add').click();
    await page.locator('.website').filter({ hasText: 'Shop' }).waitFor();
    await expect(page.locator('.website .meta').first().textContent()).resolves.toBe('shop.example.com · token df_…1234');
    expect(await keychainToken('Shop')).toBe(TEST_TOKENS.shopKey);
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
    await page.getByLabel('API key or token').fill(TEST_TOKENS.account);
    await page.getByRole('button', { name: 'Check token' }).click();
    await page.getByRole('group', { name: 'Websites this token can see' }).waitFor();
    await expect(page.getByLabel('shop.example.com (Shop)').isChecked()).resolves.toBe(true);
    await page.getByLabel('blog.example.com (Blog)').uncheck();
    await page.screenshot({ path: join(SCREENSHOTS, 'account-token-light.png') });
    await page.getByRole('button', { name: 'Add selected websites' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Shop, Docs' }).waitFor();
    expect(app.settings.read().websites.map((website) => website.dataFastSiteId)).toEqual(['site_shop', 'site_docs']);
    expect(await keychainToken('Docs')).toBe(`${TEST_TOKENS.account} site:site_docs`);
  });

  it("shows the API's reason when a token is rejected, and saves nothing", async () => {
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
    const demo = page.locator('#onboarding-demo');
    await expect(demo.isVisible()).resolves.toBe(true);
    await addWebsiteKey(TEST_TOKENS.shopKey);
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

  it('puts a refused value back to the saved one at once', async () => {
    await page.getByRole('tab', { name: 'General' }).click();
    const interval = page.getByLabel('Refresh every (seconds)');
    await interval.fill('5');
    await interval.press('Tab');
    await page.getByRole('alert').filter({ hasText: 'at least 10 seconds' }).waitFor();
    await expect(interval.inputValue()).resolves.toBe('30');
  });

  it('switches the active website', async () => {
    await addWebsiteKey(TEST_TOKENS.shopKey);
    await addWebsiteKey(TEST_TOKENS.blogKey);
    await page.getByRole('button', { name: 'Show in menu bar' }).click();
    await eventually(() => app.controller.trayView().headline === 'Blog — 7 visitors');
    expect(app.settings.read().activeWebsiteKey).toBe(app.settings.read().websites[1]?.id);
    await page.locator('.website.active').filter({ hasText: 'Blog' }).waitFor();
  });

  it('changes settings, persists them, and refuses an invalid one with a message', async () => {
    await page.getByRole('tab', { name: 'General' }).click();
    await page.getByLabel('Refresh every (seconds)').fill('60');
    await page.getByLabel('Refresh every (seconds)').press('Tab');
    await page.getByLabel('Full (1,234)').check();
    await page.getByLabel('Sum of all websites').check();
    // Each change is its own request; wait until all three have landed.
    await eventually(() => {
      const saved = app.settings.read();
      return saved.numberFormat === 'full' && saved.displayMode === 'sum' && saved.refreshIntervalSeconds === 60;
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'general-light.png') });
    await page.getByLabel('Refresh every (seconds)').fill('5');
    await page.getByLabel('Refresh every (seconds)').press('Tab');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Settings not saved: The refresh interval must be at least 10 seconds.');
    expect(app.settings.read().refreshIntervalSeconds).toBe(60);

    await page.getByRole('tab', { name: 'Notifications' }).click();
    await page.getByLabel('And at least (visitors)').fill('25');
    await page.getByLabel('And at least (visitors)').press('Tab');
    await eventually(() => app.settings.read().notifications.minimum === 25);
    await page.getByRole('button', { name: 'Send test notification' }).click();
    await eventually(() => app.notifications.length === 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'notifications-light.png') });
  });

  it('turns sale notifications, customer names and one website’s sales on and off from the Notifications tab', async () => {
    await addWebsiteKey(TEST_TOKENS.shopKey);
    await page.getByRole('tab', { name: 'Notifications' }).click();
    expect(await page.getByLabel('Notify me about new sales').isChecked()).toBe(true);
    expect(await page.getByLabel('Name the customer in sale notifications').isChecked()).toBe(false);
    await page.getByLabel('Name the customer in sale notifications').check();
    await eventually(() => app.settings.read().notifications.customerNames);
    await page.getByLabel('Sales on Shop').uncheck();
    await eventually(() => app.settings.read().websites[0]?.notifySales === false);
    await page.getByLabel('Notify me about new sales').uncheck();
    await eventually(() => !app.settings.read().notifications.sales);
    expect(app.settings.read().notifications.enabled).toBe(true);
  });

  it('removes a website and its keychain entry', async () => {
    await addWebsiteKey(TEST_TOKENS.shopKey);
    const id = app.settings.read().websites[0]?.id ?? '';
    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Confirm removing Shop and its token' }).click();
    await eventually(() => app.settings.read().websites.length === 0);
    // The keychain entry goes right after the settings change; give it its moment.
    const keytar = await loadKeytar();
    await expect.poll(() => keytar.getPassword(service, id)).toBeNull();
    await page.getByRole('heading', { name: 'Welcome to DataFast Menubar' }).waitFor();
  });

  it('works from the keyboard alone', async () => {
    // Tabs: focus the first, arrow to the last and back.
    await page.getByRole('tab', { name: 'Websites' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe(
      'tab-live',
    );
    await page.keyboard.press('Home');
    await expect(page.getByRole('tab', { name: 'Websites' }).getAttribute('aria-selected')).resolves.toBe('true');
    // Into the form with Tab, paste, Enter to check, Enter on the focused Add button.
    await page.getByLabel('API key or token').focus();
    await page.keyboard.insertText(TEST_TOKENS.blogKey);
    await page.keyboard.press('Enter');
    await page.locator('#confirm-add:focus').waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => app.settings.read().websites.length === 1);
    // Rename with the keyboard.
    await page.getByRole('button', { name: 'Rename' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('New name for Blog').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('My blog');
    await page.keyboard.press('Enter');
    await eventually(() => app.settings.read().websites[0]?.label === 'My blog');
  });

  /** Screenshots of the Live tab in light and dark, under the given name. */
  async function shootLive(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-light.png`) });
    const dark = await openSettingsPage(browser, app.controller, 'dark');
    try {
      await dark.page.getByRole('tab', { name: 'Live' }).click();
      await dark.page.locator('figure.chart').first().waitFor();
      await dark.page.screenshot({ path: join(SCREENSHOTS, `${name}-dark.png`) });
    } finally {
      await dark.close();
    }
  }

  /** The demo website with `minutes` of history before now (one sample every `every` minutes), on the Live tab. */
  async function demoLive(minutes: number, every: number, visitors: (minute: number) => number): Promise<void> {
    const now = Date.now();
    for (let minute = minutes; minute > 0; minute -= every) app.controller.engine.history.add(websiteKey('demo'), now - minute * 60_000, visitors(minute));
    await page.getByRole('button', { name: 'Try demo data' }).click();
    await eventually(() => app.controller.trayView().visitors !== null);
    await page.getByRole('tab', { name: 'Live' }).click();
    await page.locator('figure.chart').nth(1).waitFor();
    expect(await page.locator('#live-count').textContent()).toMatch(/^\d+$/);
  }

  const axisLabels = (chart: number, axis: 'x' | 'y') => page.locator('figure.chart').nth(chart).locator(`.${axis}-axis span`).allTextContents();

  it('charts a little history honestly: the time so far, with a time axis and a scale', async () => {
    await demoLive(12, 1, (minute) => 20 + (minute % 5));
    // Both charts span the 12 minutes there are and say so, instead of a squiggle at the far right.
    const captions = await page.locator('figure.chart figcaption').allTextContents();
    expect(captions).toEqual([expect.stringMatching(/^Collecting: 1[23] minutes so far$/), expect.stringMatching(/^Collecting: \d+ minutes so far$/)]);
    expect((await axisLabels(0, 'x')).length).toBeGreaterThanOrEqual(2);
    const scale = await axisLabels(0, 'y');
    expect(scale).toHaveLength(3);
    expect(scale[2]).toBe('0');
    expect(Number(scale[0])).toBeGreaterThanOrEqual(24);
    await shootLive('live-little-history');
  });

  it('charts a day of history with a time axis every 6 hours and nothing clipped, in light and dark', async () => {
    await demoLive(24 * 60, 5, (minute) => 30 + Math.round(25 * Math.sin(minute / 180)));
    expect(await page.locator('figure.chart figcaption').allTextContents()).toEqual([]);
    expect(await axisLabels(0, 'x')).toHaveLength(4);
    expect((await axisLabels(1, 'x')).length).toBeGreaterThanOrEqual(3);
    expect(await axisLabels(1, 'x')).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{1,2}:00( [AP]M)?$/)]));
    // Every label lies inside the window, and the line may draw past its box rather than be cut.
    const box = await page.locator('figure.chart').nth(1).boundingBox();
    for (const label of await page.locator('figure.chart').nth(1).locator('span').all()) {
      const at = await label.boundingBox();
      expect(at && box && at.x >= box.x - 1 && at.x + at.width <= box.x + box.width + 1).toBe(true);
    }
    expect(await page.locator('svg.plot').first().evaluate(styleOf, 'overflow')).toBe('visible');
    await shootLive('live-day-history');
  });

  it('shows what is live now and today against yesterday on the Live tab, in light and dark', async () => {
    const ranges = dayRanges(Date.now(), 'Europe/Paris');
    const hour = 3_600_000;
    const elapsed = Math.floor((Date.now() - ranges.todayStart) / hour);
    fake.setHours(
      'site_shop',
      'USD',
      Array.from({ length: elapsed + 1 }, (_, index) => [
        { at: ranges.yesterdayStart + index * hour, visitors: 30 + ((index * 7) % 20) },
        { at: ranges.todayStart + index * hour, visitors: 40 + ((index * 11) % 25), revenue: index % 3 === 0 ? 49 : 0 },
      ]).flat(),
    );
    const pages = ['/pricing', '/pricing', '/pricing', '/blog/launch', '/blog/launch', '/docs/getting-started', '/'];
    fake.setLive('site_shop', {
      visitors: pages.map((path, index) => ({
        currentUrl: `https://shop.example.com${path}?utm_source=newsletter`,
        referrer: ['https://www.google.com/', 'https://news.ycombinator.com/', null][index % 3] ?? null,
        location: { countryCode: ['US', 'DE', 'FR', 'US'][index % 4] ?? 'US' },
        isCustomer: index === 0,
        customerEmail: 'someone@example.com',
      })),
    });
    try {
      await addWebsiteKey(TEST_TOKENS.shopKey);
      await page.getByRole('tab', { name: 'Live' }).click();
      await page.locator('#today-line').waitFor();
      expect(await page.locator('#today-line').textContent()).toMatch(/^Today: [\d,]+ visitors \([+-]?\d+% vs yesterday\) · \$[\d,]+ revenue$/);
      expect(await page.locator('.live-list li').allTextContents()).toEqual(
        expect.arrayContaining(['/pricing — 3', '/blog/launch — 2', 'google.com — 3', '🇺🇸 United States — 3', '🇩🇪 Germany — 2']) as unknown,
      );
      expect(await page.locator('.live-now > p').textContent()).toBe('1 of 42 live visitors is a customer');
      expect(await page.locator('svg.bars rect.bar-today').count()).toBe(elapsed + 1);
      expect(await page.content()).not.toMatch(/someone@example|utm_source/);
      await page.screenshot({ path: join(SCREENSHOTS, 'live-details-light.png'), fullPage: true });
      const dark = await openSettingsPage(browser, app.controller, 'dark');
      try {
        await dark.page.getByRole('tab', { name: 'Live' }).click();
        await dark.page.locator('#today-line').waitFor();
        await dark.page.screenshot({ path: join(SCREENSHOTS, 'live-details-dark.png'), fullPage: true });
      } finally {
        await dark.close();
      }
    } finally {
      fake.setLive('site_shop', { visitors: [], payments: [] });
      fake.setHours('site_shop', 'USD', []);
    }
  });

  it('draws radios and checkboxes in the brand colour', async () => {
    await page.getByRole('tab', { name: 'General' }).click();
    const accent = await page.locator('input[type="radio"]').first().evaluate(styleOf, 'accent-color');
    expect(accent).toBe('rgb(232, 69, 30)');
  });

  it('shows the live count and charts, in light and dark', async () => {
    // An hour and a half of history for the demo website, then the demo itself.
    await demoLive(90, 1, (minute) => 30 + Math.round(12 * Math.sin(minute / 7)));
    await page.screenshot({ path: join(SCREENSHOTS, 'live-light.png') });

    const dark = await openSettingsPage(browser, app.controller, 'dark');
    try {
      const background = await dark.page.evaluate(() => {
        const doc = globalThis as unknown as { document: { body: object }; getComputedStyle(e: object): { backgroundColor: string } };
        return doc.getComputedStyle(doc.document.body).backgroundColor;
      });
      expect(background).toBe('rgb(29, 29, 31)');
      await dark.page.locator('.website').first().waitFor();
      await dark.page.screenshot({ path: join(SCREENSHOTS, 'websites-dark.png') });
      for (const tab of ['General', 'Notifications', 'Live']) {
        await dark.page.getByRole('tab', { name: tab }).click();
        await dark.page.screenshot({ path: join(SCREENSHOTS, `${tab.toLowerCase()}-dark.png`) });
      }
    } finally {
      await dark.close();
    }
    expect(window.rejected).toEqual([]);
  });
});
