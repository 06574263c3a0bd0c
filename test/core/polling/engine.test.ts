import { websiteKey } from '../../../src/shared/settings-shapes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine, pollingOf } from '../../../src/core/polling/engine';
import type { SpikeEvent } from '../../../src/core/readings/spike-detector';
import { createDemoReader } from '../../../src/core/polling/demo-source';
import { fakeClock, ScriptedTarget, T0, useFakeTime } from '../../support/scheduler-harness';
import type { EngineWebsite } from '../../../src/core/polling/engine';

function asWebsite(target: ScriptedTarget): EngineWebsite {
  return { websiteKey: target.websiteKey, budgetKey: target.budgetKey, revision: target.revision, read: target.read, threshold: null };
}

const MINUTE = 60_000;
beforeEach(useFakeTime);
afterEach(() => {
  vi.useRealTimers();
});

describe('engine', () => {
  it('records readings in history and reports a spike once traffic doubles for two readings', async () => {
    const replies = [...Array<number>(130).fill(20), 60, 60, 60, 60];
    const target = new ScriptedTarget('site', 'k', '1', replies, 60);
    const spikes: SpikeEvent[] = [];
    const engine = new Engine({ clock: fakeClock(), onSpike: (spike) => spikes.push(spike) });
    engine.apply(pollingOf([asWebsite(target)]));
    engine.start();
    await vi.advanceTimersByTimeAsync(66 * MINUTE);
    expect(engine.history.size(websiteKey('site'))).toBeGreaterThanOrEqual(60);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ websiteKey: 'site', visitors: 60, baseline: 20, reason: 'above-usual' });
    expect(spikes[0]?.at).toBe(T0 + 131 * 30_000);
    engine.stop();
  });

  it('does not fire on the first readings after a wake, even if traffic is high', async () => {
    const target = new ScriptedTarget('site', 'k', '1', Array<number>(130).fill(20), 80);
    const spikes: SpikeEvent[] = [];
    const engine = new Engine({ clock: fakeClock(), onSpike: (spike) => spikes.push(spike) });
    engine.apply(pollingOf([asWebsite(target)]));
    engine.start();
    await vi.advanceTimersByTimeAsync(64 * MINUTE + 30_000);
    engine.pause();
    spikes.length = 0;
    await vi.advanceTimersByTimeAsync(MINUTE);
    engine.resume();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(spikes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(spikes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(spikes).toHaveLength(1);
    engine.stop();
  });

  it('drops websites that are no longer configured', async () => {
    const a = new ScriptedTarget('a');
    const b = new ScriptedTarget('b');
    const engine = new Engine({ clock: fakeClock() });
    engine.apply(pollingOf([asWebsite(a), asWebsite(b)]));
    engine.start();
    await vi.advanceTimersByTimeAsync(1_000);
    engine.apply(pollingOf([asWebsite(a)]));
    expect(engine.states().map((state) => state.websiteKey)).toEqual(['a']);
    engine.stop();
  });
});

describe('demo source', () => {
  it('walks realistically: whole, non-negative counts that move but not wildly, with spikes', async () => {
    let now = T0;
    let seed = 1;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const read = createDemoReader({ now: () => now, random, peak: 60 });
    const counts: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      counts.push(await read());
      now += 30_000;
    }
    expect(counts.every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
    expect(new Set(counts).size).toBeGreaterThan(20);
    const median = [...counts].sort((x, y) => x - y)[1_000] ?? 0;
    expect(Math.max(...counts)).toBeGreaterThan(2 * median);
  });
});
