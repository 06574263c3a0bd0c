import { websiteKey } from '../../../src/shared/settings-shapes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from '../../../src/core/polling/scheduler';
import { RESUME_SPACING_MS, stablePhase } from '../../../src/core/polling/pacing';
import type { PollOutcome } from '../../../src/core/polling/poll-entry';
import { backoffDelay } from '../../../src/core/polling/intervals';
import { fakeClock, ScriptedTarget, T0, useFakeTime } from '../../support/scheduler-harness';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

beforeEach(useFakeTime);
afterEach(() => {
  vi.useRealTimers();
});

interface SchedulerOptions {
  intervalMs?: number;
  budgetPerMinute?: number;
  random?: number;
  outcomes?: PollOutcome[];
  everyWebsiteActive?: boolean;
}

function scheduler(options: SchedulerOptions = {}): Scheduler {
  return new Scheduler({
    clock: fakeClock(options.random ?? 0),
    intervalMs: options.intervalMs ?? 30 * SECOND,
    budgetPerMinute: options.budgetPerMinute ?? 30,
    onPoll: (outcome) => options.outcomes?.push(outcome),
  });
}

/** A scheduler reading these websites, started at T0 (the first is the active one). */
function started(targets: ScriptedTarget[], options: SchedulerOptions = {}): Scheduler {
  const poller = scheduler(options);
  poller.setEveryWebsiteActive(options.everyWebsiteActive ?? false);
  for (const target of targets) poller.setTarget(target);
  // As the engine does: the first website is on screen unless a test picks another.
  const [first] = targets;
  if (first) poller.setActive(first.websiteKey);
  poller.start();
  return poller;
}

describe('cadence', () => {
  it('reads the active website every interval and the others at most every two minutes', async () => {
    const active = new ScriptedTarget('active');
    const background = new ScriptedTarget('background');
    started([active, background]);
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    expect(active.gaps()).toEqual(Array(12).fill(30));
    // The first background read moves to the website's own slot, then keeps to it: never sooner than two minutes.
    const gaps = background.gaps();
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps.every((gap) => gap >= 120)).toBe(true);
    expect(gaps.slice(1).every((gap) => gap === 120)).toBe(true);
  });

  it('reads background websites in turn at stable places in their interval, not together', async () => {
    const targets = ['active', 'w_shop', 'w_blog', 'w_docs', 'w_store'].map((key) => new ScriptedTarget(key));
    started(targets);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    // After the first read together at start, each background website keeps its own second of the two minutes.
    const slots = targets.slice(1).map((target) => new Set(target.calls.slice(1).map((at) => Math.round(at / SECOND) % 120)));
    expect(slots.every((slot) => slot.size === 1)).toBe(true);
    const seconds = slots.map((slot) => [...slot][0]);
    expect(new Set(seconds).size).toBe(4);
    expect(seconds).toEqual(targets.slice(1).map((target) => Math.round(stablePhase(target.websiteKey, 120_000) / SECOND) % 120));
  });

  it('uses the full rate for every website in sum mode', async () => {
    const first = new ScriptedTarget('first');
    const second = new ScriptedTarget('second');
    started([first, second], { everyWebsiteActive: true });
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(second.gaps()).toEqual([30, 30, 30, 30]);
  });

  it('refuses intervals outside 10 s to 10 min', () => {
    expect(() => scheduler({ intervalMs: 5 * SECOND })).toThrow(RangeError);
    expect(() => scheduler({ intervalMs: 11 * MINUTE })).toThrow(RangeError);
    expect(() => scheduler({ intervalMs: 10 * MINUTE })).not.toThrow();
  });

  it('moves the next read when the interval changes', async () => {
    const target = new ScriptedTarget('site');
    const poller = started([target], { intervalMs: 5 * MINUTE });
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    poller.setIntervalMs(10 * SECOND);
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(target.calls.map((at) => (at - T0) / 1000)).toEqual([0, 20, 30, 40, 50]);
  });
});

describe('one request at a time', () => {
  it('never overlaps reads of a website and lets refreshNow join the one in flight', async () => {
    const slow = new ScriptedTarget('slow', 'k', '1', [{ hangMs: 25 * SECOND, then: 5 }]);
    const poller = started([slow], { intervalMs: 10 * SECOND });
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    const joined = poller.refreshNow(websiteKey('slow'));
    await vi.advanceTimersByTimeAsync(21 * SECOND);
    await joined;
    expect(slow.calls).toHaveLength(1);
    expect(poller.state(websiteKey('slow'))?.visitors).toBe(5);
    expect(slow.maxInFlight).toBe(1);
  });

  it('setActive reads the newly chosen website at once', async () => {
    const first = new ScriptedTarget('first');
    const second = new ScriptedTarget('second');
    const poller = started([first, second]);
    await vi.advanceTimersByTimeAsync(50 * SECOND);
    poller.setActive(websiteKey('second'));
    await vi.advanceTimersByTimeAsync(0);
    expect(second.calls.map((at) => (at - T0) / 1000)).toEqual([0, 50]);
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(second.calls.map((at) => (at - T0) / 1000)).toEqual([0, 50, 80]);
  });
});

describe('failures', () => {
  it('backs off exponentially from the interval up to ten minutes, then recovers after one success', async () => {
    const network = ScriptedTarget.network;
    const replies = [network, network, network, network, network, network, network, 12];
    const target = new ScriptedTarget('site', 'k', '1', replies);
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(40 * MINUTE);
    expect(target.gaps().slice(0, 8)).toEqual([30, 60, 120, 240, 480, 600, 600, 30]);
    expect(poller.state(websiteKey('site'))?.error).toBeNull();
  });

  it('starts backing off afresh after a success: the next failure waits one interval, not where the last run stopped', async () => {
    const network = ScriptedTarget.network;
    const target = new ScriptedTarget('site', 'k', '1', [network, network, network, 12, network, 13]);
    started([target]);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(target.gaps().slice(0, 5)).toEqual([30, 60, 120, 30, 30]);
  });

  it('backs off exponentially on 429s that name no retry time, as on any other failure', async () => {
    const limited = { kind: 'rate-limited' as const, message: 'slow down' };
    const target = new ScriptedTarget('site', 'k', '1', [limited, limited, limited, limited, limited, 12]);
    started([target]);
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    expect(target.gaps().slice(0, 6)).toEqual([30, 60, 120, 240, 480, 30]);
  });

  it('adds at most 20 % jitter and never exceeds the cap', () => {
    expect(backoffDelay(30 * SECOND, 1, 0.999)).toBeLessThanOrEqual(36 * SECOND);
    expect(backoffDelay(30 * SECOND, 1, 0)).toBe(30 * SECOND);
    expect(backoffDelay(30 * SECOND, 3, 0.5)).toBe(132 * SECOND);
    expect(backoffDelay(30 * SECOND, 50, 0.999)).toBe(10 * MINUTE);
  });

  it('holds every website on a token until a 429 retry time', async () => {
    const retryAt = T0 + 5 * MINUTE;
    const limited = new ScriptedTarget('limited', 'shared', '1', [{ kind: 'rate-limited', message: 'slow down', retryAt }]);
    const sibling = new ScriptedTarget('sibling', 'shared');
    const elsewhere = new ScriptedTarget('elsewhere', 'other');
    started([limited, sibling, elsewhere], { everyWebsiteActive: true });
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    const after = (target: ScriptedTarget): number[] => target.calls.filter((at) => at > T0).map((at) => (at - T0) / 1000);
    expect(after(limited)[0]).toBe(300);
    // One at a time when the hold lifts: the active website first, the next a few seconds later.
    expect(after(sibling)[0]).toBe(300 + RESUME_SPACING_MS / SECOND);
    expect(after(elsewhere)[0]).toBe(30);
  });

  it('resumes the websites a 429 held one at a time, the active one first, though another was refused', async () => {
    const retryAt = T0 + 2 * MINUTE;
    const active = new ScriptedTarget('active', 'shared');
    const refused = new ScriptedTarget('refused', 'shared', '1', [{ kind: 'rate-limited', message: 'slow down', retryAt }]);
    const third = new ScriptedTarget('third', 'shared');
    started([active, refused, third], { everyWebsiteActive: true });
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    const firstAfterHold = (target: ScriptedTarget): number | undefined => target.calls.map((at) => (at - T0) / SECOND).find((at) => at >= 120);
    expect([active, refused, third].map(firstAfterHold)).toEqual([120, 120 + RESUME_SPACING_MS / SECOND, 120 + (2 * RESUME_SPACING_MS) / SECOND]);
  });

  it('backs off past the retry time when 429s keep coming, instead of returning exactly when told', async () => {
    const target = new ScriptedTarget('site', 'k', '1', [
      { kind: 'rate-limited', message: 'slow down', retryAt: T0 + MINUTE },
      { kind: 'rate-limited', message: 'slow down', retryAt: T0 + 2 * MINUTE },
    ]);
    started([target]);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    // The first waits until the time named; the second that time plus a backoff of two intervals.
    expect(target.gaps().slice(0, 2)).toEqual([60, 60 + backoffDelay(30 * SECOND, 2, 0) / SECOND]);
  });

  it('waits at least one interval after a 429 that names no time', async () => {
    const limited = new ScriptedTarget('limited', 'k', '1', [{ kind: 'rate-limited', message: 'slow down' }]);
    started([limited]);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(limited.gaps()[0]).toBe(30);
  });

  it.each(['unauthorized', 'forbidden', 'not-found'] as const)('stops after %s until the token changes', async (kind) => {
    const target = new ScriptedTarget('site', 'k', '1', [{ kind, message: kind }]);
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(target.calls).toHaveLength(1);
    expect(poller.state(websiteKey('site'))).toMatchObject({ halted: true, stale: true, error: { kind } });

    poller.setTarget(new ScriptedTarget('site', 'k', '1'));
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(poller.state(websiteKey('site'))?.halted).toBe(true);

    const fixed = new ScriptedTarget('site', 'k', '2');
    poller.setTarget(fixed);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fixed.calls.length).toBeGreaterThanOrEqual(2);
    expect(poller.state(websiteKey('site'))).toMatchObject({ halted: false, error: null, visitors: 10 });
  });
});

describe('request budget', () => {
  it('keeps every token within its budget per minute, shared by its websites', async () => {
    const targets = ['a', 'b', 'c', 'd', 'e'].map((id) => new ScriptedTarget(id, 'shared'));
    started(targets, { intervalMs: 10 * SECOND, budgetPerMinute: 4, everyWebsiteActive: true });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    const all = targets.flatMap((target) => target.calls).sort((a, b) => a - b);
    for (const [index, at] of all.entries()) {
      const inWindow = all.slice(index).filter((other) => other < at + MINUTE);
      expect(inWindow.length).toBeLessThanOrEqual(4);
    }
    // The budget is used, not merely respected: 4 a minute over ten minutes.
    expect(all.length).toBeGreaterThanOrEqual(38);
    // Every website still gets its turn.
    for (const target of targets) expect(target.calls.length).toBeGreaterThan(3);
  });
});

describe('sleep and wake', () => {
  it('pause aborts the read in flight and lets no timer fire', async () => {
    const target = new ScriptedTarget('site', 'k', '1', [5, { hangMs: 60 * SECOND, then: 1 }]);
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(31 * SECOND);
    expect(target.calls).toHaveLength(2);
    poller.pause();
    expect(target.aborted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3 * 60 * MINUTE);
    expect(target.calls).toHaveLength(2);
    expect(poller.state(websiteKey('site'))?.stale).toBe(true);
    expect(poller.state(websiteKey('site'))?.visitors).toBe(5);
  });

  it('resume makes exactly one read per website, then the normal cadence', async () => {
    const targets = [new ScriptedTarget('a'), new ScriptedTarget('b'), new ScriptedTarget('c')];
    const poller = started(targets);
    await vi.advanceTimersByTimeAsync(MINUTE);
    poller.pause();
    await vi.advanceTimersByTimeAsync(8 * 60 * MINUTE);
    const before = targets.map((target) => target.calls.length);
    poller.resume();
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(targets.map((target, index) => target.calls.length - (before[index] ?? 0))).toEqual([1, 1, 1]);
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(targets[0]?.calls.length).toBe((before[0] ?? 0) + 2);
    expect(poller.state(websiteKey('a'))?.stale).toBe(false);
  });

  it('takes a second resume as a no-op: one read follows, however many times it is told', async () => {
    const target = new ScriptedTarget('site');
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(SECOND);
    poller.pause();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    const before = target.calls.length;
    poller.resume();
    await vi.advanceTimersByTimeAsync(SECOND);
    // A wake and an unlock can both say so; the read the first one started has ended by then.
    poller.resume();
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(target.calls.length - before).toBe(1);
  });

  it('refreshNow does nothing while paused', async () => {
    const target = new ScriptedTarget('site');
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(SECOND);
    poller.pause();
    await poller.refreshNow(websiteKey('site'));
    expect(target.calls).toHaveLength(1);
  });

  it('stop leaves nothing running', async () => {
    const target = new ScriptedTarget('site');
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(SECOND);
    poller.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('state', () => {
  it('is stale after two intervals without success, or when the last read failed', async () => {
    const outcomes: PollOutcome[] = [];
    const target = new ScriptedTarget('site', 'k', '1', [8, ScriptedTarget.network]);
    const poller = started([target], { outcomes });
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(poller.state(websiteKey('site'))).toMatchObject({ visitors: 8, stale: false, fetchedAt: T0 });
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(poller.state(websiteKey('site'))).toMatchObject({ visitors: 8, stale: true, error: { kind: 'network' } });
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false]);
  });

  it('forgets a removed website and stops reading it', async () => {
    const target = new ScriptedTarget('site');
    const poller = started([target]);
    await vi.advanceTimersByTimeAsync(SECOND);
    poller.removeTarget(websiteKey('site'));
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(target.calls).toHaveLength(1);
    expect(poller.state(websiteKey('site'))).toBeNull();
    expect(poller.activeKey).toBeNull();
  });
});
