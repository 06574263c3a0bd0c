import type { DataFastSiteId } from '../../shared/settings-shapes';
import type { z } from 'zod';
import { apiErrorOf, realtimeCountOf, type Checked } from './reply-shapes';
import { apiOriginOf, apiUrlProblem } from './api-origin';
import { isSuccess, type HttpReply, type HttpTransport } from './http-transport';
import { parseJsonOrUndefined } from './json-text';
import { systemClock, type Timers } from '../time/clock';
import { DataFastError } from './errors';
import { describeIssue, httpFailure, transportFailure, unreadable } from './client-failures';
import { tokenKind, type TokenKind } from './token';
import type { RealtimeMapReply, TimeseriesReply } from './live-schemas';

export const DEFAULT_API_URL = 'https://datafa.st';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** A count is a few dozen bytes; a reply far larger is broken or hostile, and is not read. */
export const REALTIME_BODY_LIMIT = 256 * 1024;
/** An account's website list: about 200 bytes a website, so room for thousands. */
export const LIST_BODY_LIMIT = 2 * 1024 * 1024;
/** The realtime map lists every live visitor, under 1 KB each: room for thousands. A larger map is not read; the count is, the plain way. */
export const MAP_BODY_LIMIT = 4 * 1024 * 1024;

export interface DataFastClientOptions {
  readonly apiUrl?: string;
  /** The app's is Electron's `net.fetch`, with the system proxy; the runner's, node:http(s) with the proxy variables. */
  readonly transport: HttpTransport;
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** For the request deadline; the system's timers unless a test brings its own. */
  readonly timers?: Timers;
}

/** A span of hours in a website's time zone, as DataFast's timeseries takes it (ISO times). */
export interface HourRange {
  readonly startAt: string;
  readonly endAt: string;
  readonly timeZone: string;
}

/** What one website needs to be read: its token and, for account tokens, which website. */
export interface WebsiteCredentials {
  readonly token: string;
  readonly dataFastSiteId?: DataFastSiteId | undefined;
}

export interface WebsiteMetadata {
  readonly domain: string;
  readonly name: string | null;
  readonly timezone: string | null;
  readonly logo: string | null;
}

export interface WebsiteSummary {
  readonly dataFastSiteId: DataFastSiteId;
  readonly domain: string;
  readonly name: string | null;
}

/** What a website is called where a person reads it: its name on DataFast, else its domain. */
export function websiteLabel(site: { readonly name: string | null; readonly domain: string }): string {
  return site.name?.trim() || site.domain;
}

export interface DataFastClient {
  readonly apiUrl: string;
  realtimeVisitors(credentials: WebsiteCredentials, signal?: AbortSignal): Promise<number>;
  metadata(credentials: WebsiteCredentials, signal?: AbortSignal): Promise<WebsiteMetadata>;
  /** Websites an account token may see; needs the `websites:read` permission. */
  listWebsites(token: string, signal?: AbortSignal): Promise<WebsiteSummary[]>;
  /** The live count with what is live and the recent payments (`/analytics/realtime/map`). */
  realtimeMap(credentials: WebsiteCredentials, signal?: AbortSignal): Promise<RealtimeMapReply>;
  /** Visitors and revenue hour by hour over a range of one day, in the website's time zone. */
  hourlyVisitors(credentials: WebsiteCredentials, range: HourRange, signal?: AbortSignal): Promise<TimeseriesReply>;
}

/** Checks a token's shape before anything is sent, so a typo never reaches the network. */
export function requireTokenKind(token: string): TokenKind {
  const kind = tokenKind(token);
  if (!kind) {
    throw new DataFastError({
      kind: 'bad-token-format',
      message: 'That is not a DataFast API key. Website keys start with "df_" and account tokens with "dft_"; copy it again from your DataFast settings.',
    });
  }
  return kind;
}

/** Query for a website-scoped call: DataFast's site id (`websiteId`) is required with `dft_` and never sent with `df_`. */
function websiteQuery(credentials: WebsiteCredentials): URLSearchParams {
  const kind = requireTokenKind(credentials.token);
  const query = new URLSearchParams();
  if (kind === 'account-token') {
    if (!credentials.dataFastSiteId) {
      throw new DataFastError({
        kind: 'missing-website-id',
        message: 'An account token (dft_…) needs a website ID: choose which of its websites to watch.',
      });
    }
    query.set('websiteId', credentials.dataFastSiteId);
  }
  return query;
}

/** A reply checked against a zod schema, loaded with the first reply that needs it: a count read needs none. */
function checkedBy<S extends z.ZodType>(loadSchema: () => Promise<S>): (body: unknown) => Promise<Checked<z.infer<S>>> {
  return async (body) => {
    const result = (await loadSchema()).safeParse(body);
    return result.success ? { ok: true, value: result.data } : { ok: false, issue: describeIssue(result.error) };
  };
}

const checkMetadata = checkedBy(async () => (await import('./api-schemas')).metadataResponseSchema);
const checkWebsites = checkedBy(async () => (await import('./api-schemas')).websitesResponseSchema);
const checkRealtimeMap = checkedBy(async () => (await import('./live-schemas')).realtimeMapResponseSchema);
const checkTimeseries = checkedBy(async () => (await import('./live-schemas')).timeseriesResponseSchema);

export function createDataFastClient(options: DataFastClientOptions): DataFastClient {
  const apiUrl = normaliseApiUrl(options.apiUrl ?? DEFAULT_API_URL);
  const apiOrigin = apiOriginOf(apiUrl);
  const { transport } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? systemClock;

  async function getJson<T>(
    path: string,
    query: URLSearchParams,
    token: string,
    check: (body: unknown) => Checked<T> | Promise<Checked<T>>,
    signal: AbortSignal | undefined,
    limitBytes: number,
  ): Promise<T> {
    const url = `${apiUrl}${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
    // One deadline for connect, headers and the whole body: a server that sends headers and then
    // trickles or stalls is as unanswered as one that never replies. Cleared when the request
    // ends, so no timer outlives it.
    const deadline = new AbortController();
    const timer = timers.setTimeout(() => deadline.abort(new DOMException('deadline passed', 'TimeoutError')), timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    let reply: HttpReply;
    try {
      reply = await transport({ url, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: combined, limitBytes });
    } catch (error) {
      throw transportFailure(error, signal, timeoutMs, apiOrigin);
    } finally {
      timers.clearTimeout(timer);
    }
    const { body } = reply;
    const parsedBody = parseJsonOrUndefined(body);
    const apiError = apiErrorOf(parsedBody);
    if (!isSuccess(reply)) throw httpFailure(reply, apiError, parsedBody, body, now());
    if (parsedBody === undefined) throw unreadable(body);
    if (apiError) throw httpFailure(reply, apiError, parsedBody, body, now());
    const result = await check(parsedBody);
    if (!result.ok) {
      throw new DataFastError({
        kind: 'invalid-response',
        message: `DataFast sent a reply in an unexpected shape (${result.issue}). Try again later; if it persists, the app may need an update.`,
      });
    }
    return result.value;
  }

  return {
    apiUrl,
    async realtimeVisitors(credentials, signal) {
      const query = websiteQuery(credentials);
      query.set('fields', 'visitors');
      return getJson('/api/v1/analytics/realtime', query, credentials.token, realtimeCountOf, signal, REALTIME_BODY_LIMIT);
    },
    async metadata(credentials, signal) {
      const query = websiteQuery(credentials);
      const reply = await getJson('/api/v1/analytics/metadata', query, credentials.token, checkMetadata, signal, REALTIME_BODY_LIMIT);
      const row = Array.isArray(reply.data) ? reply.data[0] : reply.data;
      if (!row) throw unreadable('');
      return { domain: row.domain, name: row.name ?? null, timezone: row.timezone ?? null, logo: row.logo ?? null };
    },
    async listWebsites(token, signal) {
      if (requireTokenKind(token) !== 'account-token') {
        throw new DataFastError({
          kind: 'bad-request',
          message: 'Only account tokens (dft_…) can list websites; a website key (df_…) belongs to one website.',
        });
      }
      const reply = await getJson('/api/v1/admin/websites', new URLSearchParams(), token, checkWebsites, signal, LIST_BODY_LIMIT);
      return reply.data.map((site) => ({ dataFastSiteId: site._id, domain: site.domain, name: site.name ?? null }));
    },
    async realtimeMap(credentials, signal) {
      return getJson('/api/v1/analytics/realtime/map', websiteQuery(credentials), credentials.token, checkRealtimeMap, signal, MAP_BODY_LIMIT);
    },
    hourlyVisitors(credentials, range, signal) {
      const query = websiteQuery(credentials);
      query.set('fields', 'visitors,revenue');
      query.set('interval', 'hour');
      query.set('startAt', range.startAt);
      query.set('endAt', range.endAt);
      query.set('timezone', range.timeZone);
      return getJson('/api/v1/analytics/timeseries', query, credentials.token, checkTimeseries, signal, REALTIME_BODY_LIMIT);
    },
  };
}

export function normaliseApiUrl(raw: string): string {
  const problem = apiUrlProblem(raw);
  if (problem) throw new DataFastError({ kind: 'bad-request', message: problem });
  const url = new URL(raw);
  return url.origin + url.pathname.replace(/\/+$/, '');
}
