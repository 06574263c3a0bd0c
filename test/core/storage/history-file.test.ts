import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { History, HISTORY_CAPACITY } from '../../../src/core/readings/history';
import { HISTORY_COMPACT_MS, HISTORY_FLUSH_MS, HistoryFile, HistoryPersister } from '../../../src/core/storage/history-file';
import { HISTORY_LOG_HEADER } from '../../../src/core/storage/history-log';
import { websiteKey } from '../../../src/shared/settings-shapes';
import { tempDir } from '../../support/temp';
import { watchedFifo } from '../../support/fifo';
import { fakeClock, T0, useFakeTime } from '../../support/scheduler-harness';

const MINUTE = 60_000;
const SHOP = websiteKey('shop');
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  vi.useRealTimers();
  dir.remove();
});

const log = (...lines: string[]): string => [HISTORY_LOG_HEADER, ...lines].join('\n');

function persisterFor(file: HistoryFile, history: History, keys = [SHOP]): HistoryPersister {
  return new HistoryPersister(
    file,
    history,
    fakeClock(),
    () => keys,
    (error) => {
      throw error;
    },
  );
}

describe('history file', () => {
  it('survives a restart: what was recorded is loaded, from a private file', () => {
    const history = new History();
    const file = new HistoryFile(dir.path);
    file.load(T0);
    const persister = persisterFor(file, history);
    for (let minute = 0; minute < 90; minute++) {
      history.add(SHOP, T0 + minute * MINUTE, minute);
      persister.record(SHOP, T0 + minute * MINUTE, minute);
    }
    persister.flushNow();
    const restored = new HistoryFile(dir.path).load(T0 + 91 * MINUTE);
    expect(restored.between(SHOP, 0, Infinity)).toEqual(history.between(SHOP, 0, Infinity));
    if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it.runIf(process.platform !== 'win32')('replaces a wider existing history file with a private one when it loads', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, log(`shop ${T0} 3`, ''), { mode: 0o644 });
    chmodSync(file.path, 0o644);
    expect(file.load(T0 + MINUTE).between(SHOP, 0, Infinity)).toEqual([{ at: T0, visitors: 3 }]);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('compacts to the configured websites and the last day, however long it ran', () => {
    const history = new History();
    for (let minute = 0; minute < 7 * 24 * 60; minute++) {
      history.add(SHOP, T0 + minute * MINUTE, 100_000 + minute);
      history.add(websiteKey('removed'), T0 + minute * MINUTE, 1);
    }
    const file = new HistoryFile(dir.path);
    const now = T0 + 7 * 24 * 60 * MINUTE;
    file.compact(history, now, [SHOP]);
    const restored = file.load(now);
    expect(restored.websiteKeys()).toEqual(['shop']);
    expect(restored.size(SHOP)).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(restored.size(SHOP)).toBeGreaterThanOrEqual(24 * 60);
    expect(statSync(file.path).size).toBeLessThan(48 * 1024);
  });

  it('keeps every good reading of a log with one poisoned count, and says so readably', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, log(`shop ${T0 - 2 * MINUTE} 18014398509481982`, `shop ${T0 - MINUTE} 42`, 'not a reading', ''));
    const problems: string[] = [];
    const history = file.load(T0, (message) => problems.push(message));
    expect(history.between(SHOP, 0, Infinity)).toEqual([{ at: T0 - MINUTE, visitors: 42 }]);
    expect(problems).toEqual(['Visitor history: 2 samples were unreadable and left out; the rest was kept.']);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('history.corrupt-'))).toEqual([]);
  });

  it('reads a last line a crash cut short as not written, without a word', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, log(`shop ${T0 - 2 * MINUTE} 40`, `shop ${T0 - MINUTE} 41`, `shop ${T0} 4`));
    const problems: string[] = [];
    const history = file.load(T0 + MINUTE, (message) => problems.push(message));
    expect(history.between(SHOP, 0, Infinity).map((sample) => sample.visitors)).toEqual([40, 41]);
    expect(problems).toEqual([]);
    // Compacted at load: the cut line is gone, so later appends start on a line of their own.
    expect(readFileSync(file.path, 'utf8')).toBe(log(`shop ${T0 - 2 * MINUTE} 40`, `shop ${T0 - MINUTE} 41`, ''));
  });

  it('moves a history kept in the older JSON file into the log, once', () => {
    const legacy = join(dir.path, 'history.json');
    writeFileSync(legacy, `{"version":1,"websites":{"shop":[[${T0 - MINUTE},42],[${T0 - 2 * MINUTE},18014398509481982]]}}`);
    const problems: string[] = [];
    const history = new HistoryFile(dir.path).load(T0, (message) => problems.push(message));
    expect(history.between(SHOP, 0, Infinity)).toEqual([{ at: T0 - MINUTE, visitors: 42 }]);
    expect(problems).toEqual(['Visitor history: one sample was unreadable and left out; the rest was kept.']);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(join(dir.path, 'history.log'), 'utf8')).toBe(log(`shop ${T0 - MINUTE} 42`, ''));
  });

  it('names what is wrong with a file of another shape in words, not in a parser dump', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, '{"version":7,"websites":[]}');
    const problems: string[] = [];
    file.load(T0, (message) => problems.push(message));
    expect(problems[0]).toMatch(/^Visitor history could not be read \(it is not in the history format\); starting a new one\./);
  });

  it('refuses a well-formed log over 16 MiB without reading it, keeping it aside', () => {
    const file = new HistoryFile(dir.path);
    const line = `shop ${T0 - MINUTE} 42\n`;
    // Every line is a good reading: only the size says this log is not ours.
    writeFileSync(file.path, `${HISTORY_LOG_HEADER}\n${line.repeat(Math.ceil((16 * 1024 * 1024) / line.length) + 1)}`);
    expect(statSync(file.path).size).toBeGreaterThan(16 * 1024 * 1024);
    const problems: string[] = [];
    const history = file.load(T0, (message) => problems.push(message));
    expect(history.websiteKeys()).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^Visitor history could not be read \(the file is too large\)/) as unknown]);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('history.corrupt-'))).toHaveLength(1);
  });

  it('sets a damaged file aside and starts empty', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, Buffer.from([0xff, 0xfe, 0x00, 0x42]));
    const problems: string[] = [];
    const history = file.load(T0, (message) => problems.push(message));
    expect(history.websiteKeys()).toEqual([]);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('history.corrupt-'))).toHaveLength(1);
    expect(problems[0]).toMatch(/could not be read.*kept as/);
  });

  it.runIf(process.platform !== 'win32')('leaves a FIFO in place of the history file alone: not read, not written over', async () => {
    const file = new HistoryFile(dir.path);
    const fifo = watchedFifo(file.path);
    try {
      const problems: string[] = [];
      const history = file.load(T0, (message) => problems.push(message));
      history.add(SHOP, T0, 5);
      file.compact(history, T0, [SHOP]);
      await file.append(`shop ${T0} 5\n`);
      file.appendNow(`shop ${T0} 5\n`);
      expect(lstatSync(file.path).isFIFO()).toBe(true);
      expect(problems).toEqual([expect.stringMatching(/history\.log is a named pipe \(FIFO\), not a regular file\. It was left as it is/) as unknown]);
    } finally {
      fifo.release();
    }
  });
});

describe('history persister', () => {
  it('appends new readings every few minutes, and what is left at quit, writing nothing twice', async () => {
    useFakeTime();
    const history = new History();
    const file = new HistoryFile(dir.path);
    file.load(Date.now());
    const persister = persisterFor(file, history);
    const sizes: number[] = [];
    for (let second = 0; second < 12 * 60; second += 30) {
      history.add(SHOP, Date.now(), second);
      persister.record(SHOP, Date.now(), second);
      await vi.advanceTimersByTimeAsync(30_000);
      // An append is real file I/O: what it wrote counts once it has landed.
      await persister.whenWritten();
      sizes.push(file.bytesWritten);
    }
    // Two flushes in twelve minutes (at 5 and 10), each only the readings since the one before.
    expect(new Set(sizes).size).toBe(3);
    expect(HISTORY_FLUSH_MS).toBe(5 * MINUTE);
    await persister.whenWritten();
    const beforeQuit = readFileSync(file.path, 'utf8');
    persister.flushNow();
    const afterQuit = readFileSync(file.path, 'utf8');
    expect(afterQuit.startsWith(beforeQuit)).toBe(true);
    const lines = afterQuit.trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(24);
    expect(new Set(lines).size).toBe(24);
    persister.flushNow();
    expect(readFileSync(file.path, 'utf8')).toBe(afterQuit);
  });

  it('writes the log again compactly once a day, without websites since removed', async () => {
    useFakeTime();
    const history = new History();
    const file = new HistoryFile(dir.path);
    file.load(Date.now());
    const keys = [SHOP, websiteKey('blog')];
    const persister = persisterFor(file, history, keys);
    for (const key of keys) {
      history.add(key, Date.now(), 7);
      persister.record(key, Date.now(), 7);
    }
    await persister.flush();
    keys.pop();
    await vi.advanceTimersByTimeAsync(HISTORY_COMPACT_MS);
    history.add(SHOP, Date.now(), 8);
    persister.record(SHOP, Date.now(), 8);
    await persister.flush();
    const lines = readFileSync(file.path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(HISTORY_LOG_HEADER);
    expect(lines.slice(1).map((line) => line.split(' ')[0])).toEqual(['shop', 'shop']);
  });
});
