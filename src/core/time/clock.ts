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

/** The longest delay a Node or browser timer holds; past it, Node fires after 1 ms instead. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * A delay a timer can really wait: at least 0, at most `MAX_TIMER_DELAY_MS` (24.8 days), and 0
 * for a value that is not a number. Every timer the app arms goes through here, so no computed
 * delay, however absurd its inputs, can turn into a 1 ms busy loop.
 */
export function boundedDelay(delayMs: number): number {
  if (Number.isNaN(delayMs)) return 0;
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(0, delayMs));
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, boundedDelay(delayMs)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};
