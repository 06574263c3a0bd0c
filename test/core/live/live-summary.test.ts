import { describe, expect, it } from 'vitest';
import { LIVE_TOP, summariseVisitors } from '../../../src/core/live/live-summary';
import { realtimeMapResponseSchema } from '../../../src/core/datafast/live-schemas';
import { liveMapOf } from '../../../src/core/live/live-map';

const visitor = (currentUrl: string | null, referrer: string | null, countryCode: string | null, isCustomer = false) => ({
  currentUrl,
  referrer,
  location: { countryCode },
  isCustomer,
});

describe('live summary', () => {
  it('counts pages by path, without query or fragment, most visited first', () => {
    const summary = summariseVisitors(4, [
      visitor('https://shop.example.com/pricing?email=a@b.c', null, 'US'),
      visitor('https://shop.example.com/pricing#plans', null, 'US'),
      visitor('https://shop.example.com/blog/caf%C3%A9', null, 'FR'),
      visitor('/about', null, 'DE'),
    ]);
    expect(summary.pages).toEqual([
      { path: '/pricing', visitors: 2 },
      { path: '/about', visitors: 1 },
      { path: '/blog/café', visitors: 1 },
    ]);
    expect(JSON.stringify(summary)).not.toContain('email');
  });

  it('names referrers by host, counts visitors without one as Direct, and keeps a bare ref name', () => {
    const summary = summariseVisitors(4, [
      visitor('/', 'https://www.google.com/search?q=x', 'US'),
      visitor('/', 'https://google.com/', 'US'),
      visitor('/', '', 'US'),
      visitor('/', 'newsletter', 'US'),
    ]);
    expect(summary.referrers).toEqual([
      { referrer: 'google.com', visitors: 2 },
      { referrer: 'Direct', visitors: 1 },
      { referrer: 'newsletter', visitors: 1 },
    ]);
  });

  it('keeps only the top lines, counts customers, and skips what is not a country code', () => {
    const visitors = Array.from({ length: 12 }, (_, index) => visitor(`/page-${index % 8}`, null, index % 2 ? 'us' : 'XYZ', index < 3));
    const summary = summariseVisitors(50, visitors);
    expect(summary.pages).toHaveLength(LIVE_TOP);
    expect(summary.countries).toEqual([{ country: 'US', visitors: 6 }]);
    expect(summary.customers).toBe(3);
    expect(summary.visitors).toBe(50);
  });

  it('reads a map whose visitors are broken, missing or of the wrong type without refusing the reply', () => {
    const reply = realtimeMapResponseSchema.parse({
      status: 'success',
      data: {
        visitors: [null, 5, { currentUrl: 42, referrer: ['x'], location: 'Paris' }, { currentUrl: '/ok', isCustomer: 'yes' }, {}],
        recentPayments: [{ amount: 10 }, { _id: 'p1', amount: 'ten', currency: 7 }],
      },
    });
    const map = liveMapOf(reply);
    expect(map.visitors).toBe(5);
    expect(map.summary.pages).toEqual([{ path: '/ok', visitors: 1 }]);
    expect(map.summary.customers).toBe(0);
    expect(map.sales.map((sale) => [sale.id, sale.amount, sale.currency])).toEqual([['p1', 0, null]]);
  });

  it('refuses a map whose data is not an object', () => {
    expect(realtimeMapResponseSchema.safeParse({ status: 'success', data: [{ count: 3 }] }).success).toBe(false);
  });
});
