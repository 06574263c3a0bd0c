import { expect, it } from 'vitest';
import { join } from 'node:path';
import { eventually } from '../support/app-harness';
import { TEST_TOKENS } from '../support/fake-datafast';
import { describeSettingsWindow, SCREENSHOTS, styleOf } from '../support/settings-window-suite';

/** `src/renderer/settings-panels.ts` in Chromium, as a person uses it. */
describeSettingsWindow('the General and Notifications panels', (suite) => {
  it('puts a refused value back to the saved one at once', async () => {
    const { page } = suite;
    await page.getByRole('tab', { name: 'General' }).click();
    const interval = page.getByLabel('Refresh every (seconds)');
    await interval.fill('5');
    await interval.press('Tab');
    await page.getByRole('alert').filter({ hasText: 'at least 10 seconds' }).waitFor();
    await expect(interval.inputValue()).resolves.toBe('30');
  });

  it('changes settings, persists them, and refuses an invalid one with a message', async () => {
    const { page, app } = suite;
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
    const { page, app } = suite;
    await suite.addWebsiteKey(TEST_TOKENS.shopKey);
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

  it('draws radios and checkboxes in the brand colour', async () => {
    const { page } = suite;
    await page.getByRole('tab', { name: 'General' }).click();
    const accent = await page.locator('input[type="radio"]').first().evaluate(styleOf, 'accent-color');
    expect(accent).toBe('rgb(232, 69, 30)');
  });
});
