import { websiteKey } from '../../../src/shared/settings-shapes';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { History, HISTORY_CAPACITY } from '../../../src/core/readings/history';
import { HistoryFile, HistoryPersister } from '../../../src/core/storage/history-file';
import { tempDir } from '../../support/temp';
import { fakeClock, T0, useFakeTime } from '../../support/scheduler-harness';

const MINUTE = 60_000;
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  vi.useRealTimers();
  dir.remove();
});

describe('history file', () => {
  it('survives a restart: what was saved is loaded', () => {
    const history = new History();
    for (let minute = 0; minute < 90; minute++) history.add(websiteKey('shop'), T0 + minute * MINUTE, minute);
    const file = new HistoryFile(dir.path);
    file.save(history, T0 + 90 * MINUTE, [websiteKey('shop')]);
    const restored = new HistoryFile(dir.path).load(T0 + 91 * MINUTE);
    expect(restored.between(websiteKey('shop'), 0, Infinity)).toEqual(history.between(websiteKey('shop'), 0, Infinity));
    if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it.runIf(process.platform !== 'win32')('replaces a wider existing history file with a private one', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, '{"version":1,"websites":{}}', { mode: 0o644 });
    chmodSync(file.path, 0o644);
    const history = new History();
    history.add(websiteKey('shop'), T0, 3);
    file.save(history, T0, [websiteKey('shop')]);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('keeps only configured websites and stays bounded after a week of readings', () => {
    const history = new History();
    for (let minute = 0; minute < 7 * 24 * 60; minute++) {
      history.add(websiteKey('shop'), T0 + minute * MINUTE, 100_000 + minute);
      history.add(websiteKey('removed'), T0 + minute * MINUTE, 1);
    }
    const file = new HistoryFile(dir.path);
    const now = T0 + 7 * 24 * 60 * MINUTE;
    file.save(history, now, [websiteKey('shop')]);
    const restored = file.load(now);
    expect(restored.websiteKeys()).toEqual(['shop']);
    expect(restored.size(websiteKey('shop'))).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(restored.size(websiteKey('shop'))).toBeGreaterThanOrEqual(24 * 60);
    expect(statSync(file.path).size).toBeLessThan(40 * 1024);
  });

  it('keeps every good sample of a file with one poisoned count, and says so readably', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, `{"version":1,"websites":{"shop":[[${T0 - MINUTE},42],[${T0 - 2 * MINUTE},18014398509481982]]}}`);
    const problems: string[] = [];
    const history = file.load(T0, (message) => problems.push(message));
    expect(history.between(websiteKey('shop'), 0, Infinity)).toEqual([{ at: T0 - MINUTE, visitors: 42 }]);
    expect(problems).toEqual(['Visitor history: one sample was unreadable and left out; the rest was kept.']);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('history.corrupt-'))).toEqual([]);
  });

  it('names what is wrong with a file of another shape in words, not in a parser dump', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, '{"version":7,"websites":[]}');
    const problems: string[] = [];
    file.load(T0, (message) => problems.push(message));
    expect(problems[0]).toMatch(/^Visitor history could not be read \(it is not in the history format\); starting a new one\./);
  });

  it('sets a damaged file aside and starts empty', () => {
    const file = new HistoryFile(dir.path);
    writeFileSync(file.path, '{"version":1,"websites":{"shop":[[1,');
    const problems: string[] = [];
    const history = file.load(T0, (message) => problems.push(message));
    expect(history.websiteKeys()).toEqual([]);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('history.corrupt-'))).toHaveLength(1);
    expect(problems[0]).toMatch(/could not be read.*kept as/);
  });

  it.runIf(process.platform !== 'win32')('leaves a FIFO in place of the history file alone: not read, not written over', () => {
    const file = new HistoryFile(dir.path);
    execFileSync('mkfifo', [file.path]);
    const problems: string[] = [];
    const history = file.load(T0, (message) => problems.push(message));
    history.add(websiteKey('shop'), T0, 5);
    file.save(history, T0, [websiteKey('shop')]);
    expect(lstatSync(file.path).isFIFO()).toBe(true);
    expect(problems).toEqual([expect.stringMatching(/history\.json is a named pipe \(FIFO\), not a regular file\. It was left as it is/) as unknown]);
  });

  it('writes at most once a minute while readings arrive, and once more at quit', () => {
    useFakeTime();
    const history = new History();
    const file = new HistoryFile(dir.path);
    const writes: number[] = [];
    const save = file.save.bind(file);
    file.save = (...args) => {
      writes.push(Date.now());
      save(...args);
    };
    const persister = new HistoryPersister(
      file,
      history,
      fakeClock(),
      () => [websiteKey('shop')],
      (error) => {
        throw error;
      },
    );
    for (let second = 0; second < 150; second += 10) {
      history.add(websiteKey('shop'), Date.now(), second);
      persister.markDirty();
      vi.advanceTimersByTime(10_000);
    }
    expect(writes.map((at) => (at - T0) / 1000)).toEqual([0, 60, 120]);
    history.add(websiteKey('shop'), Date.now(), 999);
    persister.markDirty();
    persister.flush();
    expect(writes).toHaveLength(4);
    const saved = JSON.parse(readFileSync(join(dir.path, 'history.json'), 'utf8')) as { websites: Record<string, number[][]> };
    expect(saved.websites['shop']?.at(-1)?.[1]).toBe(999);
    persister.flush();
    expect(writes).toHaveLength(4);
  });
});
