import { expect, it } from 'vitest';
import { STATE_EVENT } from '../../src/shared/ipc-contract';
import { eventually } from '../support/app-harness';
import { TEST_TOKENS } from '../support/fake-datafast';
import { describeSettingsWindow } from '../support/settings-window-suite';

/** `src/renderer/index.ts` in Chromium: what the window's live regions say, and how often. */
describeSettingsWindow('the settings window page', (suite) => {
  it('rewrites the headline live region only when its text changes, so a poll with the same count is not spoken again', async () => {
    const { page, app } = suite;
    await suite.addWebsiteKey(TEST_TOKENS.shopKey);
    await eventually(() => app.controller.trayView().visitors === 42);
    await page.locator('#headline').filter({ hasText: 'Shop' }).waitFor();
    // Counts every change a screen reader would hear in the region.
    await page.evaluate(() => {
      const doc = globalThis as unknown as {
        document: { getElementById(id: string): object };
        MutationObserver: new (callback: (records: unknown[]) => void) => { observe(target: object, options: object): void };
        headlineRewrites: number;
      };
      doc.headlineRewrites = 0;
      new doc.MutationObserver((records) => (doc.headlineRewrites += records.length)).observe(doc.document.getElementById('headline'), {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const push = (state: unknown): Promise<void> =>
      page.evaluate(([channel, pushed]) => (globalThis as unknown as { __datafastPush(c: string, s: unknown): void }).__datafastPush(channel, pushed), [
        STATE_EVENT,
        state,
      ] as const);
    const rewrites = (): Promise<number> => page.evaluate(() => (globalThis as unknown as { headlineRewrites: number }).headlineRewrites);
    const state = app.controller.appState();
    await push(state);
    await push(state);
    expect(await rewrites()).toBe(0);
    await push({ ...state, headline: 'Shop — 43 visitors' });
    expect(await rewrites()).toBeGreaterThan(0);
    await expect(page.locator('#headline').textContent()).resolves.toContain('Shop — 43 visitors');
  });
});
