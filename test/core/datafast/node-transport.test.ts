import { createServer, type Server } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../../../src/core/datafast/bounded-body';
import { RedirectRefusedError } from '../../../src/core/datafast/http-transport';
import { nodeTransport } from '../../../src/core/datafast/node-transport';

const REPLY = '{"status":"success","data":[{"visitors":42}]}';
const encoders: Record<string, (body: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };

/** Answers /ENCODING/BYTES with a body of BYTES (the plain reply when 0), sent in that content encoding. */
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const [, encoding = 'identity', size = '0'] = (request.url ?? '').split('/');
    if (encoding === 'moved') {
      response.writeHead(301, { location: 'https://elsewhere.example/' });
      response.end();
      return;
    }
    const plain = Number(size) > 0 ? Buffer.alloc(Number(size), ' ') : Buffer.from(REPLY);
    const encode = encoders[encoding];
    response.writeHead(200, { 'content-type': 'application/json', ...(encode && { 'content-encoding': encoding }) });
    response.end(encode ? encode(plain) : plain);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((closed) => server.close(closed)));

const get = (path: string, limitBytes = 64 * 1024, signal = AbortSignal.timeout(5_000)) =>
  nodeTransport()({ url: `${origin}${path}`, headers: {}, signal, limitBytes });

describe('requests over node:http', () => {
  it.each(['identity', 'gzip', 'deflate', 'br'])('reads a %s body as the text it stands for', async (encoding) => {
    const reply = await get(`/${encoding}/0`);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(REPLY);
    expect(reply.headers.get('Content-Type')).toBe('application/json');
  });

  it.each(['gzip', 'deflate', 'br'])('stops a %s body at its cap as it inflates: a few KiB sent, 8 MiB inflated', async (encoding) => {
    await expect(get(`/${encoding}/${8 * 1024 * 1024}`)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a redirect rather than follow it', async () => {
    await expect(get('/moved/0')).rejects.toBeInstanceOf(RedirectRefusedError);
  });

  it('ends with the reason of the signal that stopped it', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('deadline passed', 'TimeoutError'));
    await expect(get('/identity/0', 1024, controller.signal)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
