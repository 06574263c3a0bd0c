import { describe, expect, it } from 'vitest';
import { websiteKey } from '../../../src/shared/settings-shapes';
import { historyFromLegacyJson } from '../../../src/core/storage/legacy-history';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 0, 0, 0);

describe('history from the old history.json', () => {
  it('keeps the last day of each website and drops what is older', () => {
    const now = T0 + 26 * 60 * MINUTE + MINUTE;
    const saved = {
      version: 1,
      websites: {
        a: [
          [T0, 1],
          [T0 + 26 * 60 * MINUTE, 2],
        ],
        b: [[T0 + 26 * 60 * MINUTE, 3]],
      },
    };
    const restored = historyFromLegacyJson(JSON.parse(JSON.stringify(saved)), now);
    expect(restored.between(websiteKey('a'), 0, Infinity)).toEqual([{ at: T0 + 26 * 60 * MINUTE, visitors: 2 }]);
    expect(restored.between(websiteKey('b'), 0, Infinity)).toEqual([{ at: T0 + 26 * 60 * MINUTE, visitors: 3 }]);
  });

  it('drops only the samples that cannot be counts, keeps the rest, and says how many once', () => {
    const dropped: number[] = [];
    const poisoned = {
      version: 1,
      websites: {
        a: [[T0 - 5 * MINUTE, 7], [T0 - 4 * MINUTE, -5], [T0 - 3 * MINUTE, 18_014_398_509_481_982], [T0 - 2 * MINUTE, 10_000_001], 'x', [T0 - MINUTE, 3]],
      },
    };
    const restored = historyFromLegacyJson(JSON.parse(JSON.stringify(poisoned)), T0, (count) => dropped.push(count));
    expect(restored.between(websiteKey('a'), 0, Infinity).map((sample) => sample.visitors)).toEqual([7, 3]);
    expect(dropped).toEqual([4]);
  });

  it('refuses a file of another shape', () => {
    expect(() => historyFromLegacyJson({ version: 2, websites: {} }, T0)).toThrow();
    expect(() => historyFromLegacyJson('nonsense', T0)).toThrow();
  });
});
