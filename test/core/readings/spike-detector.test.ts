import { websiteKey } from '../../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/core/readings/history';
import { median, SpikeDetector, type Reading } from '../../../src/core/readings/spike-detector';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

/** A website with an hour of steady traffic behind it, read every 30 s from `T0 + 1 h`. */
function setup(usual = 20, settings = { factor: 2, minimum: 10, cooldownMs: 30 * MINUTE }) {
  const history = new History();
  for (let minute = 0; minute < 60; minute++) history.add(websiteKey('site'), T0 + minute * MINUTE, usual);
  const detector = new SpikeDetector(history, settings);
  let at = T0 + 60 * MINUTE;
  const read = (visitors: number, extra: Partial<Reading> = {}) => {
    at += 30_000;
    history.add(websiteKey('site'), at, visitors);
    return detector.observe({ websiteKey: websiteKey('site'), visitors, at, stale: false, threshold: null, ...extra });
  };
  return { detector, history, read, now: () => at };
}

describe('spike detector', () => {
  it('computes the median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('never fires on the first reading, then needs two readings in a row above factor × usual', () => {
    const { read } = setup(20);
    expect(read(100)).toBeNull();
    expect(read(45)).toBeNull();
    const spike = read(41);
    expect(spike).toMatchObject({ websiteKey: 'site', visitors: 41, baseline: 20, reason: 'above-usual' });
  });

  it('does not fire on one reading above and one below (flapping)', () => {
    const { read } = setup(20);
    read(20);
    const results = [50, 30, 50, 30, 50, 30].map((visitors) => read(visitors));
    expect(results.every((result) => result === null)).toBe(true);
  });

  it('uses the minimum when usual traffic is tiny', () => {
    const { read } = setup(2);
    read(2);
    expect([read(6), read(6), read(9), read(9)]).toEqual([null, null, null, null]);
    expect(read(10)).toBeNull();
    expect(read(10)).toMatchObject({ visitors: 10, baseline: 2 });
  });

  it('re-arms only after falling below 80 % of the trigger level, and respects the cooldown', () => {
    const { read } = setup(20, { factor: 2, minimum: 10, cooldownMs: 0 });
    read(20);
    read(50);
    expect(read(50)).not.toBeNull();
    // Still high, and dipping to 33 (above 80 % of 40) does not re-arm.
    expect([read(50), read(50), read(33), read(50), read(50)]).toEqual([null, null, null, null, null]);
    read(31);
    read(50);
    expect(read(50)).not.toBeNull();
  });

  it('stays quiet during the cooldown even when re-armed', () => {
    const { read } = setup(20);
    read(20);
    read(50);
    expect(read(50)).not.toBeNull();
    read(10);
    read(60);
    expect(read(60)).toBeNull();
  });

  it('fires again once the cooldown has passed', () => {
    const { read, history } = setup(20, { factor: 2, minimum: 10, cooldownMs: 2 * MINUTE });
    read(20);
    read(50);
    expect(read(50)).not.toBeNull();
    read(10);
    read(10);
    read(10);
    read(10);
    read(50);
    expect(read(50)).not.toBeNull();
    expect(history.size(websiteKey('site'))).toBeGreaterThan(60);
  });

  it('ignores stale readings and resets the run of readings above', () => {
    const { read } = setup(20);
    read(20);
    read(50);
    expect(read(50, { stale: true })).toBeNull();
    expect(read(50)).toBeNull();
    expect(read(50)).not.toBeNull();
  });

  it('treats the first reading after a resume like the first after start', () => {
    const { read, detector } = setup(20);
    read(20);
    read(50);
    detector.markDiscontinuity();
    expect(read(50)).toBeNull();
    expect(read(50)).toBeNull();
    expect(read(50)).not.toBeNull();
  });

  it('fires at an absolute threshold even without a baseline', () => {
    const history = new History();
    const detector = new SpikeDetector(history);
    const observe = (visitors: number, at: number) => detector.observe({ websiteKey: websiteKey('new'), visitors, at, stale: false, threshold: 100 });
    expect(observe(150, T0)).toBeNull();
    expect(observe(150, T0 + 30_000)).toBeNull();
    expect(observe(99, T0 + 60_000)).toBeNull();
    expect(observe(100, T0 + 90_000)).toBeNull();
    expect(observe(120, T0 + 120_000)).toMatchObject({ reason: 'threshold', baseline: null, visitors: 120 });
  });

  it('excludes the last five minutes from the baseline and needs enough samples', () => {
    const history = new History();
    const detector = new SpikeDetector(history);
    for (let minute = 0; minute < 5; minute++) history.add(websiteKey('site'), T0 + minute * MINUTE, 20);
    expect(detector.baseline(websiteKey('site'), T0 + 10 * MINUTE)).toBeNull();
    for (let minute = 5; minute < 60; minute++) history.add(websiteKey('site'), T0 + minute * MINUTE, minute >= 55 ? 500 : 20);
    expect(detector.baseline(websiteKey('site'), T0 + 60 * MINUTE)).toBe(20);
  });
});
