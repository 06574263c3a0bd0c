import { describe, expect, it } from 'vitest';
import { maskToken, normaliseToken, tokenKind } from '../../../src/core/datafast/token';
import { redactTokens } from '../../../src/core/datafast/redact';
import { retryTimeFromHeaders } from '../../../src/core/datafast/retry-after';

describe('tokens', () => {
  it('tells website keys from account tokens and rejects anything else', () => {
    expect(tokenKind('df_test_shop_0000000000001234')).toBe('website-key');
    expect(tokenKind('dft_test_account_00000000009999')).toBe('account-token');
    expect(tokenKind('df_short')).toBeNull();
    expect(tokenKind('sk_live_0000000000000000')).toBeNull();
    expect(tokenKind('df_has spaces_0000000000')).toBeNull();
    expect(tokenKind('')).toBeNull();
  });

  it('trims what a paste adds around a token', () => {
    expect(normaliseToken('  df_test_shop_0000000000001234\n')).toBe('df_test_shop_0000000000001234');
  });

  it('masks to the kind and the last four characters', () => {
    expect(maskToken('df_test_shop_0000000000001234')).toBe('df_…1234');
    expect(maskToken('dft_test_account_00000000009999')).toBe('dft_…9999');
    // Too short to reveal any tail safely.
    expect(maskToken('df_abcdefgh')).toBe('df_…');
  });

  it.each([
    ['glued to a word with _', 'api_key_df_test_shop_0000000000001234 refused', 'api_key_df_…1234 refused'],
    ['glued to letters', 'apikeydft_test_account_00000000009999!', 'apikeydft_…9999!'],
    ['in a URL', 'GET https://x.example/?token=df_test_shop_0000000000001234&a=1', 'GET https://x.example/?token=df_…1234&a=1'],
    ['in JSON', '{"key":"dft_test_account_00000000009999"}', '{"key":"dft_…9999"}'],
    [
      'in the text of an error and its cause',
      String(new Error('failed', { cause: new Error('bad df_test_shop_0000000000001234') }).cause),
      'Error: bad df_…1234',
    ],
  ])('redacts a token by its shape %s', (_where, text, expected) => {
    expect(redactTokens(text)).toBe(expected);
  });

  it('leaves ordinary words with df_ in them alone', () => {
    expect(redactTokens('export to pdf_file or df_short')).toBe('export to pdf_file or df_short');
  });

  it('redacts tokens quoted inside outside text', () => {
    const text = redactTokens('Key df_test_shop_0000000000001234 is revoked; dft_test_account_00000000009999 too');
    expect(text).toBe('Key df_…1234 is revoked; dft_…9999 too');
    expect(text).not.toContain('0000000000001234');
  });
});

describe('retry time from 429 headers', () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);

  it('reads Retry-After as seconds', () => {
    expect(retryTimeFromHeaders(new Headers({ 'Retry-After': '120' }), now)).toBe(now + 120_000);
  });

  it('reads Retry-After as an HTTP date', () => {
    const headers = new Headers({ 'Retry-After': new Date(now + 90_000).toUTCString() });
    expect(retryTimeFromHeaders(headers, now)).toBe(now + 90_000);
  });

  it('reads X-RateLimit-Reset in Unix seconds and in milliseconds', () => {
    expect(retryTimeFromHeaders(new Headers({ 'X-RateLimit-Reset': String((now + 30_000) / 1000) }), now)).toBe(now + 30_000);
    expect(retryTimeFromHeaders(new Headers({ 'X-RateLimit-Reset': String(now + 45_000) }), now)).toBe(now + 45_000);
  });

  it('prefers Retry-After and ignores nonsense', () => {
    const both = new Headers({ 'Retry-After': '10', 'X-RateLimit-Reset': String(now + 999_000) });
    expect(retryTimeFromHeaders(both, now)).toBe(now + 10_000);
    expect(retryTimeFromHeaders(new Headers({ 'Retry-After': 'soon' }), now)).toBeNull();
    expect(retryTimeFromHeaders(new Headers(), now)).toBeNull();
  });
});
