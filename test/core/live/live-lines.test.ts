import { describe, expect, it } from 'vitest';
import { countryName, flagOf, liveLines } from '../../../src/core/live/live-lines';

describe('"Live now" in words', () => {
  it('writes each list as lines with counts, countries with their flag and name in the locale', () => {
    const lines = liveLines(
      {
        visitors: 1200,
        pages: [{ path: '/pricing', visitors: 1100 }],
        referrers: [{ referrer: 'Direct', visitors: 3 }],
        countries: [{ country: 'DE', visitors: 2 }],
        customers: 1,
      },
      'en-US',
    );
    expect(lines).toEqual({
      pages: ['/pricing — 1,100'],
      referrers: ['Direct — 3'],
      countries: ['🇩🇪 Germany — 2'],
      customers: '1 of 1,200 live visitors is a customer',
    });
    expect(liveLines({ visitors: 1, pages: [], referrers: [], countries: [], customers: 1 }, 'en-US').customers).toBe('1 of 1 live visitor is a customer');
    expect(liveLines({ visitors: 9, pages: [], referrers: [], countries: [], customers: 0 }, 'en-US').customers).toBeNull();
  });

  it('names a country in the language asked for, and keeps a code Intl does not know', () => {
    expect(countryName('DE', 'fr-FR')).toBe('Allemagne');
    expect(countryName('XQ', 'en-US')).toBe('XQ');
    expect(flagOf('US')).toBe('🇺🇸');
    expect(flagOf('usa')).toBe('');
  });
});
