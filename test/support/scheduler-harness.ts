import { vi } from 'vitest';
import { systemClock, type Clock } from '../../src/core/time/clock';
import { DataFastError, type FailureInfo } from '../../src/core/datafast/errors';
import type { PollTarget } from '../../src/core/polling/poll-entry';
import { websiteKey, type WebsiteKey } from '../../src/shared/settings-shapes';

/** Vitest's fake timers behind our Clock, with chance fixed so backoff is predictable. */
export function fakeClock(random = 0): Clock {
  // systemClock looks up Date and setTimeout at each call, so vi's fakes stand in for them.
  return { ...systemClock, random: () => random };
}

export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

export function useFakeTime(): void {
  vi.useFakeTimers({ now: T0 });
}

export type Reply = number | FailureInfo | { readonly hangMs: number; readonly then: number };

/** A website whose reads answer from a script and remember when they ran and how they ended. */
export class ScriptedTarget implements PollTarget {
  readonly calls: number[] = [];
  readonly aborted: number[] = [];
  #inFlight = 0;
  maxInFlight = 0;
  readonly #replies: Reply[];
  readonly websiteKey: WebsiteKey;

  constructor(
    key: string,
    readonly budgetKey = 'token-a',
    readonly revision = '1',
    replies: Reply[] = [],
    readonly fallback: Reply = 10,
  ) {
    this.websiteKey = websiteKey(key);
    this.#replies = replies;
  }

  static readonly network: FailureInfo = { kind: 'network', message: 'offline' };

  read = (signal: AbortSignal): Promise<number> => {
    this.calls.push(Date.now());
    const reply = this.#replies.shift() ?? this.fallback;
    this.#inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    const done = (): void => {
      this.#inFlight -= 1;
    };
    if (typeof reply === 'number') {
      done();
      return Promise.resolve(reply);
    }
    if ('kind' in reply) {
      done();
      return Promise.reject(new DataFastError(reply));
    }
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        done();
        resolve(reply.then);
      }, reply.hangMs);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        done();
        this.aborted.push(Date.now());
        reject(new DataFastError({ kind: 'aborted', message: 'aborted' }));
      });
    });
  };

  /** Gaps between consecutive reads, in seconds. */
  gaps(): number[] {
    return this.calls.slice(1).map((at, index) => (at - (this.calls[index] ?? at)) / 1000);
  }
}
