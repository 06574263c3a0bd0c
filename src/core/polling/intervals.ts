import { REFRESH_SECONDS } from '../../shared/setting-limits';

export const DEFAULT_INTERVAL_MS = REFRESH_SECONDS.default * 1000;
export const MIN_INTERVAL_MS = REFRESH_SECONDS.min * 1000;
export const MAX_INTERVAL_MS = REFRESH_SECONDS.max * 1000;
/** Websites not on screen are polled at most this often, to spare the shared request budget. */
export const BACKGROUND_INTERVAL_MS = 120_000;
export const MAX_BACKOFF_MS = 600_000;
export const DEFAULT_BUDGET_PER_MINUTE = 30;

export function isAllowedInterval(ms: number): boolean {
  return Number.isInteger(ms) && ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS;
}

/**
 * Delay before retrying after `failures` consecutive transient failures: never sooner than the
 * normal interval, doubling each time up to ten minutes, with up to 20 % jitter so that many
 * clients recovering from one outage do not return in step.
 */
export function backoffDelay(intervalMs: number, failures: number, random: number): number {
  const exponent = Math.max(0, failures - 1);
  const base = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(exponent, 30));
  const jittered = base * (1 + 0.2 * random);
  return Math.round(Math.min(Math.max(jittered, intervalMs), Math.max(MAX_BACKOFF_MS, intervalMs)));
}
