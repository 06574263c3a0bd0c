import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRunner, type RunnerIO } from '../../src/cli/run';
import type { Clock } from '../../src/core/time/clock';
import { dayRanges } from '../../src/core/live/day-ranges';
import { FakeDataFast, standardFake, TEST_TOKENS } from '../support/fake-datafast';
import { tempDir } from '../support/temp';

/**
 * `--details` and `--sales` against the fake DataFast: the map's live details and payments, today's
 * and yesterday's hourly series, and a key DataFast refuses the map to.
 */
let fake: FakeDataFast;
const dir = tempDir('runner-details-');
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(async () => {
  await fake.close();
  dir.remove();
});

beforeEach(() => {
  const ranges = dayRanges(Date.now(), 'Europe/Paris');
  const sameTimeYesterday = Date.parse(ranges.yesterday.endAt);
  fake.setHours('site_shop', 'USD', [
    { at: ranges.yesterdayStart, visitors: 80, revenue: 0 },
    // After yesterday's same clock time: not part of the comparison.
    { at: sameTimeYesterday + 60_000, visitors: 500, revenue: 1000 },
    { at: ranges.todayStart, visitors: 100, revenue: 49 },
  ]);
  fake.setLive('site_shop', {
    visitors: [
      {
        currentUrl: 'https://shop.example.com/pricing?ref=x',
        referrer: 'https://www.google.com/',
        location: { countryCode: 'US' },
        isCustomer: true,
        customerEmail: 'ada@example.com',
      },
      { currentUrl: 'https://shop.example.com/pricing', referrer: null, location: { countryCode: 'FR' }, customerName: 'Grace' },
      { currentUrl: null, referrer: 'newsletter', location: {} },
    ],
    payments: [{ _id: 'pay_old', amount: 19, currency: 'USD', isNew: true, name: 'Ada', email: 'ada@example.com' }],
  });
});

/** A clock whose timers fire at once, moving its time to when they were due: minutes of watching in milliseconds. */
function fastClock(): Clock {
  let now = Date.now();
  return {
    now: () => now,
    setTimeout: (callback, delayMs) => {
      const due = now + delayMs;
      return setTimeout(() => {
        now = Math.max(now, due);
        callback();
      }, 2);
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: () => 0,
  };
}

async function run(argv: string[], options: { token?: string; onLine?: (line: string, lines: string[], stop: () => void) => void; clock?: Clock } = {}) {
  const lines: string[] = [];
  const err: string[] = [];
  const stop = new AbortController();
  const io: RunnerIO = {
    stdout: (text) => {
      lines.push(text);
      options.onLine?.(text, lines, () => stop.abort());
    },
    stderr: (text) => err.push(text),
    env: { DATAFAST_MENUBAR_CONFIG_DIR: dir.path, DATAFAST_API_KEY: options.token ?? TEST_TOKENS.shopKey },
    platform: 'darwin',
    homedir: dir.path,
    stopSignal: stop.signal,
    ...(options.clock !== undefined && { clock: options.clock }),
  };
  const code = await runRunner([...argv, '--api-url', fake.url], io);
  return { code, lines, stderr: err.join('\n') };
}

describe('runner --details', () => {
  it('adds today against yesterday and what is live to the JSON reading, with no visitor named', async () => {
    const { code, lines } = await run(['--once', '--details', '--format', 'json']);
    expect(code).toBe(0);
    const reading = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(reading).toMatchObject({
      type: 'reading',
      visitors: 42,
      today: { visitors: 100, revenue: 49, currency: 'USD', yesterday: { visitors: 80, revenue: 0 } },
      live: {
        pages: [{ path: '/pricing', visitors: 2 }],
        referrers: [
          { referrer: 'Direct', visitors: 1 },
          { referrer: 'google.com', visitors: 1 },
          { referrer: 'newsletter', visitors: 1 },
        ],
        countries: [
          { country: 'FR', visitors: 1 },
          { country: 'US', visitors: 1 },
        ],
        customers: 1,
      },
    });
    expect(lines[0]).not.toMatch(/Ada|Grace|example\.com"|ref=x/);
    const sent = fake.requestsTo('/api/v1/analytics/timeseries').slice(-2);
    expect(sent.map((request) => request.query['timezone'])).toEqual(['Europe/Paris', 'Europe/Paris']);
    expect(fake.requestsTo('/api/v1/analytics/realtime').length).toBe(0);
  });

  it('shows them in waybar’s tooltip and in xbar’s menu', async () => {
    const waybar = JSON.parse((await run(['--once', '--details', '--format', 'waybar'])).lines[0] ?? '') as { tooltip: string };
    expect(waybar.tooltip).toContain('Today: 100 visitors (+25% vs yesterday) · $49 revenue');
    expect(waybar.tooltip).toContain('/pricing — 2');
    const xbar = (await run(['--details', '--format', 'xbar'])).lines[0] ?? '';
    expect(xbar).toContain('🇺🇸 United States — 1 | emojize=false symbolize=false');
    expect(xbar).toContain('1 of 42 live visitors is a customer');
  });

  it('says once that a key DataFast refuses the map cannot have details, and goes on counting', async () => {
    const { code, lines, stderr } = await run(['--once', '--details', '--format', 'json'], { token: TEST_TOKENS.mapRefused });
    expect(code).toBe(0);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ visitors: 42, live: null, today: { visitors: 100 } });
    expect(stderr.match(/Live details and sale notifications are off for this website/g)).toHaveLength(1);
  });
});

describe('runner --sales', () => {
  it('prints each payment first seen after start once, never the ones present at start, refunds or a reordered list', async () => {
    let readings = 0;
    const { lines } = await run(['--sales', '--format', 'json', '--interval', '30'], {
      clock: fastClock(),
      onLine: (line, _lines, stop) => {
        if (!line.includes('"type":"reading"')) return;
        readings += 1;
        if (readings === 2) {
          fake.setLive('site_shop', {
            payments: [
              { _id: 'pay_new', amount: 49, currency: 'EUR', isNew: true, name: 'Grace', email: 'grace@example.com', timestamp: '2026-11-29T12:00:00.000Z' },
              { _id: 'pay_refund', amount: -19, currency: 'USD' },
              { _id: 'pay_old', amount: 19, currency: 'USD', isNew: true },
            ],
          });
        }
        if (readings === 6)
          fake.setLive('site_shop', {
            payments: [
              { _id: 'pay_old', amount: 19, currency: 'USD' },
              { _id: 'pay_new', amount: 49, currency: 'EUR' },
            ],
          });
        if (readings === 9) fake.setLive('site_shop', { payments: [] });
        if (readings === 12) stop();
      },
    });
    const sales = lines.filter((line) => line.includes('"type":"sale"')).map((line) => JSON.parse(line) as unknown);
    expect(sales).toEqual([
      { type: 'sale', website: 'DataFast website', amount: 49, currency: 'EUR', renewal: false, isNew: true, at: '2026-11-29T12:00:00.000Z' },
    ]);
    expect(lines.join('\n')).not.toMatch(/Grace|grace@/);
  });

  it('prints only the sales in text, each a line that starts with its time, so they stand on their own', async () => {
    const mapPath = '/api/v1/analytics/realtime/map';
    const mapReadsBefore = fake.requestsTo(mapPath).length;
    const watching = run(['--sales', '--interval', '30'], {
      clock: fastClock(),
      onLine: (_line, _lines, stop) => stop(),
    });
    // The payments present at start are known once the first map read is in; a new one follows.
    await expect.poll(() => fake.requestsTo(mapPath).length, { timeout: 5_000 }).toBeGreaterThan(mapReadsBefore);
    fake.setLive('site_shop', {
      payments: [
        { _id: 'pay_text', amount: 12.5, currency: 'USD', renewal: true },
        { _id: 'pay_old', amount: 19 },
      ],
    });
    const { lines, stderr } = await watching;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{1,2}[:.]\d{2}(\s?[AP]M)? {2}New sale on DataFast website: \$12\.50 \(renewal\)$/);
    expect(stderr).toContain('watching DataFast website for new sales');
  });

  it('is refused with --once and with a status bar’s format, which would show the line as the count', async () => {
    expect((await run(['--sales', '--once'])).code).toBe(2);
    const waybar = await run(['--sales', '--format', 'waybar']);
    expect(waybar.stderr).toContain('--sales prints a line for each new sale');
  });
});
