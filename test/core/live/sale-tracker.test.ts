import { describe, expect, it } from 'vitest';
import { PAYMENT_WINDOW_MS, SaleTracker, SEEN_PER_WEBSITE } from '../../../src/core/live/sale-tracker';
import { salesOf, type Sale } from '../../../src/core/live/sales';
import { realtimeMapResponseSchema } from '../../../src/core/datafast/live-schemas';
import { websiteKey } from '../../../src/shared/website-ids';

const SHOP = websiteKey('shop');
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const sale = (id: string, amount = 49): Sale => ({ id, amount, currency: 'USD', renewal: false, isNew: true, at: null, customerName: null });
const ids = (sales: readonly Sale[]): string[] => sales.map((s) => s.id);

describe('sale tracker', () => {
  it('remembers the payments of its first look silently, then announces only new ones', () => {
    const tracker = new SaleTracker();
    expect(tracker.observe(SHOP, [sale('a'), sale('b')], T0)).toEqual([]);
    expect(ids(tracker.observe(SHOP, [sale('c'), sale('a'), sale('b')], T0 + 60_000))).toEqual(['c']);
    expect(tracker.observe(SHOP, [sale('c'), sale('a'), sale('b')], T0 + 120_000)).toEqual([]);
  });

  it('does not announce a payment again when the list reorders, or when it leaves and comes back', () => {
    const tracker = new SaleTracker();
    tracker.observe(SHOP, [sale('a')], T0);
    expect(ids(tracker.observe(SHOP, [sale('b'), sale('a')], T0 + 60_000))).toEqual(['b']);
    expect(tracker.observe(SHOP, [sale('a'), sale('b')], T0 + 120_000)).toEqual([]);
    expect(tracker.observe(SHOP, [], T0 + 180_000)).toEqual([]);
    expect(tracker.observe(SHOP, [sale('b')], T0 + 240_000)).toEqual([]);
  });

  it('remembers refunds and zero amounts without announcing them', () => {
    const tracker = new SaleTracker();
    tracker.observe(SHOP, [], T0);
    expect(ids(tracker.observe(SHOP, [sale('refund', -20), sale('free', 0), sale('paid', 5)], T0 + 60_000))).toEqual(['paid']);
  });

  it('is silent after a wake, and after its record went stale, then announces again', () => {
    const tracker = new SaleTracker();
    tracker.observe(SHOP, [], T0);
    tracker.quietNextLook();
    expect(tracker.observe(SHOP, [sale('while-asleep')], T0 + 60_000)).toEqual([]);
    expect(tracker.observe(SHOP, [sale('old')], T0 + 60_000 + PAYMENT_WINDOW_MS + 1)).toEqual([]);
    expect(ids(tracker.observe(SHOP, [sale('next')], T0 + 120_000 + PAYMENT_WINDOW_MS))).toEqual(['next']);
  });

  it('starts from a saved recent record, so a restart announces what came in meanwhile and nothing twice', () => {
    const saved = new Map([[SHOP, { ids: ['a'], checkedAt: T0 }]]);
    const tracker = new SaleTracker(saved);
    expect(ids(tracker.observe(SHOP, [sale('a'), sale('b')], T0 + 120_000))).toEqual(['b']);
  });

  it('is silent again for a website removed and added back', () => {
    const tracker = new SaleTracker();
    tracker.observe(SHOP, [sale('a')], T0);
    tracker.forget(SHOP);
    expect(tracker.observe(SHOP, [sale('b')], T0 + 60_000)).toEqual([]);
  });

  it('keeps a bounded number of ids per website, the newest', () => {
    const tracker = new SaleTracker();
    tracker.observe(
      SHOP,
      Array.from({ length: SEEN_PER_WEBSITE + 50 }, (_, index) => sale(`p${index}`)),
      T0,
    );
    const record = tracker.records().get(SHOP);
    expect(record?.ids).toHaveLength(SEEN_PER_WEBSITE);
    expect(record?.ids[0]).toBe('p50');
    expect(JSON.stringify([...tracker.records()])).not.toMatch(/USD|amount|currency/);
  });

  it('reads payments once each, with the customer name from whichever field DataFast used and the time as epoch milliseconds', () => {
    const reply = realtimeMapResponseSchema.parse({
      status: 'success',
      data: {
        recentPayments: [
          { _id: 'x', amount: 10, currency: 'eur', renewal: true, isNew: false, customerName: 'Ada', timestamp: '2026-11-29T12:00:00Z' },
          { _id: 'x', amount: 10, currency: 'eur', renewal: true, isNew: false, customerName: 'Ada', timestamp: 'yesterday-ish' },
          { amount: 5 },
        ],
      },
    });
    expect(salesOf(reply.data.recentPayments)).toEqual([
      { id: 'x', amount: 10, currency: 'EUR', renewal: true, isNew: false, at: Date.UTC(2026, 10, 29, 12), customerName: 'Ada' },
    ]);
    const unparseable = realtimeMapResponseSchema.parse({ status: 'success', data: { recentPayments: [{ _id: 'y', amount: 1, timestamp: 'yesterday-ish' }] } });
    expect(salesOf(unparseable.data.recentPayments)[0]?.at).toBeNull();
  });
});
