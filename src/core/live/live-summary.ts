import { cached } from '../../shared/cached';
import type { LiveVisitor } from '../datafast/live-schemas';

/** How many lines of each list reach the menu and the outputs; the rest are only counted. */
export const LIVE_TOP = 5;
const MAX_TEXT = 120;
/** What a visitor without a referrer came from. */
export const DIRECT = 'Direct';

export interface PageCount {
  readonly path: string;
  readonly visitors: number;
}
export interface ReferrerCount {
  readonly referrer: string;
  readonly visitors: number;
}
export interface CountryCount {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly visitors: number;
}

/**
 * What is live on a website, as counts only: nothing in it names or locates a person, so it may
 * reach the window, the menu and the runner's output. Visitors themselves never leave the client.
 */
export interface LiveSummary {
  readonly visitors: number;
  readonly pages: readonly PageCount[];
  readonly referrers: readonly ReferrerCount[];
  readonly countries: readonly CountryCount[];
  readonly customers: number;
}

function shorten(value: string): string {
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
}

/** A page's path without its query or fragment, which may carry what is not ours to show (tokens, emails). */
function pathOf(url: string): string | null {
  try {
    const path = new URL(url, 'https://page.invalid').pathname;
    return path === '' ? '/' : shorten(decodeSafely(path));
  } catch {
    return null;
  }
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The URL up to its query or fragment: what tells pages apart, and what the memo below is keyed by (queries differ per visitor). */
function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const end = Math.min(query === -1 ? url.length : query, fragment === -1 ? url.length : fragment);
  return end === url.length ? url : url.slice(0, end);
}

/** Where a visitor came from, as a host ("google.com"); a bare word (a `ref` name) stays as written. */
function referrerOf(referrer: string | null | undefined): string {
  const trimmed = referrer?.trim() ?? '';
  if (trimmed === '') return DIRECT;
  try {
    const host = new URL(trimmed).hostname.replace(/^www\./, '');
    return host === '' ? shorten(trimmed) : shorten(host);
  } catch {
    return shorten(trimmed);
  }
}

/** The most visited first, ties in name order, so the menu does not reshuffle between equal lines. */
function ranked(counts: Map<string, number>): Array<readonly [string, number]> {
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0)).slice(0, LIVE_TOP);
}

/** Remembers what each distinct raw string became, so a thousand visitors on one page parse one URL. */
function memo(compute: (raw: string) => string | null): (raw: string) => string | null {
  const seen = new Map<string, string | null>();
  return (raw) => cached(seen, raw, () => compute(raw));
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Counts pages, referrers, countries and customers in one pass over the visitors; only the top
 * lines are kept. `count` is DataFast's own live count, which may cover more visitors than it listed.
 */
export function summariseVisitors(count: number | null | undefined, visitors: readonly LiveVisitor[]): LiveSummary {
  const pages = new Map<string, number>();
  const referrers = new Map<string, number>();
  const countries = new Map<string, number>();
  const page = memo(pathOf);
  const source = memo(referrerOf);
  let customers = 0;
  for (const visitor of visitors) {
    const path = visitor.currentUrl ? page(withoutQuery(visitor.currentUrl)) : null;
    if (path !== null) add(pages, path);
    add(referrers, source(visitor.referrer ?? '') ?? DIRECT);
    const code = visitor.location?.countryCode?.toUpperCase();
    if (code !== undefined && /^[A-Z]{2}$/.test(code)) add(countries, code);
    if (visitor.isCustomer === true) customers += 1;
  }
  return {
    visitors: count ?? visitors.length,
    pages: ranked(pages).map(([path, visitors]) => ({ path, visitors })),
    referrers: ranked(referrers).map(([referrer, visitors]) => ({ referrer, visitors })),
    countries: ranked(countries).map(([country, visitors]) => ({ country, visitors })),
    customers,
  };
}
