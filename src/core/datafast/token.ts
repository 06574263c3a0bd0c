/**
 * DataFast has two kinds of credential. A website key (`df_…`) names its website itself; an
 * account token (`dft_…`) can see several websites and needs `websiteId` on every call.
 */
import type { TokenKind as StoredTokenKind } from '../../shared/settings-shapes';

/** The kinds of real token: the demo needs none. */
export type TokenKind = Exclude<StoredTokenKind, 'demo'>;

const TOKEN_PATTERN = /^(dft?)_[A-Za-z0-9_-]{8,200}$/;

/** Pasted tokens often carry a trailing newline or spaces; those are never part of a token. */
export function normaliseToken(raw: string): string {
  return raw.trim();
}

/** The kind of a well-formed token, or null when it cannot be a DataFast token at all. */
export function tokenKind(token: string): TokenKind | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  return match[1] === 'dft' ? 'account-token' : 'website-key';
}

/** `df_…5678`: enough to tell tokens apart, never enough to use one. */
export function maskToken(token: string): string {
  const kind = tokenKind(token);
  const prefix = kind === 'account-token' ? 'dft_' : kind === 'website-key' ? 'df_' : '';
  const tail = token.length >= prefix.length + 12 ? token.slice(-4) : '';
  return `${prefix}…${tail}`;
}
