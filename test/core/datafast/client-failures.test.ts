import { describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../../../src/core/datafast/bounded-body';
import { httpFailure, transportFailure, unreadable } from '../../../src/core/datafast/client-failures';
import { ProxyFailureError, RedirectRefusedError } from '../../../src/core/datafast/http-transport';

const ORIGIN = 'http://127.0.0.1:9';

const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);
const headers = (values: Record<string, string> = {}) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });
const reply = (status: number, values: Record<string, string> = {}) => ({ status, headers: headers(values) });

describe('how a request failed, in words a person can act on', () => {
  it('tells a cancelled request from one that ran out of time', () => {
    const cancelled = new AbortController();
    cancelled.abort();
    expect(transportFailure(new DOMException('x', 'AbortError'), cancelled.signal, 10_000, ORIGIN).kind).toBe('aborted');
    const late = transportFailure(new DOMException('deadline passed', 'TimeoutError'), new AbortController().signal, 10_000, ORIGIN);
    expect(late).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/^DataFast did not answer within 10 s\./) as unknown });
  });

  it('names a reply too large, a refused redirect, a proxy and a network failure by its code', () => {
    expect(transportFailure(new BodyTooLargeError(256 * 1024), undefined, 1, ORIGIN).message).toMatch(/larger than 256 KiB/);
    expect(transportFailure(new RedirectRefusedError(302), undefined, 1, ORIGIN).kind).toBe('redirect');
    expect(transportFailure(new ProxyFailureError('http://proxy:3128', 'ECONNREFUSED'), undefined, 1, ORIGIN).message).toMatch(
      /^Could not reach DataFast through the proxy http:\/\/proxy:3128 \(ECONNREFUSED\)/,
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(transportFailure(new TypeError('fetch failed', { cause: refused }), undefined, 1, ORIGIN).message).toMatch(
      /^Could not reach DataFast at http:\/\/127.0.0.1:9 \(ECONNREFUSED\)/,
    );
  });

  it.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [503, 'server'],
  ] as const)("reads HTTP %i as %s, with DataFast's reason and no token in it", (status, kind) => {
    const failure = httpFailure(reply(status), { code: status, message: 'Invalid key df_test_shop_0000000000001234' }, {}, '', NOW);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain('df_…1234');
    expect(failure.message).not.toContain('0000000000001234');
  });

  it('takes the status from an error envelope inside a 200, and says so', () => {
    const failure = httpFailure(reply(200), { code: '401', message: 'no' }, {}, '', NOW);
    expect(failure.kind).toBe('unauthorized');
    expect(httpFailure(reply(200), { code: 500 }, {}, '', NOW).message).toContain('error 500 in a successful reply');
  });

  it('holds a 429 until the time it names, and says for how long', () => {
    const failure = httpFailure(reply(429, { 'retry-after': '120' }), null, {}, '', NOW);
    expect(failure).toMatchObject({
      kind: 'rate-limited',
      retryAt: NOW + 120_000,
      message: 'DataFast asked us to slow down (429); pausing this token for 2 min.',
    });
  });

  it('says a web page came where data was expected', () => {
    expect(unreadable('<html>bad gateway</html>').message).toMatch(/web page instead of data/);
    expect(unreadable('{oops').message).toMatch(/not valid JSON/);
  });
});
