import { DataFastError } from './errors';

/**
 * Where a token may be sent. A token is sent only to the origin it was checked against when it
 * was added: the settings file is writable by any program of the user's, so an address changed
 * there must not be able to collect the keychain's tokens.
 */

/** `https://datafa.st` from `https://datafa.st/api/…`. */
export function apiOriginOf(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

/**
 * Why an API address cannot be used, or null when it can: it must be https, except on this
 * machine (loopback), where tests and local proxies listen on plain http.
 */
export function apiUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a valid API address (expected something like https://datafa.st).`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  if (url.protocol === 'http:')
    return `The API address must use https (plain http is allowed only for this computer: localhost, 127.0.0.1, [::1]); got ${url.origin}.`;
  return `The API address must use https (got ${url.protocol}).`;
}

/** Refuses to send a website's token anywhere but the origin it was added for. */
export function requireTokenOrigin(website: { readonly label: string; readonly apiOrigin: string }, apiUrl: string): void {
  const target = apiOriginOf(apiUrl);
  if (target === website.apiOrigin) return;
  throw new DataFastError({
    kind: 'wrong-origin',
    message: `${website.label}'s token was added for ${website.apiOrigin}; add it again to use ${target}. The token was not sent.`,
  });
}
