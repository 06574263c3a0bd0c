import { MAX_VISITORS } from '../datafast/reply-shapes';
import { websiteKeySchema, type WebsiteKey } from '../../shared/settings-shapes';
import { History, HISTORY_RETENTION_MS, type Sample } from '../readings/history';

/**
 * Visitor history on disk as a log: a header line, then one line per reading, `<website key>
 * <epoch ms> <visitors>`. New readings are appended; nothing already written is rewritten until
 * the log is compacted. A crash can only cut the last line short, and a short last line is simply
 * not read.
 */
export const HISTORY_LOG_HEADER = 'datafast-menubar history 1';

/** A reading's line; its website key is checked by the key's own schema. */
const LINE = /^(\S+) (\d{1,15}) (\d{1,9})$/;

export function historyLine(websiteKey: string, at: number, visitors: number): string {
  return `${websiteKey} ${Math.round(at)} ${Math.round(visitors)}\n`;
}

/** The log of everything `history` holds from the last day, for the websites named (all when none are). */
export function historyLog(history: History, now: number, keep?: ReadonlySet<string>): string {
  const lines = [`${HISTORY_LOG_HEADER}\n`];
  for (const key of history.websiteKeys()) {
    if (keep && !keep.has(key)) continue;
    for (const sample of history.between(key, now - HISTORY_RETENTION_MS, Number.POSITIVE_INFINITY)) lines.push(historyLine(key, sample.at, sample.visitors));
  }
  return lines.join('');
}

export class NotAHistoryLogError extends Error {
  override readonly name = 'NotAHistoryLogError';
}

/**
 * History from a log. A text that does not start with the header throws; a line that is not a
 * sane reading is dropped on its own, and `onDropped` hears how many, once. A last line without
 * its newline is the write a crash cut short: left out without a word.
 */
export function parseHistoryLog(text: string, now: number, onDropped: (count: number) => void = () => undefined): History {
  const lines = text.split('\n');
  if (lines[0] !== HISTORY_LOG_HEADER) throw new NotAHistoryLogError('it is not in the history format');
  // After the last newline comes nothing, or a line a crash cut short.
  const complete = lines.slice(1, -1);
  const byWebsite = new Map<WebsiteKey, Sample[]>();
  let dropped = 0;
  for (const line of complete) {
    const match = LINE.exec(line);
    const key = websiteKeySchema.safeParse(match?.[1]);
    const at = Number(match?.[2]);
    const visitors = Number(match?.[3]);
    if (!match || !key.success || visitors > MAX_VISITORS) {
      dropped += 1;
      continue;
    }
    if (at < now - HISTORY_RETENTION_MS || at > now) continue;
    const samples = byWebsite.get(key.data) ?? [];
    samples.push({ at, visitors });
    byWebsite.set(key.data, samples);
  }
  const history = new History();
  for (const [key, samples] of byWebsite) {
    // Appends from overlapping writes can land out of order; the history takes them oldest first.
    for (const sample of samples.sort((a, b) => a.at - b.at)) history.add(key, sample.at, sample.visitors);
  }
  if (dropped > 0) onDropped(dropped);
  return history;
}
