import { liveLines } from '../core/live/live-lines';
import type { Sale } from '../core/live/sales';
import { saleKind, saleNotice } from '../core/live/sale-text';
import { todayLine } from '../core/live/today';
import type { OutputFormat } from './args';
import type { RunnerDetails } from './live-details';

/** `--details` in JSON: today's totals against yesterday's, and what is live, as counts. */
export function detailsJson(details: RunnerDetails): Record<string, unknown> {
  const { today, live } = details;
  return {
    today: today && {
      visitors: today.today.visitors,
      revenue: today.today.revenue,
      currency: today.today.currency,
      yesterday: { visitors: today.yesterday.visitors, revenue: today.yesterday.revenue },
    },
    live: live && {
      pages: live.pages,
      referrers: live.referrers,
      countries: live.countries,
      customers: live.customers,
    },
  };
}

/** `--details` where a person reads it (waybar's tooltip, xbar's menu): a line each, headed by what it is. */
export function detailsLines(details: RunnerDetails): string[] {
  const lines: string[] = [];
  if (details.today) lines.push(todayLine([details.today]));
  if (details.live) {
    const live = liveLines(details.live);
    if (live.pages.length > 0) lines.push('Pages now:', ...live.pages.map((line) => `  ${line}`));
    if (live.referrers.length > 0) lines.push('From:', ...live.referrers.map((line) => `  ${line}`));
    if (live.countries.length > 0) lines.push('Where:', ...live.countries.map((line) => `  ${line}`));
    if (live.customers) lines.push(live.customers);
  }
  return lines;
}

/** Made at the first sale, not at start: a formatter loads the locale's date data, which a bar's one-shot read never needs. */
let clockTime: Intl.DateTimeFormat | null = null;

/**
 * `--sales`: one JSON event, or one line of text, per sale first seen after start. A line of text
 * starts with the time of the sale (or of its sighting, when DataFast gives none), so a feed
 * scrolled past in a terminal reads as a log.
 */
export function renderSale(format: OutputFormat, sale: Sale, website: string, seenAt: number): string | null {
  if (format === 'json') {
    return JSON.stringify({
      type: 'sale',
      website,
      amount: sale.amount,
      currency: sale.currency,
      renewal: sale.renewal,
      isNew: sale.isNew,
      at: sale.at === null ? null : new Date(sale.at).toISOString(),
    });
  }
  if (format !== 'text') return null;
  const { title } = saleNotice(website, [sale], { showNames: false });
  const kind = saleKind(sale);
  clockTime ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${clockTime.format(sale.at ?? seenAt)}  ${kind === null ? title : `${title} (${kind})`}`;
}
