import { describe, expect, it } from 'vitest';
import { liveRead } from '../../../src/core/live/live-reader';
import type { LiveMap } from '../../../src/core/live/live-map';
import { DataFastError } from '../../../src/core/datafast/errors';

const map = (visitors: number): LiveMap => ({ visitors, summary: { visitors, pages: [], referrers: [], countries: [], customers: 0 }, sales: [] });

function harness(mapResult: () => Promise<LiveMap>) {
  let now = 0;
  const calls: string[] = [];
  const refusals: string[] = [];
  const read = liveRead({
    readCount: () => {
      calls.push('count');
      return Promise.resolve(7);
    },
    readMap: () => {
      calls.push('map');
      return mapResult();
    },
    now: () => now,
    mapEveryMs: () => 60_000,
    onMap: () => undefined,
    onMapRefused: (reason) => refusals.push(reason),
  });
  return { read: () => read(new AbortController().signal), calls, refusals, advance: (ms: number) => (now += ms) };
}

describe('live read', () => {
  it('reads the map in place of the count when it is due, and the plain count in between', async () => {
    const run = harness(() => Promise.resolve(map(42)));
    expect(await run.read()).toBe(42);
    run.advance(30_000);
    expect(await run.read()).toBe(7);
    run.advance(30_000);
    expect(await run.read()).toBe(42);
    expect(run.calls).toEqual(['map', 'count', 'map']);
  });

  it('turns the map off for good on a 403, says so once, and keeps counting', async () => {
    const run = harness(() => Promise.reject(new DataFastError({ kind: 'forbidden', status: 403, message: 'DataFast refused access (403).' })));
    expect(await run.read()).toBe(7);
    run.advance(120_000);
    expect(await run.read()).toBe(7);
    expect(run.calls).toEqual(['map', 'count', 'count']);
    expect(run.refusals).toHaveLength(1);
    expect(run.refusals[0]).toMatch(/^Live details and sale notifications are off for this website: DataFast refused access \(403\)\./);
  });

  it('reads the plain count when only the map fails (too large, a server error), and tries the map again when next due', async () => {
    let fail = true;
    const run = harness(() => (fail ? Promise.reject(new DataFastError({ kind: 'invalid-response', message: 'larger than 8 MiB' })) : Promise.resolve(map(3))));
    expect(await run.read()).toBe(7);
    fail = false;
    run.advance(30_000);
    expect(await run.read()).toBe(7);
    run.advance(30_000);
    expect(await run.read()).toBe(3);
    expect(run.calls).toEqual(['map', 'count', 'count', 'map']);
    expect(run.refusals).toEqual([]);
  });

  it('passes a network failure on as the reading’s own, without a second request', async () => {
    const run = harness(() => Promise.reject(new DataFastError({ kind: 'network', message: 'offline' })));
    await expect(run.read()).rejects.toMatchObject({ kind: 'network' });
    expect(run.calls).toEqual(['map']);
    expect(run.refusals).toEqual([]);
  });
});
