/**
 * How the client's requests travel: a GET with headers, bounded by a signal and a body cap. The
 * app hands in Electron's `net.fetch` (the system proxy, Chromium's network stack); the runner
 * uses node:http(s), which starts in a fraction of the time Node's own fetch takes to load.
 */
export interface HttpRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Aborts the request at any stage: connect, headers or body. */
  readonly signal: AbortSignal;
  /** The most body bytes to read, counted after decompression. */
  readonly limitBytes: number;
}

/** A reply's headers, looked up by name in any case (the part of `Headers` the client reads). */
export interface HeaderLookup {
  get(name: string): string | null;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: HeaderLookup;
  readonly body: string;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpReply>;

export function isSuccess(reply: Pick<HttpReply, 'status'>): boolean {
  return reply.status >= 200 && reply.status < 300;
}

/** A redirect, never followed: the token would go wherever it points. The word "redirect" is how failures name it. */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError';

  constructor(status: number) {
    super(`unexpected redirect (HTTP ${status})`);
  }
}

/** The proxy the environment names could not be reached, or would not open a tunnel to DataFast. */
export class ProxyFailureError extends Error {
  override readonly name = 'ProxyFailureError';

  constructor(
    readonly proxyOrigin: string,
    readonly reason: string,
  ) {
    super(`the proxy ${proxyOrigin} failed: ${reason}`);
  }
}
