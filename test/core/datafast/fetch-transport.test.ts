import { describe, expect, it } from 'vitest';
import { fetchTransport } from '../../../src/core/datafast/fetch-transport';

describe('requests through a fetch', () => {
  it('asks the fetch to refuse redirects, and hands back status, headers and body', async () => {
    const inits: RequestInit[] = [];
    const transport = fetchTransport((_input, init) => {
      inits.push(init);
      return Promise.resolve(new Response('{"ok":true}', { status: 201, headers: { 'x-ratelimit-reset': '60' } }));
    });
    const reply = await transport({
      url: 'https://datafa.st/api',
      headers: { Authorization: 'Bearer df_test' },
      signal: AbortSignal.timeout(1_000),
      limitBytes: 1024,
    });
    expect(inits.map((init) => [init.method, init.redirect])).toEqual([['GET', 'error']]);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('X-RateLimit-Reset')).toBe('60');
    expect(reply.body).toBe('{"ok":true}');
  });
});
