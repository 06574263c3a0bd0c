import { describe, expect, it } from 'vitest';
import { daySeriesOf, todayLine, type DaySeries, type TodayComparison } from '../../../src/core/live/today';
import { timeseriesResponseSchema } from '../../../src/core/datafast/live-schemas';

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
