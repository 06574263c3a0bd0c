import type { WebsiteKey } from '../../shared/settings-shapes';
import { DataFastError, errorMessage, type FailureInfo } from '../datafast/errors';

/** One website the scheduler polls. `read` hides whether it is DataFast or the demo source. */
export interface PollTarget {
  readonly websiteKey: WebsiteKey;
  /** Websites that share a token share a budget and a 429; never the token itself. */
  readonly budgetKey: string;
  /** Changes whenever the token or website ID changes; a new revision lifts a halt. */
  readonly revision: string;
  read(signal: AbortSignal): Promise<number>;
}

export interface PollState {
  readonly websiteKey: WebsiteKey;
  readonly visitors: number | null;
  readonly fetchedAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly error: FailureInfo | null;
  /** No success for more than two intervals, or the last poll failed. */
  readonly stale: boolean;
  /** Stopped until the token or settings change (401, 403, 404, a malformed token). */
  readonly halted: boolean;
  readonly nextPollAt: number | null;
}

export type PollOutcome =
  | { readonly websiteKey: WebsiteKey; readonly ok: true; readonly visitors: number; readonly at: number }
  | { readonly websiteKey: WebsiteKey; readonly ok: false; readonly error: FailureInfo; readonly at: number };

/** The scheduler's record of one website: its reading, its failures and its next read. */
export interface Entry {
  target: PollTarget;
  visitors: number | null;
  fetchedAt: number | null;
  lastAttemptAt: number | null;
  error: FailureInfo | null;
  failures: number;
  halted: boolean;
  timer: unknown;
  nextPollAt: number | null;
  inFlight: Promise<void> | null;
  abort: AbortController | null;
  waiters: Array<() => void>;
}

export function newEntry(target: PollTarget): Entry {
  return {
    target,
    visitors: null,
    fetchedAt: null,
    lastAttemptAt: null,
    error: null,
    failures: 0,
    halted: false,
    timer: undefined,
    nextPollAt: null,
    inFlight: null,
    abort: null,
    waiters: [],
  };
}

/** What the rest of the app may know of an entry; stale after two intervals without a reading. */
export function stateOf(entry: Entry, now: number, intervalMs: number): PollState {
  const tooOld = entry.fetchedAt !== null && now - entry.fetchedAt > 2 * intervalMs;
  return {
    websiteKey: entry.target.websiteKey,
    visitors: entry.visitors,
    fetchedAt: entry.fetchedAt,
    lastAttemptAt: entry.lastAttemptAt,
    error: entry.error,
    stale: entry.error !== null || tooOld,
    halted: entry.halted,
    nextPollAt: entry.nextPollAt,
  };
}

export function wakeWaiters(entry: Entry): void {
  for (const wake of entry.waiters.splice(0)) wake();
}

export function toFailure(error: unknown): FailureInfo {
  if (error instanceof DataFastError) return error.toInfo();
  const message = errorMessage(error);
  return { kind: 'network', message: `Reading visitors failed: ${message}` };
}
