import type { Clock } from '../src/core/time/clock';

/** Simulated time for benchmarks: a week passes in seconds, timers firing in order. */
export class VirtualClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + delayMs, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  random(): number {
    return 0.5;
  }

  /** Fires every timer due before `until`, letting promises settle after each. */
  async runUntil(until: number, afterEach: () => void = () => undefined): Promise<number> {
    let fired = 0;
    await settle();
    for (;;) {
      let nextId = -1;
      let nextAt = Number.POSITIVE_INFINITY;
      for (const [id, timer] of this.#timers) {
        if (timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      if (nextId === -1 || nextAt > until) break;
      const timer = this.#timers.get(nextId);
      this.#timers.delete(nextId);
      this.#now = nextAt;
      timer?.callback();
      await settle();
      fired += 1;
      afterEach();
    }
    this.#now = until;
    return fired;
  }
}

/** Lets the promise chains of a read (fetch, body, parse) finish before time moves on. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}
