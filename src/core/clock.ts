/** Time and chance, injected so that scheduling code can be tested without mocks. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

/** The timer half of a clock, for code that only waits. */
export type Timers = Pick<Clock, 'setTimeout' | 'clearTimeout'>;

/**
 * Runs `task` every `everyMs` on a chain of timeouts (a timer that fires late after sleep runs
 * the task once, not once per missed turn). Returns a function that stops it for good.
 */
export function repeatEvery(timers: Timers, everyMs: number, task: () => void): () => void {
  let stopped = false;
  let timer: unknown;
  const turn = (): void => {
    task();
    if (!stopped) timer = timers.setTimeout(turn, everyMs);
  };
  timer = timers.setTimeout(turn, everyMs);
  return () => {
    stopped = true;
    timers.clearTimeout(timer);
  };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};
