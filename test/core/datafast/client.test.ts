import { dataFastSiteId } from '../../../src/shared/settings-shapes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDataFastClient, type DataFastClient } from '../../../src/core/datafast/client';
import type { FailureKind } from '../../../src/core/datafast/errors';
import { failureOf } from '../../support/failure-of';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../../support/fake-datafast';
import { TRANSPORTS } from '../../support/transports';

let fake: FakeDataFast;

beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
  fake.setVisitors('site_shop', 42);
});

const shop = { token: TEST_TOKENS.shopKey };
const REALTIME = '/api/v1/analytics/realtime';

describe.each(TRANSPORTS)('the client over %s', (_name, transport) => {
  let client: DataFastClient;
  beforeAll(() => {
    client = createDataFastClient({ apiUrl: fake.url, timeoutMs: 500, transport: transport() });
  });

  describe('realtime visitors', () => {
    it('reads with a website key: bearer token, fields=visitors, no websiteId', async () => {
      await expect(client.realtimeVisitors(shop)).resolves.toBe(42);
      const [request] = fake.requestsTo(REALTIME);
      expect(request?.authorization).toBe(`Bearer ${TEST_TOKENS.shopKey}`);
      expect(request?.query).toEqual({ fields: 'visitors' });
    });

    it('sends websiteId with an account token', async () => {
      await expect(client.realtimeVisitors({ token: TEST_TOKENS.account, dataFastSiteId: dataFastSiteId('site_docs') })).resolves.toBe(1234);
      expect(fake.requestsTo(REALTIME)[0]?.query).toEqual({ websiteId: 'site_docs', fields: 'visitors' });
    });

    it('never sends websiteId with a website key, even when one is given', async () => {
      await client.realtimeVisitors({ token: TEST_TOKENS.shopKey, dataFastSiteId: dataFastSiteId('site_shop') });
      expect(fake.requestsTo(REALTIME)[0]?.query).toEqual({ fields: 'visitors' });
    });

    it('follows changing counts', async () => {
      fake.setVisitors('site_shop', 99);
      await expect(client.realtimeVisitors(shop)).resolves.toBe(99);
    });

    it.each([
      ['a malformed token', { token: 'df_x' }, 'bad-token-format'],
      ['an account token without a website', { token: TEST_TOKENS.account }, 'missing-website-id'],
    ] as const)('rejects %s before any request', async (_name, credentials, kind) => {
      const error = await failureOf(client.realtimeVisitors(credentials));
      expect(error.kind).toBe(kind);
      expect(fake.requests).toHaveLength(0);
    });

    it('names a revoked token as unauthorized, with the API reason and without the token', async () => {
      const error = await failureOf(client.realtimeVisitors({ token: TEST_TOKENS.revoked }));
      expect(error.kind).toBe('unauthorized');
      expect(error.status).toBe(401);
      expect(error.message).toContain('Invalid or missing API key');
      expect(error.message).not.toContain(TEST_TOKENS.revoked);
      expect(JSON.stringify(error.toInfo())).not.toContain(TEST_TOKENS.revoked);
    });

    it('tells forbidden from not found for account tokens', async () => {
      expect((await failureOf(client.realtimeVisitors({ token: TEST_TOKENS.account, dataFastSiteId: dataFastSiteId('site_other') }))).kind).toBe('forbidden');
      expect((await failureOf(client.realtimeVisitors({ token: TEST_TOKENS.account, dataFastSiteId: dataFastSiteId('site_gone') }))).kind).toBe('not-found');
    });

    it('reports a 400 with its reason', async () => {
      fake.queueFault({ type: 'status', status: 400, message: 'Invalid fields: only "visitors" is supported' });
      const error = await failureOf(client.realtimeVisitors(shop));
      expect(error.kind).toBe('bad-request');
      expect(error.message).toContain('only "visitors" is supported');
    });

    it('names an error DataFast reports inside a 200 reply as such, not as an HTTP error', async () => {
      fake.queueFault({ type: 'json', status: 200, body: { status: 'error', error: { code: 500, message: 'Database busy' } } });
      const error = await failureOf(client.realtimeVisitors(shop));
      expect(error.kind).toBe('server');
      expect(error.message).toBe('DataFast is having trouble (error 500 in a successful reply): Database busy. We will keep trying.');
      fake.queueFault({ type: 'status', status: 502, message: 'Bad gateway' });
      expect((await failureOf(client.realtimeVisitors(shop))).message).toBe('DataFast is having trouble (HTTP 502): Bad gateway. We will keep trying.');
    });

    it('reads an error envelope whose code is a string', async () => {
      fake.queueFault({ type: 'json', status: 200, body: { status: 'error', error: { code: '403', message: 'Scope missing' } } });
      const error = await failureOf(client.realtimeVisitors(shop));
      expect(error.kind).toBe('forbidden');
      expect(error.message).toContain('Scope missing');
    });

    it.each([
      ['Retry-After seconds', () => ({ 'Retry-After': '30' }), 30_000],
      ['Retry-After date', () => ({ 'Retry-After': new Date(Date.now() + 60_000).toUTCString() }), 60_000],
      ['X-RateLimit-Reset seconds', () => ({ 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 40) }), 40_000],
      ['X-RateLimit-Reset milliseconds', () => ({ 'X-RateLimit-Reset': String(Date.now() + 50_000) }), 50_000],
    ] as const)('reads the retry time of a 429 from %s', async (_name, headers, expectedWait) => {
      fake.queueFault({ type: 'status', status: 429, message: 'Too many requests', headers: headers() });
      const before = Date.now();
      const error = await failureOf(client.realtimeVisitors(shop));
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAt).toBeDefined();
      expect(Math.abs((error.retryAt ?? 0) - before - expectedWait)).toBeLessThan(2_000);
    });

    it('redacts a token DataFast quotes in its reason, glued to a word or not', async () => {
      fake.queueFault({ type: 'status', status: 400, message: `bad key_${TEST_TOKENS.shopKey} and ${TEST_TOKENS.account}` });
      const error = await failureOf(client.realtimeVisitors(shop));
      expect(error.message).toContain('bad key_df_…1234 and dft_…9999');
      expect(error.message).not.toContain('0000000000001234');
    });

    const transportCases: Array<[string, Parameters<FakeDataFast['queueFault']>[0], FailureKind]> = [
      [
        'two rows',
        { type: 'json', status: 200, body: { status: 'success', data: [{ visitors: 9_007_199_254_740_991 }, { visitors: 9_007_199_254_740_991 }] } },
        'invalid-response',
      ],
      [
        'two small rows, not added up',
        { type: 'json', status: 200, body: { status: 'success', data: [{ visitors: 1 }, { visitors: 2 }] } },
        'invalid-response',
      ],
      ['a count above ten million', { type: 'json', status: 200, body: { status: 'success', data: [{ visitors: 10_000_001 }] } }, 'invalid-response'],
      ['a 503', { type: 'status', status: 503 }, 'server'],
      ['an HTML 502 page', { type: 'html', status: 502 }, 'server'],
      ['an HTML page with 200', { type: 'html', status: 200 }, 'invalid-response'],
      ['broken JSON', { type: 'malformed' }, 'invalid-response'],
      ['a negative count', { type: 'json', status: 200, body: { status: 'success', data: [{ visitors: -1 }] } }, 'invalid-response'],
      ['a fractional count', { type: 'json', status: 200, body: { status: 'success', data: [{ visitors: 2.5 }] } }, 'invalid-response'],
      ['a count that is a string', { type: 'json', status: 200, body: { status: 'success', data: [{ visitors: '12' }] } }, 'invalid-response'],
      ['an empty data list', { type: 'json', status: 200, body: { status: 'success', data: [] } }, 'invalid-response'],
      ['no reply at all', { type: 'hang' }, 'timeout'],
      ['a reply slower than the timeout', { type: 'slow', ms: 1_500 }, 'timeout'],
      ['a reset connection', { type: 'reset' }, 'network'],
    ];
    it.each(transportCases)('names %s', async (_name, fault, kind) => {
      fake.queueFault(fault);
      const error = await failureOf(client.realtimeVisitors(shop));
      expect(error.kind).toBe(kind);
      expect(error.message.length).toBeGreaterThan(20);
      expect(error.message).not.toContain(TEST_TOKENS.shopKey);
    });

    it('waits for a slow reply within the timeout', async () => {
      fake.queueFault({ type: 'slow', ms: 150 });
      await expect(client.realtimeVisitors(shop)).resolves.toBe(42);
    });

    it('names a refused connection as a network failure', async () => {
      const closed = await standardFake();
      const url = closed.url;
      await closed.close();
      const error = await failureOf(createDataFastClient({ apiUrl: url, transport: transport() }).realtimeVisitors(shop));
      expect(error.kind).toBe('network');
      expect(error.message).toContain('ECONNREFUSED');
    });

    it('tells a cancelled request from a timeout', async () => {
      fake.queueFault({ type: 'hang' });
      const controller = new AbortController();
      const pending = failureOf(client.realtimeVisitors(shop, controller.signal));
      setTimeout(() => controller.abort(), 50);
      expect((await pending).kind).toBe('aborted');
    });
  });

  describe('metadata and websites', () => {
    it('labels a website from its metadata', async () => {
      await expect(client.metadata(shop)).resolves.toEqual({ domain: 'shop.example.com', name: 'Shop', timezone: 'Europe/Paris', logo: null });
    });

    it('lists the websites an account token can see', async () => {
      const websites = await client.listWebsites(TEST_TOKENS.account);
      expect(websites.map((site) => site.dataFastSiteId)).toEqual(['site_shop', 'site_blog', 'site_docs']);
      expect(websites[0]).toEqual({ dataFastSiteId: 'site_shop', domain: 'shop.example.com', name: 'Shop' });
    });

    it('says when an account token lacks websites:read', async () => {
      expect((await failureOf(client.listWebsites(TEST_TOKENS.accountNoWebsites))).kind).toBe('forbidden');
    });

    it('refuses to list websites with a website key', async () => {
      expect((await failureOf(client.listWebsites(TEST_TOKENS.shopKey))).kind).toBe('bad-request');
      expect(fake.requests).toHaveLength(0);
    });
  });
});
