import { describe, expect, it } from 'vitest';
import { detailsJson, detailsLines, renderSale } from '../../src/cli/details-output';
import type { RunnerDetails } from '../../src/cli/live-details';
import type { Sale } from '../../src/core/live/sales';

const details: RunnerDetails = {
  today: { today: { visitors: 120, revenue: 49, currency: 'USD', hourly: [] }, yesterday: { visitors: 100, revenue: 0, currency: 'USD', hourly: [] }, at: 0 },
  live: { visitors: 3, pages: [{ path: '/pricing', visitors: 2 }], referrers: [], countries: [{ country: 'DE', visitors: 3 }], customers: 1 },
};
const SEEN = Date.UTC(2026, 11, 2, 11, 30, 0);
const sale: Sale = { id: 'pay_1', amount: 49, currency: 'USD', renewal: false, isNew: true, at: Date.UTC(2026, 11, 2, 9, 0, 0), customerName: 'Ada' };

describe('--details and --sales', () => {
  it('put today against yesterday and what is live into JSON as counts', () => {
    expect(detailsJson(details)).toEqual({
      today: { visitors: 120, revenue: 49, currency: 'USD', yesterday: { visitors: 100, revenue: 0 } },
      live: { pages: [{ path: '/pricing', visitors: 2 }], referrers: [], countries: [{ country: 'DE', visitors: 3 }], customers: 1 },
    });
    expect(detailsJson({ today: null, live: null })).toEqual({ today: null, live: null });
  });

  it('write them as headed lines where a person reads them, leaving out what is empty', () => {
    const lines = detailsLines(details);
    expect(lines[0]).toMatch(/^Today: 120 visitors \(\+20% vs yesterday\)/);
    expect(lines).toEqual(expect.arrayContaining(['Pages now:', '  /pricing — 2', 'Where:', '1 of 3 live visitors is a customer']));
    expect(lines).not.toContain('From:');
  });

  it('tell a sale once as JSON or a line of text, without the customer name, and say nothing in a bar format', () => {
    expect(JSON.parse(renderSale('json', sale, 'Shop', SEEN) ?? '')).toEqual({
      type: 'sale',
      website: 'Shop',
      amount: 49,
      currency: 'USD',
      renewal: false,
      isNew: true,
      at: '2026-12-02T09:00:00.000Z',
    });
    expect(renderSale('text', sale, 'Shop', SEEN)).toMatch(/^[\d:.]+( [AP]M)? {2}New sale on Shop: \$49\.00 \(new customer\)$/);
    // The sale's own time, and the time it was seen when DataFast gives none.
    const clock = (at: number) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at);
    expect(renderSale('text', sale, 'Shop', SEEN)?.startsWith(`${clock(sale.at ?? 0)}  `)).toBe(true);
    expect(renderSale('text', { ...sale, at: null }, 'Shop', SEEN)?.startsWith(`${clock(SEEN)}  `)).toBe(true);
    expect(clock(SEEN)).not.toBe(clock(sale.at ?? 0));
    expect(renderSale('waybar', sale, 'Shop', SEEN)).toBeNull();
  });
});
