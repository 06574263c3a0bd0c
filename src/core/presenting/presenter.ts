import type { DisplayMode, ReadingStatus, WebsiteKey } from '../../shared/settings-shapes';
import type { FailureInfo } from '../datafast/errors';
import { ageChangesAt, formatAge, singleLine } from '../readings/format';
import { formatCount, type NumberFormatStyle } from '../../shared/count-format';
import type { PollState } from '../polling/poll-entry';

export interface WebsiteInput {
  readonly websiteKey: WebsiteKey;
  readonly label: string;
  readonly poll: PollState | null;
  readonly demo?: boolean;
}

export interface PresenterInput {
  readonly websites: readonly WebsiteInput[];
  readonly activeKey: WebsiteKey | null;
  readonly mode: DisplayMode;
  readonly numberFormat: NumberFormatStyle;
  readonly now: number;
  readonly locale?: string;
  readonly paused?: boolean;
}

export interface MenuWebsite {
  readonly websiteKey: WebsiteKey;
  readonly label: string;
  /** "example.com — 42" as one menu line. */
  readonly menuLabel: string;
  readonly countText: string;
  readonly checked: boolean;
  readonly status: ReadingStatus;
  readonly problem: string | null;
}

export interface TrayView {
  /** What the menu bar shows: `42`, `1.2k`, `—` before the first reading, `~42` stale, `⚠ 42` failing. */
  readonly title: string;
  readonly visitors: number | null;
  readonly status: ReadingStatus;
  readonly tooltip: string;
  /** "example.com — 42 visitors" */
  readonly headline: string;
  /** "updated 12 s ago", or what went wrong. */
  readonly detail: string;
  readonly problem: string | null;
  readonly websites: readonly MenuWebsite[];
  readonly sumSelected: boolean;
  readonly activeKey: WebsiteKey | null;
  /** When the age this view shows ("updated 3 min ago") next changes by itself; null when it shows none. */
  readonly ageChangesAt: number | null;
}

export const NO_READING = '—';
export const STALE_MARK = '~';
export const ERROR_MARK = '⚠';

interface Reading {
  readonly visitors: number | null;
  readonly fetchedAt: number | null;
  readonly status: ReadingStatus;
  readonly error: FailureInfo | null;
}

/**
 * A menu line has room for a sentence, not a paragraph: the first sentence of an error names
 * what went wrong; the tooltip and the settings window carry the whole message with its fix.
 */
export function firstSentence(message: string): string {
  const end = message.search(/[.!?](\s|$)/);
  return end === -1 ? message : message.slice(0, end + 1);
}

function readingOf(poll: PollState | null): Reading {
  if (!poll) return { visitors: null, fetchedAt: null, status: 'loading', error: null };
  const status: ReadingStatus = poll.error ? 'error' : poll.stale ? 'stale' : poll.visitors === null ? 'loading' : 'ok';
  return { visitors: poll.visitors, fetchedAt: poll.fetchedAt, status, error: poll.error };
}

/** The sum mode's reading: known counts added up, the worst status, the oldest time. */
function sumOf(readings: readonly Reading[]): Reading {
  const known = readings.filter((reading) => reading.visitors !== null);
  const rank: Record<ReadingStatus, number> = { ok: 0, loading: 1, stale: 2, error: 3, empty: 4 };
  const worst = readings.reduce<ReadingStatus>((acc, reading) => (rank[reading.status] > rank[acc] ? reading.status : acc), 'ok');
  const partial = known.length < readings.length && known.length > 0;
  return {
    visitors: known.length === 0 ? null : known.reduce((sum, reading) => sum + (reading.visitors ?? 0), 0),
    fetchedAt: known.length === 0 ? null : Math.min(...known.map((reading) => reading.fetchedAt ?? 0)),
    // A sum missing some websites is not the whole truth, so it is shown as stale at best.
    status: partial && worst === 'loading' ? 'stale' : worst,
    error: readings.find((reading) => reading.error)?.error ?? null,
  };
}

function titleFor(reading: Reading, countText: string | null): string {
  if (countText === null) return reading.status === 'error' ? ERROR_MARK : NO_READING;
  if (reading.status === 'error') return `${ERROR_MARK} ${countText}`;
  if (reading.status === 'stale') return `${STALE_MARK}${countText}`;
  return countText;
}

function visitorsPhrase(countText: string | null, visitors: number | null): string {
  if (countText === null || visitors === null) return 'no reading yet';
  return `${countText} ${visitors === 1 ? 'visitor' : 'visitors'}`;
}

/** Pure: the whole tray, tooltip and menu, computed from state. The shells only render this. */
export function present(input: PresenterInput): TrayView {
  const locale = input.locale ?? 'en-US';
  const count = (visitors: number | null): string | null => (visitors === null ? null : formatCount(visitors, input.numberFormat, locale));
  // Which website is active is the caller's to say (activeWebsiteOf, or the runner's own).
  const active = input.websites.find((website) => website.websiteKey === input.activeKey) ?? null;

  const rows = input.websites.map((website) => ({ website, reading: readingOf(website.poll) }));
  const websites: MenuWebsite[] = rows.map(({ website, reading }) => {
    const countText = count(reading.visitors) ?? NO_READING;
    const label = singleLine(website.demo ? `${website.label} (demo)` : website.label);
    return {
      websiteKey: website.websiteKey,
      label,
      menuLabel: `${label} — ${reading.status === 'error' ? `${ERROR_MARK} ` : ''}${countText}`,
      countText,
      checked: input.mode === 'active' && website.websiteKey === active?.websiteKey,
      status: reading.status,
      problem: reading.error?.message ?? null,
    };
  });

  if (!active) {
    return {
      title: NO_READING,
      visitors: null,
      status: 'empty',
      tooltip: 'DataFast Menubar: no websites yet. Open Settings to add one.',
      headline: 'No websites yet',
      detail: 'Add a website in Settings',
      problem: null,
      websites,
      sumSelected: input.mode === 'sum',
      activeKey: null,
      ageChangesAt: null,
    };
  }

  const sum = input.mode === 'sum';
  const reading = sum ? sumOf(rows.map((row) => row.reading)) : readingOf(active.poll);
  const countText = count(reading.visitors);
  const name = sum ? `All websites (${input.websites.length})` : (websites.find((w) => w.websiteKey === active.websiteKey)?.label ?? active.label);
  const age = reading.fetchedAt === null ? null : `updated ${formatAge(input.now - reading.fetchedAt)}`;
  const problem = reading.error?.message ?? null;
  const detail = input.paused
    ? `paused while offline or asleep${age ? `; ${age}` : ''}`
    : ((problem === null ? null : firstSentence(problem)) ?? age ?? 'loading…');
  const headline = `${name} — ${visitorsPhrase(countText, reading.visitors)}`;

  return {
    title: titleFor(reading, countText),
    visitors: reading.visitors,
    status: reading.status,
    tooltip: `${headline}\n${problem ?? detail}`,
    headline,
    detail,
    problem,
    websites,
    sumSelected: sum,
    activeKey: active.websiteKey,
    ageChangesAt: reading.fetchedAt === null ? null : ageChangesAt(reading.fetchedAt, input.now),
  };
}
