import { describe, expect, it } from 'vitest';
import type { HourRange } from '../../../src/core/datafast/client';
import { timeseriesResponseSchema, type TimeseriesReply } from '../../../src/core/datafast/live-schemas';
import { createTodayReader, TODAY_EVERY_MS } from '../../../src/core/live/today-reader';

const NOW = Date.UTC(2026, 11, 2, 14, 30, 0);
const series = (visitors: number): TimeseriesReply => timeseriesResponseSchema.parse({ status: 'success', currency: 'usd', totals: { visitors, revenue: 0 } });

describe("today's figures", () => {
  it('read today and yesterday to the same clock time, in the zone the website names, which is asked once', async () => {
    const asked: HourRange[] = [];
    let zoneQuestions = 0;
    const reader = createTodayReader({
      readHours: (range) => (asked.push(range), Promise.resolve(series(asked.length === 1 ? 120 : 80))),
      timeZone: () => (zoneQuestions++, Promise.resolve('Europe/Paris')),
      now: () => NOW,
    });
    const first = await reader.read(AbortSignal.timeout(1_000));
    await reader.read(AbortSignal.timeout(1_000));
    expect(zoneQuestions).toBe(1);
    expect(asked[0]).toEqual({ startAt: '2026-12-02T00:00:00+01:00', endAt: '2026-12-02T15:30:00+01:00', timeZone: 'Europe/Paris' });
    expect(asked[1]).toEqual({ startAt: '2026-12-01T00:00:00+01:00', endAt: '2026-12-01T15:30:00+01:00', timeZone: 'Europe/Paris' });
    expect(first.at).toBe(NOW);
  });

  it('come due every five minutes, from the last read', async () => {
    const reader = createTodayReader({ readHours: () => Promise.resolve(series(1)), timeZone: () => Promise.resolve(null), now: () => NOW });
    expect(reader.due(NOW)).toBe(true);
    await reader.read(AbortSignal.timeout(1_000));
    expect(reader.due(NOW + TODAY_EVERY_MS - 1)).toBe(false);
    expect(reader.due(NOW + TODAY_EVERY_MS)).toBe(true);
  });

  it("count days in this computer's zone when the website's cannot be had", async () => {
    const asked: HourRange[] = [];
    const reader = createTodayReader({
      readHours: (range) => (asked.push(range), Promise.resolve(series(1))),
      timeZone: () => Promise.reject(new Error('403')),
      now: () => NOW,
    });
    await reader.read(AbortSignal.timeout(1_000));
    expect(asked[0]?.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
