import { maskToken } from './token';

const TOKEN_LIKE = /\bdft?_[A-Za-z0-9_-]{4,}/g;

/**
 * Text that came from outside (an API's error message, a library's exception) may quote a token
 * back at us. Everything we show or log passes through here first.
 */
export function redactTokens(text: string, maxLength = 300): string {
  const redacted = text.replace(TOKEN_LIKE, (token) => maskToken(token));
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}
