import { cached } from '../../shared/cached';
import { formatCount } from '../../shared/count-format';
import type { LiveSummary } from './live-summary';

const names = new Map<string, Intl.DisplayNames>();

/** "United States" in the user's language, from "US"; the code itself when Intl has no name for it. */
export function countryName(code: string, locale?: string): string {
  const display = cached(names, locale ?? '', () => new Intl.DisplayNames(locale === undefined ? undefined : [locale], { type: 'region', fallback: 'code' }));
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}

/** 🇺🇸 from "US": two regional indicator letters, which systems draw as the flag. */
export function flagOf(code: string): string {
  const A = 'A'.charCodeAt(0);
  return /^[A-Z]{2}$/.test(code) ? String.fromCodePoint(0x1f1e6 + code.charCodeAt(0) - A, 0x1f1e6 + code.charCodeAt(1) - A) : '';
}

/** The "Live now" lines, as the tray menu, the window and the status bars write them. */
export interface LiveLines {
  readonly pages: readonly string[];
  readonly referrers: readonly string[];
  readonly countries: readonly string[];
  /** "2 of 42 live visitors are customers", or null when none is. */
  readonly customers: string | null;
}

export function liveLines(summary: LiveSummary, locale?: string): LiveLines {
  const count = (visitors: number): string => formatCount(visitors, 'full', locale);
  return {
    pages: summary.pages.map((page) => `${page.path} — ${count(page.visitors)}`),
    referrers: summary.referrers.map((referrer) => `${referrer.referrer} — ${count(referrer.visitors)}`),
    countries: summary.countries.map((country) => `${flagOf(country.country)} ${countryName(country.country, locale)} — ${count(country.visitors)}`.trim()),
    customers: summary.customers === 0 ? null : customerLine(summary.customers, summary.visitors, count),
  };
}

function customerLine(customers: number, visitors: number, count: (value: number) => string): string {
  const of = `${count(customers)} of ${count(visitors)} live ${visitors === 1 ? 'visitor' : 'visitors'}`;
  return customers === 1 ? `${of} is a customer` : `${of} are customers`;
}
