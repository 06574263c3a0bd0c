import { expect, it } from 'vitest';
import { describeSettingsWindow, styleOf } from '../support/settings-window-suite';

/** `src/renderer/chart.ts` in Chromium, as a person uses it. */
describeSettingsWindow("the Live tab's charts", (suite) => {
  it('charts a little history honestly: the time so far, with a time axis and a scale', async () => {
    const { page } = suite;
    await suite.demoLive(12, 1, (minute) => 20 + (minute % 5));
    // Both charts span the 12 minutes there are and say so, instead of a squiggle at the far right.
    const captions = await page.locator('figure.chart figcaption').allTextContents();
    expect(captions).toEqual([expect.stringMatching(/^Collecting: 1[23] minutes so far$/), expect.stringMatching(/^Collecting: \d+ minutes so far$/)]);
    expect((await suite.axisLabels(0, 'x')).length).toBeGreaterThanOrEqual(2);
    const scale = await suite.axisLabels(0, 'y');
    expect(scale).toHaveLength(3);
    expect(scale[2]).toBe('0');
    expect(Number(scale[0])).toBeGreaterThanOrEqual(24);
    await suite.shootLive('live-little-history');
  });

  it('charts a day of history with a time axis every 6 hours and nothing clipped, in light and dark', async () => {
    const { page } = suite;
    await suite.demoLive(24 * 60, 5, (minute) => 30 + Math.round(25 * Math.sin(minute / 180)));
    expect(await page.locator('figure.chart figcaption').allTextContents()).toEqual([]);
    expect(await suite.axisLabels(0, 'x')).toHaveLength(4);
    expect((await suite.axisLabels(1, 'x')).length).toBeGreaterThanOrEqual(3);
    expect(await suite.axisLabels(1, 'x')).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{1,2}:00( [AP]M)?$/)]));
    // Every label lies inside the window, and the line may draw past its box rather than be cut.
    const box = await page.locator('figure.chart').nth(1).boundingBox();
    for (const label of await page.locator('figure.chart').nth(1).locator('span').all()) {
      const at = await label.boundingBox();
      expect(at && box && at.x >= box.x - 1 && at.x + at.width <= box.x + box.width + 1).toBe(true);
    }
    expect(await page.locator('svg.plot').first().evaluate(styleOf, 'overflow')).toBe('visible');
    await suite.shootLive('live-day-history');
  });
});
