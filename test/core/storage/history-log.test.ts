import { describe, expect, it } from 'vitest';
import { History, HISTORY_RETENTION_MS } from '../../../src/core/readings/history';
import { HISTORY_LOG_HEADER, historyLine, historyLog, NotAHistoryLogError, parseHistoryLog } from '../../../src/core/storage/history-log';
import { websiteKey } from '../../../src/shared/website-ids';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const HOUR = 60 * 60_000;
const SHOP = websiteKey('w_shop');
const counts = (history: History) => history.between(SHOP, 0, Number.POSITIVE_INFINITY).map((sample) => [sample.at, sample.visitors]);

describe('the history log', () => {
  it('reads back what it wrote, a line per reading, only what the history keeps (a day and an hour)', () => {
    const history = new History();
    history.add(SHOP, NOW - HISTORY_RETENTION_MS - HOUR, 1);
    history.add(SHOP, NOW - HOUR, 40);
    history.add(SHOP, NOW - 30_000, 42);
    const text = historyLog(history, NOW);
    expect(text).toBe(`${HISTORY_LOG_HEADER}\n${historyLine(SHOP, NOW - HOUR, 40)}${historyLine(SHOP, NOW - 30_000, 42)}`);
    expect(counts(parseHistoryLog(text, NOW))).toEqual([
      [NOW - HOUR, 40],
      [NOW - 30_000, 42],
    ]);
  });

  it('drops lines that are not sane readings, counted once, keeping the rest in order', () => {
    const text = [
      HISTORY_LOG_HEADER,
      `w_shop ${NOW - 60_000} 7`,
      'not a reading',
      `w_shop ${NOW - 120_000} 5`,
      `w_shop ${NOW} 99999999999`,
      `bad!key ${NOW} 1`,
      '',
    ].join('\n');
    const dropped: number[] = [];
    expect(counts(parseHistoryLog(text, NOW, (count) => dropped.push(count)))).toEqual([
      [NOW - 120_000, 5],
      [NOW - 60_000, 7],
    ]);
    expect(dropped).toEqual([3]);
  });

  it('leaves out, without a word, a last line a crash cut short, and readings from the future', () => {
    const dropped: number[] = [];
    const text = `${HISTORY_LOG_HEADER}\nw_shop ${NOW - 60_000} 7\nw_shop ${NOW + HOUR} 8\nw_shop ${NOW} 4`;
    expect(counts(parseHistoryLog(text, NOW, (count) => dropped.push(count)))).toEqual([[NOW - 60_000, 7]]);
    expect(dropped).toEqual([]);
  });

  it('refuses a text of another format', () => {
    expect(() => parseHistoryLog('{"version":1}', NOW)).toThrow(NotAHistoryLogError);
  });
});
