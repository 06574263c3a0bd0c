import { describe, expect, it } from 'vitest';
import { realtimeMapResponseSchema } from '../../../src/core/datafast/live-schemas';
import { liveMapOf } from '../../../src/core/live/live-map';

describe('one read of the realtime map', () => {
  it('becomes the live count, what is live as counts, and the payments, and nothing of a single visitor', () => {
    const reply = realtimeMapResponseSchema.parse({
      status: 'success',
      data: {
        count: 2,
        visitors: [
          {
            currentUrl: 'https://shop.example.com/pricing?ref=x',
            referrer: 'https://news.ycombinator.com/item?id=1',
            location: { countryCode: 'US' },
            isCustomer: true,
          },
          { currentUrl: 'https://shop.example.com/pricing', referrer: null, location: { countryCode: 'US' } },
        ],
        recentPayments: [{ _id: 'pay_1', amount: 10 }],
      },
    });
    const map = liveMapOf(reply);
    expect(map.visitors).toBe(2);
    expect(map.summary.pages).toEqual([{ path: '/pricing', visitors: 2 }]);
    expect(map.summary.customers).toBe(1);
    expect(map.sales.map((sale) => sale.id)).toEqual(['pay_1']);
    expect(JSON.stringify(map)).not.toMatch(/ref=x|item\?id/);
  });
});
