const WINDOW_MS = 60_000;

/**
 * A sliding one-minute request budget per token, shared by every website read with that token,
 * plus the "not before" time a 429 imposed on it.
 */
export class RequestBudget {
  readonly #perMinute: number;
  readonly #sent = new Map<string, number[]>();
  readonly #blockedUntil = new Map<string, number>();

  constructor(perMinute: number) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError('The request budget must be at least 1 per minute.');
    this.#perMinute = perMinute;
  }

  /** The earliest time at or after `now` when a request with this key may be sent. */
  earliest(key: string, now: number): number {
    const blocked = this.#blockedUntil.get(key) ?? 0;
    const recent = this.#recent(key, now);
    const budgetFree = recent.length < this.#perMinute ? now : (recent[recent.length - this.#perMinute] ?? now) + WINDOW_MS;
    return Math.max(now, blocked, budgetFree);
  }

  record(key: string, now: number): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#sent.set(key, recent);
  }

  /** Until when a 429 holds this key (0 when none ever did). */
  heldUntil(key: string): number {
    return this.#blockedUntil.get(key) ?? 0;
  }

  blockUntil(key: string, until: number): void {
    this.#blockedUntil.set(key, Math.max(until, this.#blockedUntil.get(key) ?? 0));
  }

  #recent(key: string, now: number): number[] {
    const all = this.#sent.get(key) ?? [];
    const firstInWindow = all.findIndex((sentAt) => sentAt > now - WINDOW_MS);
    return firstInWindow === -1 ? [] : firstInWindow === 0 ? all : all.slice(firstInWindow);
  }
}
