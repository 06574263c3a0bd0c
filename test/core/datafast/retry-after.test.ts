import { describe, expect, it } from 'vitest';
import { retryTimeFromHeaders } from '../../../src/core/datafast/retry-after';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const HOUR = 60 * 60_000;
const retryIn = (headers: Record<string, string>): number | null => {
  const at = retryTimeFromHeaders(new Headers(headers), NOW);
  return at === null ? null : at - NOW;
};

describe('retry times from 429 headers', () => {
  it.each([
    ['Retry-After in seconds', { 'retry-after': '30' }, 30_000],
    ['Retry-After absurdly far, in seconds', { 'retry-after': '99999999999' }, HOUR],
    ['Retry-After as an HTTP date far in the future', { 'retry-after': new Date(NOW + 400 * 24 * HOUR).toUTCString() }, HOUR],
    ['Retry-After as an HTTP date in the past', { 'retry-after': new Date(NOW - 5 * 60_000).toUTCString() }, 0],
    ['X-RateLimit-Reset in seconds', { 'x-ratelimit-reset': String(NOW / 1000 + 40) }, 40_000],
    ['X-RateLimit-Reset in milliseconds', { 'x-ratelimit-reset': String(NOW + 50_000) }, 50_000],
    ['X-RateLimit-Reset in the past', { 'x-ratelimit-reset': String(NOW / 1000 - 600) }, 0],
    ['X-RateLimit-Reset far in the future, in seconds', { 'x-ratelimit-reset': String(NOW / 1000 + 10 * 365 * 24 * 3600) }, HOUR],
    ['X-RateLimit-Reset far in the future, in milliseconds', { 'x-ratelimit-reset': '99999999999999' }, HOUR],
  ] as const)('waits a bounded time for %s', (_name, headers, expected) => {
    expect(retryIn(headers)).toBe(expected);
  });

  it.each([
    ['a negative Retry-After', { 'retry-after': '-30' }],
    ['an unreadable Retry-After', { 'retry-after': 'soon' }],
    ['a garbage X-RateLimit-Reset', { 'x-ratelimit-reset': '1e400' }],
    ['no header at all', {}],
  ] as const)('says nothing for %s, so the caller waits its own interval', (_name, headers) => {
    expect(retryIn(headers)).toBeNull();
  });
});
