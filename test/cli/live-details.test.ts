import { describe, expect, it } from 'vitest';
import { parseRunnerArgs, type WatchOptions } from '../../src/cli/args';
import { withLiveDetails } from '../../src/cli/live-details';
import type { WatchedWebsite } from '../../src/cli/watch';
import { timeseriesResponseSchema } from '../../src/core/datafast/live-schemas';
import type { LiveMap } from '../../src/core/live/live-map';
import type { Sale } from '../../src/core/live/sales';
import { websiteKey } from '../../src/shared/website-ids';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const options = (...argv: string[]): WatchOptions => {
  const command = parseRunnerArgs(argv);
  if (command.command !== 'watch') throw new Error('not a watch command');
  return command;
};
const sale = (id: string): Sale => ({ id, amount: 10, currency: 'USD', renewal: false, isNew: true, at: NOW, customerName: null });
const map = (sales: Sale[]): LiveMap => ({ visitors: 5, summary: { visitors: 5, pages: [], referrers: [], countries: [], customers: 0 }, sales });

function watched(
  maps: LiveMap[],
  hours = () => Promise.resolve(timeseriesResponseSchema.parse({ status: 'success', totals: { visitors: 30, revenue: 0 } })),
): WatchedWebsite & { counts: number } {
  const website = {
    counts: 0,
    websiteKey: websiteKey('website'),
    label: 'Shop',
    dataFastSiteId: null,
    demo: false,
    intervalMs: 30_000,
    numberFormat: 'compact' as const,
    read: () => (website.counts++, Promise.resolve(4)),
    live: { readMap: () => Promise.resolve(maps.shift() ?? map([])), readHours: hours, timeZone: () => Promise.resolve('UTC') },
  };
  return website;
}

describe('--details and --sales on a watched website', () => {
  it('read the map in place of the count, and tell only the sales that come after start', async () => {
    let now = NOW;
    const told: string[][] = [];
    const website = watched([map([sale('pay_old')]), map([sale('pay_old'), sale('pay_new')])]);
    const watch = withLiveDetails(website, options('--sales'), { stderr: () => undefined, now: () => now }, (sales) => told.push(sales.map((each) => each.id)));
    await expect(watch.website.read(AbortSignal.timeout(1_000))).resolves.toBe(5);
    now += 60_000;
    await watch.website.read(AbortSignal.timeout(1_000));
    expect(told).toEqual([['pay_new']]);
    expect(website.counts).toBe(0);
  });

  it("add today's figures, and say once on stderr when they cannot be read while the count goes on", async () => {
    const errors: string[] = [];
    const failing = watched([], () => Promise.reject(new Error('HTTP 500 for df_test_shop_0000000000001234')));
    const watch = withLiveDetails(failing, options('--details'), { stderr: (text) => void errors.push(text), now: () => NOW }, () => undefined);
    await expect(watch.website.read(AbortSignal.timeout(1_000))).resolves.toBe(5);
    expect(watch.details().live).toMatchObject({ visitors: 5 });
    expect(watch.details().today).toBeNull();
    expect(errors).toEqual(["datafast-menubar: today's visitors could not be read (HTTP 500 for df_…1234)."]);
  });

  it('leave a website as it is when neither is asked for', () => {
    const website = watched([]);
    expect(withLiveDetails(website, options(), { stderr: () => undefined, now: () => NOW }, () => undefined).website).toBe(website);
  });
});
