import { describe, expect, it } from 'vitest';
import { MINUTE, scaleTop, timeStep, timeTicks } from '../../src/shared/chart-scale';

const HOUR = 60 * MINUTE;

describe('chart scale', () => {
  it.each([
    [0, 2],
    [1, 2],
    [3, 4],
    [7, 10],
    [42, 50],
    [230, 250],
    [1_234, 2_000],
    [9_000_000, 10_000_000],
  ])('puts the top of the scale for a peak of %i at %i, at or above it, halving to a whole number', (peak, top) => {
    expect(scaleTop(peak)).toBe(top);
    expect(scaleTop(peak)).toBeGreaterThanOrEqual(peak);
    expect((scaleTop(peak) / 2) % 1).toBe(0);
  });

  it('labels an hour every 15 minutes and a day every 6 hours', () => {
    expect(timeStep(HOUR)).toBe(15 * MINUTE);
    expect(timeStep(24 * HOUR)).toBe(6 * HOUR);
    expect(timeStep(12 * MINUTE)).toBe(5 * MINUTE);
  });

  it('places ticks on round local times inside the span, never outside it', () => {
    const from = new Date(2026, 10, 29, 13, 7, 30).getTime();
    const to = from + HOUR;
    const ticks = timeTicks(from, to);
    expect(ticks.map((at) => new Date(at).toTimeString().slice(0, 5))).toEqual(['13:15', '13:30', '13:45', '14:00']);
    expect(ticks.every((at) => at >= from && at <= to)).toBe(true);
    const day = timeTicks(new Date(2026, 10, 28, 14, 10).getTime(), new Date(2026, 10, 29, 14, 10).getTime());
    expect(day.map((at) => new Date(at).getHours())).toEqual([18, 0, 6, 12]);
  });
});
