import { expect, it } from 'vitest';
import { join } from 'node:path';
import { dayRanges } from '../../src/core/live/day-ranges';
import { TEST_TOKENS } from '../support/fake-datafast';
import { openSettingsPage } from '../support/settings-page';
import { describeSettingsWindow, SCREENSHOTS } from '../support/settings-window-suite';

/** `src/renderer/hour-bars.ts` in Chromium, as a person uses it. */
describeSettingsWindow("the Live tab's hours, today against yesterday", (suite) => {
  it('shows what is live now and today against yesterday on the Live tab, in light and dark', async () => {
    const { page, app, fake, browser } = suite;
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
      await suite.addWebsiteKey(TEST_TOKENS.shopKey);
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
});
