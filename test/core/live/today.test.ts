import { describe, expect, it } from 'vitest';
import { dayRanges, usableTimeZone } from '../../../src/core/live/day-ranges';
import { daySeriesOf, todayLine, type DaySeries, type TodayComparison } from '../../../src/core/live/today';
import { timeseriesResponseSchema } from '../../../src/core/datafast/live-schemas';

describe('day ranges', () => {
  it('runs today from midnight in the website zone, and yesterday to the same clock time', () => {
    const now = Date.UTC(2026, 10, 29, 14, 30, 5); // 15:30:05 in Paris (UTC+1)
    const ranges = dayRanges(now, 'Europe/Paris');
    expect(ranges.today).toEqual({ startAt: '2026-11-29T00:00:00+01:00', endAt: '2026-11-29T15:30:05+01:00' });
    expect(ranges.yesterday).toEqual({ startAt: '2026-11-28T00:00:00+01:00', endAt: '2026-11-28T15:30:05+01:00' });
    expect(ranges.todayStart).toBe(Date.UTC(2026, 10, 28, 23, 0, 0));
  });

  it('crosses a month boundary and a change of clocks', () => {
    // 1 April 2026, 10:00 in New York (EDT, UTC-4); the day before was also EDT.
    expect(dayRanges(Date.UTC(2026, 3, 1, 14), 'America/New_York').yesterday).toEqual({
      startAt: '2026-03-31T00:00:00-04:00',
      endAt: '2026-03-31T10:00:00-04:00',
    });
    // The Monday after Europe's clocks went forward (29 March 2026): yesterday began in winter time.
    expect(dayRanges(Date.UTC(2026, 2, 30, 10), 'Europe/Berlin').yesterday.startAt).toBe('2026-03-29T00:00:00+01:00');
  });

  it('falls back to this computer’s zone for a zone Intl does not know', () => {
    expect(usableTimeZone('Mars/Olympus_Mons')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(usableTimeZone(null)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(usableTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});

const day = (visitors: number, revenue: number, currency: string | null = 'USD'): DaySeries => ({ visitors, revenue, currency, hourly: [] });
const comparison = (today: DaySeries, yesterday: DaySeries): TodayComparison => ({ today, yesterday, at: 0 });

describe('today against yesterday', () => {
  it('reads totals and places buckets by hour from midnight', () => {
    const start = Date.UTC(2026, 10, 29, 0);
    const reply = timeseriesResponseSchema.parse({
      status: 'success',
      currency: 'usd',
      totals: { visitors: 30, revenue: 99 },
      data: [
        { visitors: 10, revenue: 0, timestamp: new Date(start).toISOString() },
        { visitors: 20, revenue: 99, timestamp: new Date(start + 2 * 3_600_000).toISOString() },
      ],
    });
    expect(daySeriesOf(reply, start)).toEqual({ visitors: 30, revenue: 99, currency: 'USD', hourly: [10, 0, 20] });
  });

  it('adds up the buckets when there are no totals, and reads a series wrapped in data', () => {
    const reply = timeseriesResponseSchema.parse({
      status: 'success',
      data: { currency: 'EUR', data: [{ visitors: 4 }, { visitors: 'x' }, { visitors: 6, revenue: 12 }] },
    });
    expect(daySeriesOf(reply, 0)).toEqual({ visitors: 10, revenue: 12, currency: 'EUR', hourly: [4, 0, 6] });
  });

  it('writes the menu line with the change against yesterday and the revenue', () => {
    expect(todayLine([comparison(day(1204, 2340), day(1075, 1000))], 'en-US')).toBe('Today: 1,204 visitors (+12% vs yesterday) · $2,340 revenue');
    expect(todayLine([comparison(day(50, 0), day(100, 0))], 'en-US')).toBe('Today: 50 visitors (-50% vs yesterday)');
    expect(todayLine([comparison(day(1, 0), day(0, 0))], 'en-US')).toBe('Today: 1 visitor');
  });

  it('sums websites: visitors together, revenue currency by currency', () => {
    const line = todayLine([comparison(day(100, 50, 'USD'), day(100, 0)), comparison(day(100, 20, 'EUR'), day(100, 0))], 'en-US');
    expect(line).toBe('Today: 200 visitors (0% vs yesterday) · $50 + €20 revenue');
  });
});
