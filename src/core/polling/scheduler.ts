import type { WebsiteKey } from '../../shared/settings-shapes';
import { systemClock, type Clock } from '../time/clock';
import { needsUserAction } from '../datafast/errors';
import { newEntry, stateOf, toFailure, wakeWaiters, type Entry, type PollOutcome, type PollState, type PollTarget } from './poll-entry';
import { BACKGROUND_INTERVAL_MS, DEFAULT_BUDGET_PER_MINUTE, DEFAULT_INTERVAL_MS, backoffDelay, isAllowedInterval } from './intervals';
import { RequestBudget } from './request-budget';
import { nextReadAt, resumeDelay } from './pacing';

export interface SchedulerOptions {
  readonly clock?: Clock;
  readonly intervalMs?: number;
  readonly budgetPerMinute?: number;
  readonly budget?: RequestBudget; // shared with reads beside the scheduler's, so one token's limit covers all
  readonly onPoll?: (outcome: PollOutcome) => void;
}

/**
 * Polls every website with a chain of timeouts (never `setInterval`, which piles up missed ticks
 * after sleep), at most one request in flight per website, within a per-token request budget.
 */
export class Scheduler {
  readonly #clock: Clock;
  readonly #budget: RequestBudget;
  readonly #onPoll: (outcome: PollOutcome) => void;
  readonly #entries = new Map<WebsiteKey, Entry>();
  #intervalMs: number;
  #activeKey: WebsiteKey | null = null;
  #everyWebsiteActive = false;
  #running = false;
  #paused = false;

  constructor(options: SchedulerOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#budget = options.budget ?? new RequestBudget(options.budgetPerMinute ?? DEFAULT_BUDGET_PER_MINUTE);
    this.#onPoll = options.onPoll ?? (() => undefined);
    this.#intervalMs = checkedInterval(options.intervalMs ?? DEFAULT_INTERVAL_MS);
  }

  get intervalMs(): number {
    return this.#intervalMs;
  }

  get activeKey(): WebsiteKey | null {
    return this.#activeKey;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Adds a website, or replaces its target (a new token or website ID), which lifts a halt. */
  setTarget(target: PollTarget): void {
    const existing = this.#entries.get(target.websiteKey);
    if (existing) {
      if (existing.target.revision === target.revision) {
        existing.target = target;
        return;
      }
      this.#cancel(existing);
      existing.target = target;
      existing.halted = false;
      existing.failures = 0;
      existing.error = null;
      if (this.#running) this.#poll(existing);
      return;
    }
    const entry = newEntry(target);
    this.#entries.set(target.websiteKey, entry);
    if (this.#running) this.#poll(entry);
  }

  removeTarget(websiteKey: WebsiteKey): void {
    const entry = this.#entries.get(websiteKey);
    if (!entry) return;
    this.#cancel(entry);
    this.#entries.delete(websiteKey);
    // Which website is on screen next is the caller's to say (the engine is told with every change).
    if (this.#activeKey === websiteKey) this.#activeKey = null;
  }

  websiteKeys(): WebsiteKey[] {
    return [...this.#entries.keys()];
  }

  /** Begins polling: one immediate read per website. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    if (!this.#paused) for (const entry of this.#entries.values()) this.#poll(entry);
  }

  /** Stops for good: aborts what is in flight and leaves no timer behind. */
  stop(): void {
    this.#running = false;
    for (const entry of this.#entries.values()) this.#cancel(entry);
  }

  /** System sleep or offline: abort what is in flight and let no timer fire. */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    for (const entry of this.#entries.values()) this.#cancel(entry);
  }

  /** Back from sleep: exactly one fresh read per website, never a burst of missed polls. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    if (!this.#running) return;
    for (const entry of this.#entries.values()) if (!entry.halted) this.#poll(entry);
  }

  /** Reads a website now, or joins the read already in flight. Resolves when that read has ended. */
  refreshNow(websiteKey: WebsiteKey): Promise<void> {
    const entry = this.#entries.get(websiteKey);
    if (!entry || !this.#running || this.#paused) return Promise.resolve();
    if (entry.inFlight) return entry.inFlight;
    const done = new Promise<void>((resolve) => entry.waiters.push(resolve));
    this.#clearTimer(entry);
    this.#poll(entry);
    return done;
  }

  /**
   * Switches the website on screen; a read starts at once and it is read at the full rate from
   * then on. Returns without waiting for that read: what the screen shows changes now, to the last
   * known count or the loading mark, and the fresh count follows when it arrives.
   */
  setActive(websiteKey: WebsiteKey): void {
    if (!this.#entries.has(websiteKey) || this.#activeKey === websiteKey) return;
    const previous = this.#activeKey;
    this.#activeKey = websiteKey;
    if (previous !== null) this.#reschedule(previous);
    void this.refreshNow(websiteKey);
  }

  /**
   * Spends one request of a budget outside polling (a token check from the window): 0 when it
   * was free now, else how long until one is.
   */
  reserve(budgetKey: string): number {
    const now = this.#clock.now();
    const allowedAt = this.#budget.earliest(budgetKey, now);
    if (allowedAt > now) return allowedAt - now;
    this.#budget.record(budgetKey, now);
    return 0;
  }

  /** In "sum of all websites" mode every website is on screen, so all are read at the full rate. */
  setEveryWebsiteActive(everyWebsiteActive: boolean): void {
    if (this.#everyWebsiteActive === everyWebsiteActive) return;
    this.#everyWebsiteActive = everyWebsiteActive;
    for (const websiteKey of this.#entries.keys()) this.#reschedule(websiteKey);
  }

  setIntervalMs(intervalMs: number): void {
    this.#intervalMs = checkedInterval(intervalMs);
    for (const websiteKey of this.#entries.keys()) this.#reschedule(websiteKey);
  }

  intervalFor(websiteKey: WebsiteKey): number {
    return this.#onScreen(websiteKey) ? this.#intervalMs : Math.max(this.#intervalMs, BACKGROUND_INTERVAL_MS);
  }

  state(websiteKey: WebsiteKey): PollState | null {
    const entry = this.#entries.get(websiteKey);
    return entry ? stateOf(entry, this.#clock.now(), this.intervalFor(websiteKey)) : null;
  }

  states(): PollState[] {
    const now = this.#clock.now();
    return [...this.#entries.values()].map((entry) => stateOf(entry, now, this.intervalFor(entry.target.websiteKey)));
  }

  /** After an interval or activity change, move a healthy website's next read to its new rate. */
  #reschedule(websiteKey: WebsiteKey): void {
    const entry = this.#entries.get(websiteKey);
    if (!entry || !this.#running || this.#paused || entry.halted || entry.inFlight || entry.failures > 0) return;
    const now = this.#clock.now();
    this.#schedule(entry, Math.max(0, this.#nextReadAt(entry, entry.lastAttemptAt ?? now) - now));
  }

  #nextReadAt(entry: Entry, from: number): number {
    const key = entry.target.websiteKey;
    return nextReadAt(key, from, this.intervalFor(key), this.#onScreen(key));
  }

  #onScreen(websiteKey: WebsiteKey): boolean {
    return this.#everyWebsiteActive || websiteKey === this.#activeKey;
  }

  #queueDelay(entry: Entry): number {
    const { budgetKey } = entry.target;
    const sameToken = [...this.#entries.values()].filter((other) => other.target.budgetKey === budgetKey).map((other) => other.target.websiteKey);
    return resumeDelay(entry.target.websiteKey, this.#activeKey, sameToken);
  }

  #poll(entry: Entry): void {
    if (!this.#running || this.#paused || entry.inFlight) return;
    const now = this.#clock.now();
    const { budgetKey } = entry.target;
    const allowedAt = this.#budget.earliest(budgetKey, now);
    if (allowedAt > now) {
      // Held by a 429: in line behind the others the hold held. Held by the budget alone: in turn, as timers fire.
      const heldBy429 = this.#budget.heldUntil(budgetKey) >= allowedAt;
      this.#schedule(entry, allowedAt - now + (heldBy429 ? this.#queueDelay(entry) : 0));
      return;
    }
    this.#budget.record(budgetKey, now);
    this.#clearTimer(entry);
    entry.lastAttemptAt = now;
    const abort = new AbortController();
    entry.abort = abort;
    const read = Promise.resolve()
      .then(() => entry.target.read(abort.signal))
      .then(
        (visitors) => this.#succeeded(entry, abort, visitors),
        (error: unknown) => this.#failed(entry, abort, error),
      )
      .finally(() => {
        // A read that was cancelled has already been replaced and its waiters woken.
        if (entry.abort !== abort) return;
        entry.abort = null;
        entry.inFlight = null;
        wakeWaiters(entry);
      });
    entry.inFlight = read;
  }

  #succeeded(entry: Entry, abort: AbortController, visitors: number): void {
    if (abort.signal.aborted || !this.#isCurrent(entry)) return;
    const at = this.#clock.now();
    entry.visitors = visitors;
    entry.fetchedAt = at;
    entry.error = null;
    entry.failures = 0;
    entry.halted = false;
    this.#schedule(entry, this.#nextReadAt(entry, at) - at);
    this.#onPoll({ websiteKey: entry.target.websiteKey, ok: true, visitors, at });
  }

  #failed(entry: Entry, abort: AbortController, error: unknown): void {
    if (abort.signal.aborted || !this.#isCurrent(entry)) return;
    const at = this.#clock.now();
    const failure = toFailure(error);
    const websiteKey = entry.target.websiteKey;
    const interval = this.intervalFor(websiteKey);
    entry.error = failure;
    if (needsUserAction(failure.kind)) {
      entry.halted = true;
    } else if (failure.kind === 'rate-limited') {
      // Never sooner than the server asked, and backing off like any failure: a 429 without a
      // retry time waits longer each time, and one that keeps coming waits past its retry time
      // by the backoff, instead of returning exactly when told, in step with every other client.
      entry.failures += 1;
      const backoff = backoffDelay(interval, entry.failures, this.#clock.random());
      const until = entry.failures > 1 ? Math.max(failure.retryAt ?? 0, at) + backoff : Math.max(failure.retryAt ?? 0, at + backoff);
      this.#budget.blockUntil(entry.target.budgetKey, until);
      this.#schedule(entry, until - at + this.#queueDelay(entry));
    } else {
      entry.failures += 1;
      this.#schedule(entry, backoffDelay(interval, entry.failures, this.#clock.random()));
    }
    this.#onPoll({ websiteKey, ok: false, error: failure, at });
  }

  #isCurrent(entry: Entry): boolean {
    return this.#entries.get(entry.target.websiteKey) === entry;
  }

  #schedule(entry: Entry, delayMs: number): void {
    this.#clearTimer(entry);
    if (!this.#running || this.#paused) return;
    entry.nextPollAt = this.#clock.now() + delayMs;
    entry.timer = this.#clock.setTimeout(() => {
      entry.timer = undefined;
      entry.nextPollAt = null;
      this.#poll(entry);
    }, delayMs);
  }

  #clearTimer(entry: Entry): void {
    if (entry.timer !== undefined) this.#clock.clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.nextPollAt = null;
  }

  #cancel(entry: Entry): void {
    this.#clearTimer(entry);
    entry.abort?.abort();
    entry.abort = null;
    entry.inFlight = null;
    wakeWaiters(entry);
  }
}

function checkedInterval(ms: number): number {
  if (!isAllowedInterval(ms)) throw new RangeError('The refresh interval must be a whole number of milliseconds from 10 s to 10 min.');
  return ms;
}
