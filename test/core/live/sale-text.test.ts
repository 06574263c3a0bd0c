import { describe, expect, it } from 'vitest';
import { saleNotice } from '../../../src/core/live/sale-text';
import type { Sale } from '../../../src/core/live/sales';

const sale = (overrides: Partial<Sale>): Sale => ({
  id: 'p',
  amount: 49,
  currency: 'USD',
  renewal: false,
  isNew: false,
  at: null,
  customerName: null,
  ...overrides,
});

describe('sale notifications', () => {
  it('says the website, the amount and what kind of sale it was', () => {
    expect(saleNotice('shop.example.com', [sale({ isNew: true })], { locale: 'en-US', showNames: false })).toEqual({
      title: 'New sale on shop.example.com: $49.00',
      body: 'new customer',
    });
    expect(saleNotice('Shop', [sale({ renewal: true, isNew: true })], { locale: 'en-US', showNames: false }).body).toBe('renewal');
  });

  it('names the customer only when the user asked for names', () => {
    const named = sale({ customerName: 'Ada Lovelace' });
    expect(saleNotice('Shop', [named], { locale: 'en-US', showNames: false }).body).not.toContain('Ada');
    expect(saleNotice('Shop', [named], { locale: 'en-US', showNames: true }).body).toContain('Ada Lovelace');
  });

  it('sums several sales of one read into one notification', () => {
    const notice = saleNotice('Shop', [sale({ id: 'a', isNew: true }), sale({ id: 'b', renewal: true }), sale({ id: 'c', currency: 'EUR', amount: 20 })], {
      locale: 'en-US',
      showNames: false,
    });
    expect(notice).toEqual({ title: '3 new sales on Shop: $98.00 + €20.00', body: '1 new customer · 1 renewal' });
  });
});
