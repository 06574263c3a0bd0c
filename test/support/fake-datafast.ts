import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';

/**
 * A fake DataFast API on 127.0.0.1 that behaves as DataFast's docs say: both token kinds, the
 * websites a token may see, `fields` validation, the error envelope and 429 headers, plus faults
 * a test can queue (5xx, an HTML 502 page, broken JSON, no reply, reset, slow reply).
 */
export interface FakeWebsite {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  visitors: number;
}

export interface FakeToken {
  readonly token: string;
  readonly kind: 'website-key' | 'account-token';
  /** For a website key, its one website; for an account token, every website it may read. */
  readonly websiteIds: readonly string[];
  readonly scopes?: readonly ('analytics:read' | 'websites:read')[];
  /** Paths this token is refused with a 403, as older keys are refused the realtime map. */
  readonly refused?: readonly string[];
}

/** A visitor as the realtime map lists one (personal fields included, as DataFast sends them). */
export interface FakeLiveVisitor {
  readonly visitorId?: string;
  readonly currentUrl?: string | null;
  readonly referrer?: string | null;
  readonly location?: { readonly city?: string; readonly countryCode?: string | null };
  readonly isCustomer?: boolean;
  readonly customerName?: string;
  readonly customerEmail?: string;
}

/** A payment as the realtime map lists one. */
export interface FakePayment {
  readonly _id: string;
  readonly amount?: number | null;
  readonly currency?: string | null;
  readonly renewal?: boolean;
  readonly isNew?: boolean;
  readonly name?: string;
  readonly email?: string;
  readonly timestamp?: string;
}

/** One hour of a website's traffic, for timeseries and overview. */
export interface FakeHour {
  readonly at: number;
  readonly visitors: number;
  readonly revenue?: number;
}

export type Fault =
  | { readonly type: 'status'; readonly status: number; readonly message?: string; readonly headers?: Record<string, string>; readonly stringCode?: boolean }
  | { readonly type: 'json'; readonly status: number; readonly body: unknown }
  | { readonly type: 'html'; readonly status: number }
  | { readonly type: 'malformed' }
  | { readonly type: 'hang' }
  | { readonly type: 'reset' }
  | { readonly type: 'slow'; readonly ms: number };

/** A key and certificate, PEM, to serve https. */
export interface FakeTls {
  readonly key: string;
  readonly cert: string;
}

export interface RecordedRequest {
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization: string | null;
  readonly at: number;
}

interface QueuedFault {
  readonly fault: Fault;
  readonly path: string | null;
}

export class FakeDataFast {
  readonly requests: RecordedRequest[] = [];
  readonly websites = new Map<string, FakeWebsite>();
  readonly tokens = new Map<string, FakeToken>();
  /** What the realtime map lists per website; payments come and go as a test sets them. */
  readonly live = new Map<string, { visitors: FakeLiveVisitor[]; payments: FakePayment[] }>();
  /** Hourly traffic per website, with the website's currency. */
  readonly hours = new Map<string, { currency: string; hours: FakeHour[] }>();
  readonly #faults: QueuedFault[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  #url = '';

  private constructor(websites: readonly FakeWebsite[], tokens: readonly FakeToken[], tls: FakeTls | undefined) {
    for (const website of websites) this.websites.set(website.id, { ...website });
    for (const token of tokens) this.tokens.set(token.token, token);
    const handle = (request: IncomingMessage, response: ServerResponse): void => this.#handle(request, response);
    this.#server = tls ? createHttpsServer(tls, handle) : createServer(handle);
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(websites: readonly FakeWebsite[], tokens: readonly FakeToken[], tls?: FakeTls): Promise<FakeDataFast> {
    const fake = new FakeDataFast(websites, tokens, tls);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    const address = fake.#server.address();
    if (address === null || typeof address === 'string') throw new Error('fake server has no port');
    fake.#url = `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`;
    return fake;
  }

  get url(): string {
    return this.#url;
  }

  setVisitors(websiteId: string, visitors: number): void {
    const website = this.websites.get(websiteId);
    if (!website) throw new Error(`no fake website ${websiteId}`);
    website.visitors = visitors;
  }

  setLive(websiteId: string, live: { visitors?: FakeLiveVisitor[]; payments?: FakePayment[] }): void {
    const current = this.live.get(websiteId) ?? { visitors: [], payments: [] };
    this.live.set(websiteId, { visitors: live.visitors ?? current.visitors, payments: live.payments ?? current.payments });
  }

  setHours(websiteId: string, currency: string, hours: FakeHour[]): void {
    this.hours.set(websiteId, { currency, hours });
  }

  /** Runs `check` while DataFast no longer knows `token` (revoked), then knows it again. */
  async whileRevoked(token: string, check: () => Promise<void>): Promise<void> {
    const revoked = this.tokens.get(token);
    if (!revoked) throw new Error(`no fake token ${token.slice(0, 4)}…`);
    this.tokens.delete(token);
    try {
      await check();
    } finally {
      this.tokens.set(token, revoked);
    }
  }

  /** The next request (to `path`, if given) meets this fault instead of a normal answer. */
  queueFault(fault: Fault, path: string | null = null, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults.push({ fault, path });
  }

  /** Drops every queued fault: DataFast answers normally again. */
  clearFaults(): void {
    this.#faults.length = 0;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.#url);
    const recorded: RecordedRequest = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization ?? null,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const index = this.#faults.findIndex((queued) => queued.path === null || queued.path === url.pathname);
    const fault = index === -1 ? null : (this.#faults.splice(index, 1)[0]?.fault ?? null);
    if (fault) {
      if (fault.type === 'slow') {
        setTimeout(() => this.#answer(recorded, url, response), fault.ms);
        return;
      }
      this.#fault(fault, response);
      return;
    }
    this.#answer(recorded, url, response);
  }

  #fault(fault: Exclude<Fault, { type: 'slow' }>, response: ServerResponse): void {
    switch (fault.type) {
      case 'status':
        sendError(response, fault.status, fault.message ?? `Fault ${fault.status}`, fault.headers ?? {}, fault.stringCode ?? false);
        return;
      case 'json':
        sendJson(response, fault.status, fault.body);
        return;
      case 'html':
        response.writeHead(fault.status, { 'content-type': 'text/html' });
        response.end(`<html><head><title>${fault.status} Bad Gateway</title></head><body><h1>${fault.status}</h1></body></html>`);
        return;
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"status":"success","data":[{"visitors":');
        return;
      case 'hang':
        return;
      case 'reset':
        response.socket?.destroy();
        return;
    }
  }

  #answer(recorded: RecordedRequest, url: URL, response: ServerResponse): void {
    const bearer = /^Bearer (.+)$/.exec(recorded.authorization ?? '')?.[1];
    const token = bearer ? this.tokens.get(bearer) : undefined;
    if (!token) {
      sendError(response, 401, 'Invalid or missing API key');
      return;
    }
    const websiteIdParam = url.searchParams.get('websiteId');
    const scopes = token.scopes ?? ['analytics:read', 'websites:read'];

    if (url.pathname === '/api/v1/admin/websites') {
      if (token.kind !== 'account-token' || !scopes.includes('websites:read')) {
        sendError(response, 403, 'This token lacks the websites:read permission');
        return;
      }
      const data = token.websiteIds.flatMap((id) => {
        const website = this.websites.get(id);
        return website ? [{ _id: website.id, domain: website.domain, name: website.name }] : [];
      });
      sendJson(response, 200, { status: 'success', data });
      return;
    }

    if (!ANALYTICS_PATHS.has(url.pathname)) {
      sendError(response, 404, 'Not found');
      return;
    }
    let websiteId: string;
    if (token.kind === 'website-key') {
      if (websiteIdParam !== null) {
        sendError(response, 400, 'websiteId must be omitted with a website API key');
        return;
      }
      websiteId = token.websiteIds[0] ?? '';
    } else {
      if (!scopes.includes('analytics:read')) {
        sendError(response, 403, 'This token lacks the analytics:read permission');
        return;
      }
      if (websiteIdParam === null) {
        sendError(response, 400, 'websiteId is required with an account token');
        return;
      }
      if (!this.websites.has(websiteIdParam)) {
        sendError(response, 404, 'Website not found');
        return;
      }
      if (!token.websiteIds.includes(websiteIdParam)) {
        sendError(response, 403, 'This token cannot access that website');
        return;
      }
      websiteId = websiteIdParam;
    }
    const website = this.websites.get(websiteId);
    if (!website) {
      sendError(response, 404, 'Website not found');
      return;
    }
    if (token.refused?.includes(url.pathname)) {
      sendError(response, 403, 'This API key cannot use this endpoint');
      return;
    }
    if (url.pathname === '/api/v1/analytics/realtime/map') {
      const live = this.live.get(websiteId) ?? { visitors: [], payments: [] };
      sendJson(response, 200, {
        status: 'success',
        data: { count: website.visitors, visitors: live.visitors, recentEvents: [], recentPayments: live.payments, hasConversionPredictions: false },
      });
      return;
    }
    if (url.pathname === '/api/v1/analytics/timeseries' || url.pathname === '/api/v1/analytics/overview') {
      this.#series(url, websiteId, response);
      return;
    }
    if (url.pathname === '/api/v1/analytics/metadata') {
      sendJson(response, 200, {
        status: 'success',
        data: [{ domain: website.domain, name: website.name, timezone: 'Europe/Paris', logo: null }],
      });
      return;
    }
    const fields = url.searchParams.get('fields');
    if (fields !== null && fields !== 'visitors') {
      sendError(response, 400, 'Invalid fields: only "visitors" is supported');
      return;
    }
    sendJson(response, 200, { status: 'success', data: [{ visitors: website.visitors }] });
  }

  /** Timeseries and overview over `startAt`…`endAt`, as documented: both or neither (all time). */
  #series(url: URL, websiteId: string, response: ServerResponse): void {
    const startAt = url.searchParams.get('startAt');
    const endAt = url.searchParams.get('endAt');
    if ((startAt === null) !== (endAt === null)) {
      sendError(response, 400, 'startAt and endAt must be given together');
      return;
    }
    const from = startAt === null ? Number.NEGATIVE_INFINITY : Date.parse(startAt);
    const to = endAt === null ? Number.POSITIVE_INFINITY : Date.parse(endAt);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      sendError(response, 400, 'startAt and endAt must be dates or ISO timestamps');
      return;
    }
    const site = this.hours.get(websiteId) ?? { currency: 'USD', hours: [] };
    const inRange = site.hours.filter((hour) => hour.at >= from && hour.at < to);
    const visitors = inRange.reduce((sum, hour) => sum + hour.visitors, 0);
    const revenue = inRange.reduce((sum, hour) => sum + (hour.revenue ?? 0), 0);
    if (url.pathname === '/api/v1/analytics/overview') {
      sendJson(response, 200, {
        status: 'success',
        data: [
          {
            visitors,
            sessions: visitors,
            bounce_rate: 40,
            avg_session_duration: 60,
            currency: site.currency,
            revenue,
            revenue_per_visitor: visitors ? revenue / visitors : 0,
            conversion_rate: 1.5,
          },
        ],
      });
      return;
    }
    sendJson(response, 200, {
      status: 'success',
      fields: (url.searchParams.get('fields') ?? 'visitors').split(','),
      interval: url.searchParams.get('interval') ?? 'day',
      timezone: url.searchParams.get('timezone') ?? 'UTC',
      currency: site.currency,
      totals: { visitors, sessions: visitors, revenue, revenueBreakdown: { new: revenue, renewal: 0, refund: 0 }, conversion_rate: 0 },
      data: inRange.map((hour) => ({
        visitors: hour.visitors,
        revenue: hour.revenue ?? 0,
        name: new Date(hour.at).toISOString(),
        timestamp: new Date(hour.at).toISOString(),
      })),
    });
  }
}

const ANALYTICS_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/analytics/realtime',
  '/api/v1/analytics/metadata',
  '/api/v1/analytics/realtime/map',
  '/api/v1/analytics/timeseries',
  '/api/v1/analytics/overview',
]);

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, stringCode = false): void {
  sendJson(response, status, { status: 'error', error: { code: stringCode ? String(status) : status, message } }, headers);
}

/** Fake credentials: shaped like DataFast's, obviously not real. */
export const TEST_TOKENS = {
  shopKey: 'df_test_shop_0000000000001234',
  blogKey: 'df_test_blog_0000000000005678',
  account: 'dft_test_account_00000000009999',
  accountNoWebsites: 'dft_test_limited_0000000000000042',
  revoked: 'df_test_revoked_000000000000000',
  /** An older key for Shop, which DataFast refuses the realtime map. */
  mapRefused: 'df_test_old_key_0000000000000077',
} as const;

/** The standard websites and tokens; over https with `tls` (a certificate for 127.0.0.1). */
export function standardFake(tls?: FakeTls): Promise<FakeDataFast> {
  return FakeDataFast.start(
    [
      { id: 'site_shop', domain: 'shop.example.com', name: 'Shop', visitors: 42 },
      { id: 'site_blog', domain: 'blog.example.com', name: 'Blog', visitors: 7 },
      { id: 'site_docs', domain: 'docs.example.com', name: 'Docs', visitors: 1234 },
      { id: 'site_other', domain: 'other.example.com', name: 'Someone else', visitors: 3 },
    ],
    [
      { token: TEST_TOKENS.shopKey, kind: 'website-key', websiteIds: ['site_shop'] },
      { token: TEST_TOKENS.blogKey, kind: 'website-key', websiteIds: ['site_blog'] },
      { token: TEST_TOKENS.account, kind: 'account-token', websiteIds: ['site_shop', 'site_blog', 'site_docs'] },
      { token: TEST_TOKENS.accountNoWebsites, kind: 'account-token', websiteIds: ['site_shop'], scopes: ['analytics:read'] },
      { token: TEST_TOKENS.mapRefused, kind: 'website-key', websiteIds: ['site_shop'], refused: ['/api/v1/analytics/realtime/map'] },
    ],
    tls,
  );
}
