import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundedDelay, MAX_TIMER_DELAY_MS, systemClock } from '../../../src/core/time/clock';

describe('timers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('bounds every delay to what a timer can hold', () => {
    expect(boundedDelay(2 ** 40)).toBe(MAX_TIMER_DELAY_MS);
    expect(boundedDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_DELAY_MS);
    expect(boundedDelay(-5)).toBe(0);
    expect(boundedDelay(Number.NaN)).toBe(0);
    expect(boundedDelay(1234)).toBe(1234);
  });

  it('never arms a system timer past 2^31-1 ms, so a huge delay waits instead of firing at once', async () => {
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    let fired = 0;
    const handle = systemClock.setTimeout(() => (fired += 1), 98_204_259_092_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    systemClock.clearTimeout(handle);
    process.off('warning', onWarning);
    expect(fired).toBe(0);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
    expect(armed.mock.calls[0]?.[1]).toBe(MAX_TIMER_DELAY_MS);
  });
});
