import { describe, expect, it } from 'vitest';
import { currencyCode, formatMoney, formatSums, sumByCurrency } from '../../../src/core/live/money';

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
