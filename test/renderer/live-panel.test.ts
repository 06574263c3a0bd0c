import { expect, it } from 'vitest';
import { join } from 'node:path';
import { openSettingsPage } from '../support/settings-page';
import { describeSettingsWindow, SCREENSHOTS } from '../support/settings-window-suite';

/** `src/renderer/live-panel.ts` in Chromium, as a person uses it. */
describeSettingsWindow('the Live tab', (suite) => {
  it('shows the live count and charts, in light and dark', async () => {
    const { page, app, browser, window } = suite;
    // An hour and a half of history for the demo website, then the demo itself.
    await suite.demoLive(90, 1, (minute) => 30 + Math.round(12 * Math.sin(minute / 7)));
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
