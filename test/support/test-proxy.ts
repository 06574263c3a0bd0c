import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/** What a proxy was asked: a CONNECT's target, or an absolute-form request's URL, with its headers. */
export interface ProxiedRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
}

/**
 * A forwarding proxy on 127.0.0.1, as a company network would have one: CONNECT opens a tunnel
 * (https; the proxy sees the host, not what passes through), and an absolute-form request is
 * forwarded (plain http). It records what it was asked.
 */
export class TestProxy {
  readonly requests: ProxiedRequest[] = [];
  /** A status to answer every CONNECT with instead of opening the tunnel (a proxy that says no). */
  refuseWith: number | null = null;
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;

  private constructor() {
    this.#server = createServer((incoming, outgoing) => {
      this.requests.push({ method: incoming.method ?? '', target: incoming.url ?? '', headers: incoming.headers });
      const forwarded = request(incoming.url ?? '', { method: incoming.method, headers: incoming.headers }, (reply) => {
        outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(outgoing);
      });
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    });
    this.#server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
      this.requests.push({ method: 'CONNECT', target: incoming.url ?? '', headers: incoming.headers });
      if (this.refuseWith !== null) {
        client.end(`HTTP/1.1 ${this.refuseWith} Refused\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`);
        return;
      }
      const [host = '', port = ''] = (incoming.url ?? '').split(/:(?=\d+$)/);
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [upstream, client]) {
        this.#sockets.add(socket);
        socket.on('error', () => (upstream.destroy(), client.destroy()));
        socket.on('close', () => this.#sockets.delete(socket));
      }
    });
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<TestProxy> {
    const proxy = new TestProxy();
    await new Promise<void>((listening) => proxy.#server.listen(0, '127.0.0.1', listening));
    return proxy;
  }

  get url(): string {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('the proxy is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((closed) => this.#server.close(() => closed()));
  }
}
