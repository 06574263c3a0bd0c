import { describe, expect, it } from 'vitest';
import { realtimeMapResponseSchema, timeseriesResponseSchema } from '../../../src/core/datafast/live-schemas';

describe("DataFast's replies beyond the count, read leniently", () => {
  it('keep of a live visitor only what is counted, and read a wrong field as absent', () => {
    const reply = realtimeMapResponseSchema.parse({
      status: 'success',
      data: {
        count: 2,
        visitors: [
          {
            currentUrl: 'https://shop.example.com/',
            referrer: 5,
            location: { countryCode: 'DE', city: 'Berlin' },
            isCustomer: true,
            customerEmail: 'ada@example.com',
            name: 'Ada',
          },
          'not a visitor',
        ],
        recentPayments: [{ _id: 'pay_1', amount: 49, timestamp: '2026-12-02T09:00:00Z' }, { amount: 10 }, { _id: 'pay_2', amount: 'lots', timestamp: 'soon' }],
      },
    });
    expect(reply.data.visitors).toEqual([
      { currentUrl: 'https://shop.example.com/', referrer: null, location: { countryCode: 'DE' }, isCustomer: true },
      { currentUrl: null, referrer: null, location: null, isCustomer: null },
    ]);
    expect(JSON.stringify(reply)).not.toMatch(/ada@|Berlin|"Ada"/);
    // A payment without an id cannot be told from the next: left out, the others kept.
    expect(reply.data.recentPayments?.map((payment) => payment && [payment._id, payment.amount, payment.timestamp])).toEqual([
      ['pay_1', 49, Date.UTC(2026, 11, 2, 9, 0, 0)],
      null,
      ['pay_2', null, null],
    ]);
  });

  it('refuse a reply only for its envelope', () => {
    expect(realtimeMapResponseSchema.safeParse({ status: 'error', data: {} }).success).toBe(false);
    expect(realtimeMapResponseSchema.safeParse({ status: 'success', data: [] }).success).toBe(false);
    expect(realtimeMapResponseSchema.parse({ status: 'success', data: { count: -4, visitors: 'x', recentPayments: 7 } }).data).toEqual({
      count: null,
      visitors: null,
      recentPayments: null,
    });
  });

  it('read an hourly series beside status, as documented, or wrapped in data, as the other endpoints are', () => {
    const beside = timeseriesResponseSchema.parse({
      status: 'success',
      currency: 'usd',
      totals: { visitors: 30, revenue: 99 },
      data: [{ visitors: 4, timestamp: 0 }],
    });
    const wrapped = timeseriesResponseSchema.parse({ status: 'success', data: { currency: 'EUR', data: [{ visitors: -1 }, { visitors: 6, revenue: 1e13 }] } });
    expect(beside.totals).toEqual({ visitors: 30, revenue: 99 });
    expect(wrapped.data).toEqual({
      currency: 'EUR',
      totals: undefined,
      data: [
        { visitors: null, revenue: undefined, timestamp: null, name: undefined },
        { visitors: 6, revenue: null, timestamp: null, name: undefined },
      ],
    });
  });
});
