import { readBoundedText } from './bounded-body';
import type { HttpTransport } from './http-transport';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Requests through a fetch (Electron's `net.fetch` in the app): redirects refused, the body streamed up to its cap. */
export function fetchTransport(fetchImpl: FetchFunction): HttpTransport {
  return async ({ url, headers, signal, limitBytes }) => {
    const response = await fetchImpl(url, { method: 'GET', headers, signal, redirect: 'error' });
    const body = await readBoundedText(response, limitBytes, signal);
    return { status: response.status, headers: response.headers, body };
  };
}
