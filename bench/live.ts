/**
 * What live details and sales cost: the requests an hour adds for 5 websites with everything on
 * (the map in place of count reads, today's series), against the count alone; and the time to
 * read a busy website's realtime map, 2,000 visitors reduced to counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { liveMapOf } from '../src/core/live/live-map';
import { realtimeMapResponseSchema } from '../src/core/datafast/live-schemas';
import type { Settings } from '../src/core/storage/settings-schema';
import { History } from '../src/core/readings/history';
import { VirtualClock } from './virtual-clock';
import { benchController, benchWebsites } from './bench-app';

const HOUR = 60 * 60_000;
const START = Date.UTC(2026, 10, 2, 9, 0, 0);
const MAP_PATH = '/api/v1/analytics/realtime/map';
const COUNT_PATH = '/api/v1/analytics/realtime';

function json(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

/** A busy website's realtime map, with every field DataFast documents for a visitor. */
export function busyMap(visitors: number): unknown {
  const pages = ['/', '/pricing', '/blog/launch', '/docs/getting-started', '/changelog', '/about', '/blog/seo', '/signup'];
  const countries = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'CA', 'ES', 'NL'];
  return {
    status: 'success',
    data: {
      count: visitors,
      visitors: Array.from({ length: visitors }, (_, index) => ({
        visitorId: `v_${index.toString(36).padStart(8, '0')}`,
        location: { city: 'Somewhere', region: 'Region', countryCode: countries[index % countries.length] },
        system: { browser: { name: 'Chrome' }, os: { name: 'macOS' }, device: { type: 'desktop' } },
        currentUrl: `https://shop.example.com${pages[index % pages.length] ?? '/'}?utm_source=newsletter&ref=${index}`,
        referrer: index % 3 === 0 ? null : `https://www.${['google.com', 'news.ycombinator.com', 'x.com'][index % 3] ?? 'google.com'}/`,
        sessionStartTime: '2026-11-29T12:00:00.000Z',
        visitCount: 1 + (index % 4),
        params: { ref: null, source: null, via: null, utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'launch' },
        latitude: 48.85,
        longitude: 2.35,
        isCustomer: index % 17 === 0,
        customerName: index % 17 === 0 ? `Customer ${index}` : null,
        customerEmail: index % 17 === 0 ? `customer${index}@example.com` : null,
        profileData: { displayName: null, userId: null, hasProfile: false },
        conversionLikelihood: { score: 0.4, confidence: 'medium' },
      })),
      recentEvents: [],
      recentPayments: [
        { _id: 'pay_1', type: 'payment_received', amount: 49, currency: 'USD', renewal: false, isNew: true, name: 'Ada', email: 'ada@example.com' },
      ],
    },
  };
}

/** Requests in one hour at rest, by endpoint, with 5 websites on one token; the map answered, or refused (the count alone). */
async function hourOfRequests(mapAnswered: boolean, displayMode: Settings['displayMode']): Promise<Map<string, number>> {
  const directory = mkdtempSync(join(tmpdir(), 'datafast-bench-live-'));
  const clock = new VirtualClock(START);
  const counts = new Map<string, number>();
  let measuring = false;
  const answer = (input: string): Promise<Response> => {
    const path = new URL(input).pathname;
    if (measuring) counts.set(path, (counts.get(path) ?? 0) + 1);
    if (path === MAP_PATH) return mapAnswered ? json(busyMap(40)) : json({ status: 'error', error: { code: 403, message: 'Forbidden' } }, 403);
    if (path.endsWith('/timeseries')) return json({ status: 'success', currency: 'USD', totals: { visitors: 100, revenue: 49 }, data: [] });
    if (path.endsWith('/metadata')) return json({ status: 'success', data: [{ domain: 'shop.example.com', timezone: 'Europe/Paris' }] });
    return json({ status: 'success', data: [{ visitors: 40 }] });
  };
  try {
    const controller = await benchController({
      directory,
      clock,
      websites: benchWebsites(5),
      token: () => 'df_bench_shared_token_000000000000',
      fetch: answer,
      history: new History(),
      historyFile: null,
      displayMode,
    });
    await controller.start();
    await clock.runUntil(START + 10 * 60_000);
    measuring = true;
    await clock.runUntil(START + 10 * 60_000 + HOUR);
    controller.shutdown();
    return counts;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const total = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, count) => sum + count, 0);

const breakdown = (counts: Map<string, number>): string =>
  [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, count]) => `${path.replace('/api/v1/analytics/', '')} ${count}`)
    .join(', ');

export async function benchLive(): Promise<void> {
  for (const mode of ['active', 'sum'] as const) {
    // The count alone: every read a plain count (the map refused, so none stands in for one).
    const alone = (await hourOfRequests(false, mode)).get(COUNT_PATH) ?? 0;
    const counts = await hourOfRequests(true, mode);
    console.log(
      `live details and sales on, 5 websites on one token, an hour at rest (${mode === 'sum' ? 'sum of all websites' : 'one website shown'}): ${total(counts)} requests (${breakdown(counts)}) against ${alone} count reads alone: ${total(counts) - alone} more (goal ≤ 120)`,
    );
  }
  const body = JSON.stringify(busyMap(2_000));
  const runs = 50;
  let kept = 0;
  const started = performance.now();
  for (let run = 0; run < runs; run++) kept += liveMapOf(realtimeMapResponseSchema.parse(JSON.parse(body))).summary.pages.length;
  const perRead = (performance.now() - started) / runs;
  console.log(
    `realtime map of 2,000 visitors (${(body.length / 1024 / 1024).toFixed(2)} MiB): parsed, checked and reduced to counts in ${perRead.toFixed(1)} ms per read (${kept / runs} pages kept)`,
  );
}
