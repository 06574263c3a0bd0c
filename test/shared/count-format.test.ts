import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/shared/count-format';

describe('count format', () => {
  it.each(['en-US', 'en-GB', 'en-IN'])('writes counts below a thousand in %s exactly as Intl does, in both styles', (locale) => {
    for (const style of ['compact', 'full'] as const) {
      const intl = new Intl.NumberFormat(locale, style === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 });
      for (let visitors = 0; visitors < 1000; visitors++) expect(formatCount(visitors, style, locale)).toBe(intl.format(visitors));
    }
  });

  it('leaves other locales and larger counts to Intl', () => {
    expect(formatCount(42, 'full', 'ar-EG')).toBe(new Intl.NumberFormat('ar-EG', { maximumFractionDigits: 0 }).format(42));
    expect(formatCount(1234, 'compact')).toBe('1.2k');
    expect(formatCount(1234, 'full', 'de-DE')).toBe('1.234');
  });
});
