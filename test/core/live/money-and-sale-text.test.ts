import { describe, expect, it } from 'vitest';
import { currencyCode, formatMoney, formatSums, sumByCurrency } from '../../../src/core/live/money';
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

describe('money', () => {
  it('writes amounts as the locale does, and an unknown or missing currency without failing', () => {
    expect(formatMoney({ amount: 49, currency: 'USD' }, 'en-US')).toBe('$49.00');
    expect(formatMoney({ amount: 49, currency: 'EUR' }, 'de-DE')).toBe('49,00\u00a0€');
    expect(formatMoney({ amount: 49, currency: 'XYZ' }, 'en-US')).toBe('XYZ\u00a049.00');
    expect(formatMoney({ amount: 2340.4, currency: 'USD' }, 'en-US', true)).toBe('$2,340');
    expect(formatMoney({ amount: 49, currency: currencyCode('dollars') }, 'en-US')).toBe('49.00');
  });

  it('adds up per currency, in the order currencies first appear', () => {
    const sums = sumByCurrency([
      { amount: 49, currency: 'USD' },
      { amount: 20, currency: 'EUR' },
      { amount: 49, currency: 'USD' },
    ]);
    expect(formatSums(sums, 'en-US')).toBe('$98.00 + €20.00');
  });
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
