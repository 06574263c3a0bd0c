import { expect, it } from 'vitest';
import { eventually } from '../support/app-harness';
import { TEST_TOKENS } from '../support/fake-datafast';
import { describeSettingsWindow } from '../support/settings-window-suite';

/** `src/renderer/tabs.ts` in Chromium, as a person uses it. */
describeSettingsWindow('the tabs', (suite) => {
  it('works from the keyboard alone', async () => {
    const { page, app } = suite;
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
});
