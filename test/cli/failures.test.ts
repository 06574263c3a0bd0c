import { describe, expect, it } from 'vitest';
import { oneShotMessage } from '../../src/cli/failures';
import { formatDuration } from '../../src/core/readings/format';

describe('runner messages', () => {
  it('writes waits in the unit a person thinks in', () => {
    expect([500, 45_000, 119_000, 120_000, 3_600_000, 7_140_000, 86_400_000].map(formatDuration)).toEqual([
      '1 s',
      '45 s',
      '119 s',
      '2 min',
      '60 min',
      '119 min',
      '24 h',
    ]);
  });

  it('tells a one-shot command what to do, not what it will do', () => {
    expect(oneShotMessage('Could not reach DataFast. Check your internet connection or proxy; we will try again.')).toBe(
      'Could not reach DataFast. Check your internet connection or proxy, then run it again.',
    );
    expect(oneShotMessage('DataFast is having trouble (HTTP 503). We will keep trying.')).toBe(
      'DataFast is having trouble (HTTP 503). Try again in a few minutes.',
    );
    expect(oneShotMessage('DataFast asked us to slow down (429); pausing this token for 24 h.')).toBe(
      'DataFast asked us to slow down (429); try again in 24 h.',
    );
    expect(oneShotMessage('DataFast did not accept this token (401).')).toBe('DataFast did not accept this token (401).');
  });
});
