import { describe, expect, it } from 'vitest';
import { ageChangesAt, formatAge, singleLine } from '../../../src/core/readings/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('times and names as a person reads them', () => {
  it('says how old a reading is, in whole minutes at the finest', () => {
    expect([0, 59_999, MINUTE, 59 * MINUTE, HOUR, 47 * HOUR, 48 * HOUR, -5].map(formatAge)).toEqual([
      'just now',
      'just now',
      '1 min ago',
      '59 min ago',
      '1 h ago',
      '47 h ago',
      '2 days ago',
      'just now',
    ]);
  });

  it('knows when that text next changes: the next whole minute, hour or day of the age', () => {
    expect(ageChangesAt(0, 30_000)).toBe(MINUTE);
    expect(ageChangesAt(0, 90 * MINUTE)).toBe(2 * HOUR);
  });

  it('keeps a name to one line: control characters become one space', () => {
    expect(singleLine('  Shop\n\t\u0007name\u2028  ')).toBe('Shop name');
    expect(singleLine('  Plain  ')).toBe('Plain');
  });
});
