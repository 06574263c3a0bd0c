import { websiteKey } from '../../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import { History, HISTORY_CAPACITY, HISTORY_RETENTION_MS } from '../../../src/core/readings/history';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 0, 0, 0);

describe('history', () => {
  it('keeps one sample per minute, the latest reading winning', () => {
    const history = new History();
    history.add(websiteKey('site'), T0, 5);
    history.add(websiteKey('site'), T0 + 30_000, 7);
    history.add(websiteKey('site'), T0 + MINUTE, 9);
    expect(history.between(websiteKey('site'), 0, Infinity)).toEqual([
      { at: T0 + 30_000, visitors: 7 },
      { at: T0 + MINUTE, visitors: 9 },
    ]);
  });

  it('is bounded: a week of readings keeps only the newest day and a bit', () => {
    const history = new History();
    for (let minute = 0; minute < 7 * 24 * 60; minute++) history.add(websiteKey('site'), T0 + minute * MINUTE, minute);
    expect(history.size(websiteKey('site'))).toBe(HISTORY_CAPACITY);
    const samples = history.between(websiteKey('site'), 0, Infinity);
    expect(samples[samples.length - 1]?.visitors).toBe(7 * 24 * 60 - 1);
    expect(samples[0]?.visitors).toBe(7 * 24 * 60 - HISTORY_CAPACITY);
    expect(HISTORY_RETENTION_MS).toBeGreaterThanOrEqual(24 * 60 * MINUTE);
  });

  it('ignores readings that go back in time', () => {
    const history = new History();
    history.add(websiteKey('site'), T0 + 5 * MINUTE, 5);
    history.add(websiteKey('site'), T0, 1);
    expect(history.between(websiteKey('site'), 0, Infinity)).toEqual([{ at: T0 + 5 * MINUTE, visitors: 5 }]);
  });
});
