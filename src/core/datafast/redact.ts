import { maskToken } from './token';

/**
 * A token by its shape alone, wherever it stands: glued to a word (`key_df_…`, `apikeydft_…`),
 * inside a URL or JSON. No word boundary is asked for, since `_` and letters before the prefix
 * are word characters too; eight characters after the prefix (the shortest token) keep ordinary
 * words such as `pdf_file` out.
 */
const TOKEN_LIKE = /dft?_[A-Za-z0-9_-]{8,}/g;

/**
 * Text that came from outside (an API's error message, a library's exception) may quote a token
 * back at us. Everything we show or log passes through here first.
 */
export function redactTokens(text: string, maxLength = 300): string {
  const redacted = text.replace(TOKEN_LIKE, (token) => maskToken(token));
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}
