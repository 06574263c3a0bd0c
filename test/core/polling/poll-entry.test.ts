import { describe, expect, it } from 'vitest';
import { DataFastError } from '../../../src/core/datafast/errors';
import { newEntry, stateOf, toFailure, wakeWaiters, type PollTarget } from '../../../src/core/polling/poll-entry';
import { websiteKey } from '../../../src/shared/website-ids';

const target: PollTarget = { websiteKey: websiteKey('w_shop'), budgetKey: 'k', revision: '1', read: () => Promise.resolve(1) };
const T0 = 1_800_000_000_000;

describe("a website's poll state", () => {
  it('is stale once no reading came for two intervals, or while the last read failed', () => {
    const entry = { ...newEntry(target), visitors: 42, fetchedAt: T0 };
    expect(stateOf(entry, T0 + 60_000, 30_000).stale).toBe(false);
    expect(stateOf(entry, T0 + 60_001, 30_000).stale).toBe(true);
    expect(stateOf({ ...entry, error: { kind: 'network', message: 'x' } }, T0 + 1_000, 30_000)).toMatchObject({ stale: true, visitors: 42 });
    expect(stateOf(newEntry(target), T0, 30_000)).toMatchObject({ stale: false, visitors: null, fetchedAt: null, halted: false });
  });

  it('keeps a DataFast failure as it was said, and words anything else as a failed read, kept a network failure so it is retried', () => {
    expect(toFailure(new DataFastError({ kind: 'rate-limited', message: 'Slow down.', retryAt: T0 }))).toEqual({
      kind: 'rate-limited',
      message: 'Slow down.',
      retryAt: T0,
    });
    expect(toFailure(new Error('socket hang up'))).toEqual({ kind: 'network', message: 'Reading visitors failed: socket hang up' });
  });

  it('wakes everyone waiting for a read, once', () => {
    const entry = newEntry(target);
    let woken = 0;
    entry.waiters.push(
      () => void (woken += 1),
      () => void (woken += 1),
    );
    wakeWaiters(entry);
    wakeWaiters(entry);
    expect(woken).toBe(2);
  });
});
