import type { Agent, IncomingHttpHeaders, IncomingMessage, request as httpRequest } from 'node:http';
import { pipeline, Writable, type Transform } from 'node:stream';
import { BodyTooLargeError, declaresTooMuch } from './bounded-body';
import { errnoCode } from './errors';
import { ProxyFailureError, RedirectRefusedError, type HeaderLookup, type HttpReply, type HttpRequest, type HttpTransport } from './http-transport';
import { proxyFor } from './proxy-env';

export interface NodeTransportOptions {
  /** Where `https_proxy`, `http_proxy` and `no_proxy` are read, in either case (the runner's own environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Requests over node:http and node:https. Node's own fetch loads undici on first use, which
 * costs a one-shot read more than the rest of the runner together; these modules are already in
 * the process. Its guarantees are the client's: the caller's signal (which carries the one
 * deadline) ends the request at any stage, the body is cut at its cap as it streams, counted
 * after decompression, and a redirect is refused, never followed.
 */
export function nodeTransport(options: NodeTransportOptions = {}): HttpTransport {
  const env = options.env ?? {};
  const agents = new Map<string, Promise<Agent>>();
  const agentFor = (url: URL, proxy: URL): Promise<Agent> => {
    const key = `${url.protocol} ${proxy.href}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = proxyAgent(url, proxy);
      agents.set(key, agent);
    }
    return agent;
  };
  return async (request) => {
    const url = new URL(request.url);
    const proxy = proxyFor(url, env);
    const route = proxy ? { proxy, agent: await agentFor(url, proxy) } : null;
    // TLS and its crypto load only for an https address: a plain read on this computer starts without them.
    const requestFn = url.protocol === 'https:' ? (await import('node:https')).request : (await import('node:http')).request;
    request.signal.throwIfAborted();
    return send(requestFn, url, request, route);
  };
}

interface ProxyRoute {
  readonly proxy: URL;
  readonly agent: Agent;
}

/**
 * Loaded only when a proxy is set: https through a CONNECT tunnel (the proxy sees the host, never
 * the token), plain http (this computer only) as an absolute-form request.
 */
async function proxyAgent(url: URL, proxy: URL): Promise<Agent> {
  if (url.protocol === 'https:') {
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    return new HttpsProxyAgent(proxy);
  }
  const { HttpProxyAgent } = await import('http-proxy-agent');
  return new HttpProxyAgent(proxy);
}

function send(requestFn: typeof httpRequest, url: URL, { headers, signal, limitBytes }: HttpRequest, route: ProxyRoute | null): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: unknown): void => {
      if (!settle()) return;
      outgoing.destroy();
      reject(route && failedToReach(error, route.proxy) ? new ProxyFailureError(route.proxy.origin, errnoCode(error) ?? 'no connection') : asError(error));
    };
    const onAbort = (): void => fail(signal.reason);
    const outgoing = requestFn(
      url,
      { method: 'GET', headers: { ...headers, 'Accept-Encoding': 'gzip, deflate, br' }, ...(route && { agent: route.agent }) },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) return fail(new RedirectRefusedError(status));
        const encoding = response.headers['content-encoding']?.trim().toLowerCase() ?? '';
        if (declaresTooMuch(response.headers['content-length'], encoding, limitBytes)) return fail(new BodyTooLargeError(limitBytes));
        decoderFor(encoding).then(
          (decoder) =>
            readBody(response, decoder, limitBytes, (error, body) => {
              if (error) return fail(error);
              if (settle()) resolve({ status, headers: headerLookup(response.headers), body: body ?? '' });
            }),
          fail,
        );
      },
    );
    outgoing.on('error', fail);
    // A proxy that will not open the tunnel answers with its own status, which would otherwise
    // read as DataFast's (a 403 from the proxy is not the token's fault).
    // (A plain-http proxy opens no tunnel, so its event has no status.)
    outgoing.on('proxyConnect', ({ statusCode }: { statusCode?: number }) => {
      if (route && statusCode !== undefined && statusCode !== 200)
        fail(new ProxyFailureError(route.proxy.origin, `it answered the tunnel with HTTP ${statusCode}`));
    });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.end();
  });
}

/**
 * The stream that undoes a content encoding; null for none, or one we did not ask for (read as it
 * is). zlib loads with the first encoded reply: a plain one is read without it.
 */
async function decoderFor(encoding: string): Promise<Transform | null> {
  if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) return null;
  const zlib = await import('node:zlib');
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return encoding === 'deflate' ? zlib.createInflate() : zlib.createGunzip();
}

/** Collects the decoded body, failing the moment it passes `limitBytes`; every stream is destroyed on failure. */
function readBody(response: IncomingMessage, decoder: Transform | null, limitBytes: number, done: (error: Error | null, body?: string) => void): void {
  const chunks: Buffer[] = [];
  let total = 0;
  const collector = new Writable({
    write(chunk: Buffer, _encoding, next) {
      total += chunk.length;
      if (total > limitBytes) return next(new BodyTooLargeError(limitBytes));
      chunks.push(chunk);
      next();
    },
  });
  const finished = (error: Error | null): void => (error ? done(error) : done(null, Buffer.concat(chunks).toString('utf8')));
  if (decoder) pipeline(response, decoder, collector, finished);
  else pipeline(response, collector, finished);
}

/** What a stream or signal failed with, as an Error (a signal's reason can be anything). */
function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** A connection error from the proxy's own address: the proxy, not DataFast, is out of reach. */
function failedToReach(error: unknown, proxy: URL): boolean {
  if (!(error instanceof Error) || errnoCode(error) === null) return false;
  const { address, port } = error as Error & { address?: unknown; port?: unknown };
  const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  // A name that failed to resolve (ENOTFOUND) has no address; its hostname is the proxy's.
  const hostname = (error as Error & { hostname?: unknown }).hostname;
  return (port === proxyPort && typeof address === 'string') || hostname === proxyHost;
}

function headerLookup(headers: IncomingHttpHeaders): HeaderLookup {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
