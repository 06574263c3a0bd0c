import { describe, expect, it } from 'vitest';
import { realtimeMapResponseSchema } from '../../../src/core/datafast/live-schemas';
import { isSale, salesOf } from '../../../src/core/live/sales';

const paymentsOf = (recentPayments: unknown[]) =>
  realtimeMapResponseSchema.parse({ status: 'success', data: { count: 1, visitors: [], recentPayments } }).data.recentPayments;

describe('payments as sales', () => {
  it('keep what a notification may use, the name from the first field that has one, never an email', () => {
    const [sale] = salesOf(
      paymentsOf([{ _id: 'pay_1', amount: 49, currency: 'usd', renewal: true, isNew: false, displayName: ' ', name: 'Ada', customerEmail: 'ada@example.com' }]),
    );
    expect(sale).toEqual({ id: 'pay_1', amount: 49, currency: 'USD', renewal: true, isNew: false, at: null, customerName: 'Ada' });
    expect(JSON.stringify(sale)).not.toContain('example.com');
  });

  it('list each id once, and keep refunds and zero amounts as seen without making them sales', () => {
    const sales = salesOf(
      paymentsOf([
        { _id: 'pay_1', amount: 10 },
        { _id: 'pay_1', amount: 10 },
        { _id: 'pay_refund', amount: -10 },
        { _id: 'pay_zero', amount: 0 },
      ]),
    );
    expect(sales.map((sale) => sale.id)).toEqual(['pay_1', 'pay_refund', 'pay_zero']);
    expect(sales.filter(isSale).map((sale) => sale.id)).toEqual(['pay_1']);
    expect(salesOf(null)).toEqual([]);
  });
});
