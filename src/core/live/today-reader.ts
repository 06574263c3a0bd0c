import type { TimeseriesReply } from '../datafast/live-schemas';
import { dayRanges, type DayRange } from './day-ranges';
import { daySeriesOf, type TodayComparison } from './today';

/** Today against yesterday changes slowly: read every 5 minutes, for the active website only. */
export const TODAY_EVERY_MS = 5 * 60_000;

export interface TodayReaderOptions {
  readonly readHours: (range: DayRange & { readonly timeZone: string }, signal: AbortSignal) => Promise<TimeseriesReply>;
  /** The website's time zone from its metadata; null (or a failure) counts days in this computer's zone. */
  readonly timeZone: (signal: AbortSignal) => Promise<string | null>;
  readonly now: () => number;
}

export interface TodayReader {
  due(now: number): boolean;
  /** Two requests: today 00:00 → now, and yesterday 00:00 → the same clock time. */
  read(signal: AbortSignal): Promise<TodayComparison>;
}

export function createTodayReader(options: TodayReaderOptions): TodayReader {
  let zone: Promise<string | null> | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    due: (now) => now - lastAt >= TODAY_EVERY_MS,
    async read(signal) {
      // Asked once: a website's zone does not change between reads, and a failure is not retried every time.
      zone ??= options.timeZone(signal).catch(() => null);
      const now = options.now();
      lastAt = now;
      const ranges = dayRanges(now, await zone);
      const [today, yesterday] = await Promise.all([
        options.readHours({ ...ranges.today, timeZone: ranges.timeZone }, signal),
        options.readHours({ ...ranges.yesterday, timeZone: ranges.timeZone }, signal),
      ]);
      return { today: daySeriesOf(today, ranges.todayStart), yesterday: daySeriesOf(yesterday, ranges.yesterdayStart), at: now };
    },
  };
}
