import type { HeaderLookup } from './http-transport';

/**
 * When a 429 says we may call again, as epoch milliseconds, or null when it does not say.
 *
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). DataFast's own
 * `X-RateLimit-Reset` is documented as Unix seconds but has been seen in milliseconds, so a value
 * too large to be seconds is read as milliseconds.
 */
export function retryTimeFromHeaders(headers: HeaderLookup, now: number): number | null {
  const stated = statedRetryTime(headers, now);
  return stated === null ? null : Math.min(Math.max(stated, now), now + MAX_RETRY_WAIT_MS);
}

/**
 * A server may ask for any wait; we wait at most an hour and then poll normally. A time in the
 * past means "now" (the caller still waits at least its interval).
 */
export const MAX_RETRY_WAIT_MS = 60 * 60_000;

function statedRetryTime(headers: HeaderLookup, now: number): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return now + Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return date;
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    // 1e11 seconds is the year 5138; 1e11 milliseconds is 1973. Anything above is milliseconds.
    return value > 1e11 ? value : value * 1000;
  }
  return null;
}
