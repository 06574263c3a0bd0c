import { cached } from '../../shared/cached';

/** A range for DataFast's `startAt`/`endAt`: ISO timestamps with the website's offset. */
export interface DayRange {
  readonly startAt: string;
  readonly endAt: string;
}

export interface DayRanges {
  readonly timeZone: string;
  /** Today 00:00 → now. */
  readonly today: DayRange;
  /** Yesterday 00:00 → the same clock time yesterday. */
  readonly yesterday: DayRange;
  /** Epoch milliseconds of today's midnight, for placing hourly buckets. */
  readonly todayStart: number;
  readonly yesterdayStart: number;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  return cached(
    clocks,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

function wallClock(timeZone: string, at: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of clockFormat(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at this instant. */
function offsetMinutes(timeZone: string, at: number): number {
  const clock = wallClock(timeZone, at);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time happens in the zone (the later one of a repeated hour, the next valid one in a skipped hour). */
function instantOf(timeZone: string, clock: WallClock): number {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  let at = asUtc - offsetMinutes(timeZone, asUtc) * 60_000;
  at = asUtc - offsetMinutes(timeZone, at) * 60_000;
  return at;
}

const two = (value: number): string => String(value).padStart(2, '0');

/** "2026-11-29T00:00:00+01:00". */
function isoWithOffset(timeZone: string, at: number): string {
  const clock = wallClock(timeZone, at);
  const offset = offsetMinutes(timeZone, at);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${clock.year}-${two(clock.month)}-${two(clock.day)}T${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The zone to count days in: the website's, when it names one Intl knows; else this computer's. */
export function usableTimeZone(timeZone: string | null | undefined): string {
  if (timeZone) {
    try {
      clockFormat(timeZone);
      return timeZone;
    } catch {
      // An unknown zone falls back to the system's below.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today so far and yesterday up to the same clock time, in the website's time zone. */
export function dayRanges(now: number, websiteTimeZone: string | null | undefined): DayRanges {
  const timeZone = usableTimeZone(websiteTimeZone);
  const clock = wallClock(timeZone, now);
  const todayStart = instantOf(timeZone, { ...clock, hour: 0, minute: 0, second: 0 });
  // Date.UTC carries day 0 back into the previous month, so the first of a month works too.
  const previous = new Date(Date.UTC(clock.year, clock.month - 1, clock.day - 1));
  const yesterdayDate = { year: previous.getUTCFullYear(), month: previous.getUTCMonth() + 1, day: previous.getUTCDate() };
  const yesterdayStart = instantOf(timeZone, { ...yesterdayDate, hour: 0, minute: 0, second: 0 });
  const yesterdayEnd = instantOf(timeZone, { ...yesterdayDate, hour: clock.hour, minute: clock.minute, second: clock.second });
  return {
    timeZone,
    today: { startAt: isoWithOffset(timeZone, todayStart), endAt: isoWithOffset(timeZone, now) },
    yesterday: { startAt: isoWithOffset(timeZone, yesterdayStart), endAt: isoWithOffset(timeZone, yesterdayEnd) },
    todayStart,
    yesterdayStart,
  };
}
