/**
 * Request timing over six simulated hours: five websites on one account token (one on screen,
 * four in the background), and DataFast refusing every request with a 429 for five minutes each
 * hour. Prints the most requests sent in any one second: a client that returns in step with its
 * own websites, or exactly at every retry time, shows up here as a burst.
 */
import { fetchTransport } from '../src/core/datafast/fetch-transport';
import { createDataFastClient } from '../src/core/datafast/client';
import { Engine, pollingOf } from '../src/core/polling/engine';
import { dataFastSiteId, websiteKey } from '../src/shared/settings-shapes';
import { VirtualClock } from './virtual-clock';

const HOUR = 60 * 60_000;
const START = Date.UTC(2026, 10, 2, 9, 0, 0);
const STORM_MS = 5 * 60_000;

export async function busiestSecond(): Promise<{ requests: number; busiest: number }> {
  const clock = new VirtualClock(START);
  const perSecond = new Map<number, number>();
  let requests = 0;
  const reply = (): Promise<Response> => {
    const now = clock.now();
    requests += 1;
    const second = Math.floor(now / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    const inStorm = (now - START) % HOUR >= 30 * 60_000 && (now - START) % HOUR < 30 * 60_000 + STORM_MS;
    if (inStorm)
      return Promise.resolve(new Response('{"status":"error"}', { status: 429, headers: { 'retry-after': '60', 'content-type': 'application/json' } }));
    return Promise.resolve(new Response(JSON.stringify({ status: 'success', data: [{ visitors: 40 }] }), { headers: { 'content-type': 'application/json' } }));
  };
  const client = createDataFastClient({ transport: fetchTransport(reply), now: () => clock.now(), timers: clock });
  const engine = new Engine({ clock });
  const token = 'dft_bench_account_00000000000';
  engine.apply(
    pollingOf(
      ['shop', 'blog', 'docs', 'store', 'app'].map((name) => ({
        websiteKey: websiteKey(`w_${name}`),
        budgetKey: token,
        revision: '1',
        threshold: null,
        read: (signal: AbortSignal) => client.realtimeVisitors({ token, dataFastSiteId: dataFastSiteId(`site_${name}`) }, signal),
      })),
    ),
  );
  engine.start();
  // The first second reads every website once, by design: the burst that counts is any after it.
  await clock.runUntil(START + 1_000);
  perSecond.clear();
  await clock.runUntil(START + 6 * HOUR);
  engine.stop();
  return { requests, busiest: Math.max(0, ...perSecond.values()) };
}

export async function benchStorm(): Promise<void> {
  const { requests, busiest } = await busiestSecond();
  console.log(
    `6 simulated hours, 5 websites on one token, a 5-minute 429 storm each hour: ${requests} requests, at most ${busiest} in any second after start-up (goal ≤ 2)`,
  );
}
