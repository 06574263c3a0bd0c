import { describe, expect, it } from 'vitest';
import { nextReadAt, RESUME_SPACING_MS, resumeDelay, stablePhase } from '../../../src/core/polling/pacing';

const INTERVAL = 120_000;

describe('pacing', () => {
  it('gives each website the same place in its interval every time, and different websites different places', () => {
    expect(stablePhase('w_shop', INTERVAL)).toBe(stablePhase('w_shop', INTERVAL));
    const phases = ['w_shop', 'w_blog', 'w_docs', 'w_store'].map((key) => stablePhase(key, INTERVAL));
    expect(new Set(phases).size).toBe(4);
    expect(phases.every((phase) => phase >= 0 && phase < INTERVAL)).toBe(true);
  });

  it('reads a website on screen an interval later, and one in the background at its own slot, never sooner than an interval', () => {
    expect(nextReadAt('w_shop', 1_000_000, 30_000, true)).toBe(1_030_000);
    const phase = stablePhase('w_shop', INTERVAL);
    for (const from of [0, 5_000, phase, phase + 1, 10 * INTERVAL + 7]) {
      const next = nextReadAt('w_shop', from, INTERVAL, false);
      expect(next - from).toBeGreaterThanOrEqual(INTERVAL);
      expect(next - from).toBeLessThan(2 * INTERVAL);
      expect(next % INTERVAL).toBe(phase);
    }
  });

  it('resumes the active website first, then the others in order, a few seconds apart', () => {
    const sameToken = ['w_a', 'w_active', 'w_b', 'w_c'];
    expect(sameToken.map((key) => resumeDelay(key, 'w_active', sameToken))).toEqual([RESUME_SPACING_MS, 0, 2 * RESUME_SPACING_MS, 3 * RESUME_SPACING_MS]);
  });
});
