import { cached } from '../../shared/cached';
import { formatCount } from '../../shared/count-format';
import type { TimeseriesReply } from '../datafast/live-schemas';
import { currencyCode, formatSums, sumByCurrency } from './money';

const HOUR_MS = 3_600_000;
/** A day has 23 to 25 hours where clocks change. */
const MAX_HOURS = 25;

/** A day so far: its totals, and visitors hour by hour from midnight. */
export interface DaySeries {
  readonly visitors: number;
  readonly revenue: number;
  readonly currency: string | null;
  readonly hourly: readonly number[];
}

/** Today so far against yesterday up to the same clock time, for one website. */
export interface TodayComparison {
  readonly today: DaySeries;
  readonly yesterday: DaySeries;
  /** When it was read. */
  readonly at: number;
}

/** A day from a timeseries reply: DataFast's totals when given, else the buckets added up. */
export function daySeriesOf(reply: TimeseriesReply, dayStart: number): DaySeries {
  const nested = reply.data && !Array.isArray(reply.data) ? reply.data : null;
  const buckets = (Array.isArray(reply.data) ? reply.data : nested?.data) ?? [];
  const totals = reply.totals ?? nested?.totals ?? null;
  const hourly: number[] = [];
  let visitors = 0;
  let revenue = 0;
  buckets.forEach((bucket, index) => {
    const at = bucket.timestamp;
    const hour = at === null ? index : Math.floor((at - dayStart) / HOUR_MS);
    const count = Math.round(bucket.visitors ?? 0);
    visitors += count;
    revenue += bucket.revenue ?? 0;
    if (hour >= 0 && hour < MAX_HOURS) hourly[hour] = (hourly[hour] ?? 0) + count;
  });
  return {
    visitors: Math.round(totals?.visitors ?? visitors),
    revenue: totals?.revenue ?? revenue,
    currency: currencyCode(reply.currency ?? nested?.currency),
    hourly: Array.from({ length: hourly.length }, (_, hour) => hourly[hour] ?? 0),
  };
}

/** Today's visitors against yesterday's by this time, as a fraction (+0.12); null when yesterday had none. */
export function changeVsYesterday(comparisons: readonly TodayComparison[]): number | null {
  const yesterday = comparisons.reduce((sum, c) => sum + c.yesterday.visitors, 0);
  if (yesterday === 0) return null;
  const today = comparisons.reduce((sum, c) => sum + c.today.visitors, 0);
  return (today - yesterday) / yesterday;
}

const percents = new Map<string, Intl.NumberFormat>();

function percent(value: number, locale: string | undefined): string {
  const format = cached(percents, locale ?? '', () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  return format.format(value);
}

/**
 * "Today: 1,204 visitors (+12% vs yesterday) · $2,340 revenue", for one website or, in sum
 * mode, several: visitors added up, revenue added up currency by currency. Revenue is left out
 * where there was none today or yesterday.
 */
export function todayLine(comparisons: readonly TodayComparison[], locale?: string): string {
  const visitors = comparisons.reduce((sum, c) => sum + c.today.visitors, 0);
  const change = changeVsYesterday(comparisons);
  const noun = visitors === 1 ? 'visitor' : 'visitors';
  let line = `Today: ${formatCount(visitors, 'full', locale)} ${noun}`;
  line += change === null ? '' : ` (${percent(change, locale)} vs yesterday)`;
  const hasRevenue = comparisons.some((c) => c.today.revenue !== 0 || c.yesterday.revenue !== 0);
  if (hasRevenue) {
    const sums = sumByCurrency(comparisons.map((c) => ({ amount: c.today.revenue, currency: c.today.currency })));
    line += ` · ${formatSums(sums, locale, true)} revenue`;
  }
  return line;
}
