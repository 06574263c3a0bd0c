/** Visitor counts as every surface shows them: the tray, menus, status bars and the window's charts. */

import type { NumberFormatStyle } from './settings-shapes';
import { cached } from './cached';

export type { NumberFormatStyle };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, style: NumberFormatStyle): Intl.NumberFormat {
  return cached(
    formatters,
    `${locale}|${style}`,
    () => new Intl.NumberFormat(locale, style === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
  );
}

/**
 * `42`, `1.2k` (compact) or `1,234` (full), in the user's locale. English compact thousands are
 * written with a small k, as the tray icon draws them, so one number reads the same everywhere.
 */
export function formatCount(visitors: number, style: NumberFormatStyle, locale = 'en-US'): string {
  // Most live counts are below a thousand, which English writes as bare digits in either style:
  // no Intl for those, whose first use costs a status-bar runner about 20 ms of every start.
  if (Number.isInteger(visitors) && visitors >= 0 && visitors < 1000 && locale.startsWith('en')) return String(visitors);
  const text = formatter(locale, style).format(visitors);
  return style === 'compact' && text.endsWith('K') && locale.startsWith('en') ? `${text.slice(0, -1)}k` : text;
}
