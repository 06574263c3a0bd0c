import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createGzip } from 'node:zlib';

/**
 * A DataFast that misbehaves on purpose, on 127.0.0.1. The first path segment picks the
 * misbehaviour, so a runner in another process chooses it with `--api-url <url>/<mode>`:
 *
 * - `huge`: a 200 whose JSON body is `hugeBytes` long (400 MB unless set);
 * - `endless`: a 200 whose body never ends (a chunk every 50 ms);
 * - `gzip-bomb`: a 200 whose gzip body inflates to `bombBytes` (1 GiB unless set);
 * - `retry-after/<value>`, `reset/<value>`: a 429 with that `Retry-After` or `X-RateLimit-Reset`;
 * - `redirect`: a 302 to another origin (this server on `localhost`), which would answer 42;
 * - `echo`: a 401 whose message repeats the Authorization header;
 * - `nested`: a 200 with JSON nested 100,000 levels deep;
 * - `ok`: a normal 200 with 42 visitors.
 */
export interface HostileRequest {
  readonly path: string;
  readonly authorization: string | null;
  readonly host: string | undefined;
}

export class HostileDataFast {
  readonly requests: HostileRequest[] = [];
  hugeBytes = 400 * 1024 * 1024;
  bombBytes = 1024 * 1024 * 1024;
  /** Bytes of body each misbehaving reply got out before the client hung up. */
  readonly bytesSent: number[] = [];
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #port = 0;
  #bomb: Promise<Buffer> | null = null;
  #bombFor = 0;

  private constructor() {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<HostileDataFast> {
    const hostile = new HostileDataFast();
    await new Promise<void>((resolve) => hostile.#server.listen(0, '127.0.0.1', resolve));
    const address = hostile.#server.address();
    if (address === null || typeof address === 'string') throw new Error('hostile server has no port');
    hostile.#port = address.port;
    return hostile;
  }

  /** The API address for one misbehaviour, e.g. `url('gzip-bomb')`. */
  url(mode: string): string {
    return `http://127.0.0.1:${this.#port}/${mode}`;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    this.requests.push({ path, authorization: request.headers.authorization ?? null, host: request.headers.host });
    const [mode = '', argument = ''] = path.split('/').filter(Boolean);
    switch (mode) {
      case 'huge':
        return this.#stream(response, this.hugeBytes, {});
      case 'endless':
        return this.#endless(response);
      case 'gzip-bomb': {
        const body = await this.gzipBomb();
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) });
        response.end(body);
        return;
      }
      case 'retry-after':
        return sendJson(response, 429, errorBody(429, 'Slow down'), { 'retry-after': decodeURIComponent(argument) });
      case 'reset':
        return sendJson(response, 429, errorBody(429, 'Slow down'), { 'x-ratelimit-reset': decodeURIComponent(argument) });
      case 'redirect':
        response.writeHead(302, { location: `http://localhost:${this.#port}/ok${path.slice('/redirect'.length)}` });
        response.end();
        return;
      case 'echo':
        return sendJson(response, 401, errorBody(401, `Invalid key: ${request.headers.authorization ?? ''}`));
      case 'websites':
        return sendJson(response, 200, websiteList(Number(argument)));
      case 'nested':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
        return;
      default:
        // The realtime map's data is an object; every other endpoint's, a list.
        if (path.endsWith('/realtime/map')) return sendJson(response, 200, { status: 'success', data: { count: 42, visitors: [], recentPayments: [] } });
        return sendJson(response, 200, { status: 'success', data: [{ visitors: 42 }] });
    }
  }

  /** A valid-looking JSON reply padded to `bytes`, written as fast as the client reads it. */
  #stream(response: ServerResponse, bytes: number, headers: Record<string, string>): void {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes), ...headers });
    const head = Buffer.from('{"status":"success","data":[{"visitors":1}],"padding":"');
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const record = (): void => void this.bytesSent.push(sent);
    response.once('close', record);
    const pump = (): void => {
      while (sent < bytes) {
        const piece = sent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!response.write(piece)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    pump();
  }

  #endless(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"status":"success","data":[{"visitors":1}],"padding":"');
    const timer = setInterval(() => response.write('x'.repeat(16)), 50);
    this.#timers.add(timer);
    response.once('close', () => {
      clearInterval(timer);
      this.#timers.delete(timer);
    });
  }

  /** A JSON reply padded with spaces to `bombBytes`, gzipped once (about 1000:1) and kept for every request. */
  gzipBomb(): Promise<Buffer> {
    if (this.#bomb && this.#bombFor === this.bombBytes) return this.#bomb;
    this.#bombFor = this.bombBytes;
    const total = this.bombBytes;
    this.#bomb = new Promise((resolve, reject) => {
      const gzip = createGzip({ level: 9 });
      const parts: Buffer[] = [];
      gzip.on('data', (part: Buffer) => parts.push(part));
      gzip.on('end', () => resolve(Buffer.concat(parts)));
      gzip.on('error', reject);
      const spaces = Buffer.alloc(1024 * 1024, ' ');
      let written = 0;
      const write = (): void => {
        while (written < total) {
          const piece = spaces.subarray(0, Math.min(spaces.length, total - written));
          written += piece.length;
          if (!gzip.write(piece)) {
            gzip.once('drain', write);
            return;
          }
        }
        gzip.end('"}');
      };
      gzip.write('{"status":"success","data":[{"visitors":1}],"padding":"');
      write();
    });
    return this.#bomb;
  }
}

/** A well-formed account website list of about `bytes`: too large only for its size, never its shape. */
function websiteList(bytes: number): unknown {
  const data = Array.from({ length: Math.ceil(bytes / 80) }, (_, i) => ({ _id: `site_${i}`, domain: `w${i}.example.com`, name: `Website number ${i}` }));
  return { status: 'success', data };
}

function errorBody(code: number, message: string): unknown {
  return { status: 'error', error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
