import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/core/time/duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('a wait', () => {
  it('writes a wait in the unit a person thinks in', () => {
    expect([500, 45_000, 119_000, 120_000, 60 * MINUTE, 3 * HOUR].map(formatDuration)).toEqual(['1 s', '45 s', '119 s', '2 min', '60 min', '3 h']);
  });
});
