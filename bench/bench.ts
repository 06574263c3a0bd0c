/**
 * Prints what the engine costs: one update (HTTP response → state → spike detector → presenter)
 * in microseconds, heap growth over a simulated week with five websites at default settings, and
 * what a tray image costs, and the runner's peak memory against hostile replies.
 */
import { websiteKey, type WebsiteKey } from '../src/shared/settings-shapes';
import { performance } from 'node:perf_hooks';
import { fetchTransport } from '../src/core/datafast/fetch-transport';
import { createDataFastClient } from '../src/core/datafast/client';
import { Engine, pollingOf } from '../src/core/polling/engine';
import { present } from '../src/core/presenting/presenter';
import { benchSettingsWindow } from './settings-window';
import { benchHostileBodies } from './hostile-bodies';
import { benchTrayImage } from './tray-image';
import { benchIdle } from './idle';
import { benchStorm } from './storm';
import { benchRunnerStart } from './runner-start';
import { benchOneShot } from './one-shot';
import { benchTraySwitch } from './tray-switch';
import { benchLive } from './live';
import { VirtualClock } from './virtual-clock';

const gc = (globalThis as { gc?: () => void }).gc;
const DAY = 24 * 60 * 60_000;
const START = Date.UTC(2026, 0, 5, 0, 0, 0);

function fakeFetch(visitors: () => number) {
  return (): Promise<Response> =>
    Promise.resolve(new Response(JSON.stringify({ status: 'success', data: [{ visitors: visitors() }] }), { headers: { 'content-type': 'application/json' } }));
}

function view(engine: Engine, clock: VirtualClock, websiteKeys: readonly WebsiteKey[]) {
  const states = engine.states();
  return present({
    websites: websiteKeys.map((key) => ({ websiteKey: key, label: `${key}.example.com`, poll: states.find((s) => s.websiteKey === key) ?? null })),
    activeKey: websiteKeys[0] ?? null,
    mode: 'active',
    numberFormat: 'compact',
    now: clock.now(),
  });
}

async function costOfOneUpdate(): Promise<void> {
  const clock = new VirtualClock(START);
  let count = 40;
  const client = createDataFastClient({
    transport: fetchTransport(fakeFetch(() => (count = Math.max(0, count + ((count * 7) % 5) - 2)))),
    now: () => clock.now(),
  });
  const engine = new Engine({ clock });
  const credentials = { token: 'df_bench_0000000000000000' };
  engine.apply(
    pollingOf([
      { websiteKey: websiteKey('site'), budgetKey: 'k', revision: '1', threshold: null, read: (signal) => client.realtimeVisitors(credentials, signal) },
    ]),
  );
  engine.start();
  const iterations = 20_000;
  const measure = async (n: number): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      await clock.runUntil(clock.now() + 30_000);
      view(engine, clock, [websiteKey('site')]);
    }
    return ((performance.now() - started) * 1000) / n;
  };
  await measure(2_000); // warm-up
  const micros = await measure(iterations);
  engine.stop();
  console.log(`one update (response → state → detector → presenter): ${micros.toFixed(1)} µs (mean of ${iterations})`);
}

async function heapOverAWeek(): Promise<void> {
  if (!gc) throw new Error('run with node --expose-gc');
  const clock = new VirtualClock(START);
  const websiteKeys = ['shop', 'blog', 'docs', 'store', 'app'].map(websiteKey);
  const engine = new Engine({ clock });
  let updates = 0;
  let tick = 0;
  engine.apply(
    pollingOf(
      websiteKeys.map((key, index) => {
        const client = createDataFastClient({
          transport: fetchTransport(fakeFetch(() => 20 + index * 10 + Math.round(10 * Math.sin(++tick / 50)))),
          now: () => clock.now(),
        });
        const credentials = { token: `df_bench_${key}_0000000000000` };
        return { websiteKey: key, budgetKey: key, revision: '1', threshold: null, read: (signal: AbortSignal) => client.realtimeVisitors(credentials, signal) };
      }),
    ),
  );
  engine.start();
  const afterEach = (): void => {
    updates += 1;
    view(engine, clock, websiteKeys);
  };
  // The first day fills every history ring; growth after that would be a leak.
  await clock.runUntil(START + DAY, afterEach);
  gc();
  const afterDay = process.memoryUsage().heapUsed;
  await clock.runUntil(START + 7 * DAY, afterEach);
  gc();
  const afterWeek = process.memoryUsage().heapUsed;
  engine.stop();
  const growthKiB = (afterWeek - afterDay) / 1024;
  console.log(`simulated week, 5 websites, default settings: ${updates} updates`);
  console.log(
    `heap after day 1: ${(afterDay / 1024 / 1024).toFixed(2)} MiB; after day 7: ${(afterWeek / 1024 / 1024).toFixed(2)} MiB; growth over days 2–7: ${growthKiB.toFixed(0)} KiB`,
  );
}

async function main(): Promise<void> {
  await costOfOneUpdate();
  await heapOverAWeek();
  benchTrayImage();
  await benchIdle();
  await benchTraySwitch();
  await benchStorm();
  await benchLive();
  await benchRunnerStart();
  await benchOneShot();
  await benchHostileBodies();
  await benchSettingsWindow();
}

void main();
