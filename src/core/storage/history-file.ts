import { writeFileSync as writeFileAtomically } from 'atomically';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZodError } from 'zod';
import type { WebsiteKey } from '../../shared/settings-shapes';
import type { Clock } from '../time/clock';
import { errorMessage } from '../datafast/errors';
import { History } from '../readings/history';
import { historyLine, historyLog, NotAHistoryLogError, parseHistoryLog } from './history-log';
import { historyFromLegacyJson } from './legacy-history';
import { setAside } from './quarantine';
import { unsafeFileReason } from './safe-file';

export const HISTORY_FILE_NAME = 'history.log';
/** Where history was kept before it was a log: read once, then replaced by the log. */
export const LEGACY_HISTORY_FILE_NAME = 'history.json';
/** 50 websites × a day's readings × ~25 bytes, with room for a day of appends; anything far larger is not ours. */
const MAX_HISTORY_BYTES = 16 * 1024 * 1024;

/** The engine's history on disk beside the settings, so sparklines and baselines survive restarts. */
export class HistoryFile {
  readonly path: string;
  readonly #legacyPath: string;
  #refused = false;
  #bytesWritten = 0;

  constructor(directory: string) {
    this.path = join(directory, HISTORY_FILE_NAME);
    this.#legacyPath = join(directory, LEGACY_HISTORY_FILE_NAME);
  }

  /**
   * The saved history, or an empty one; a damaged file is set aside and reported. The log is then
   * written again compactly (the last day, no line a crash cut short). A path that is not a
   * regular file (a FIFO, a device, a link leading elsewhere) is left alone and not written.
   */
  load(now: number, onProblem: (message: string) => void = () => undefined): History {
    const legacy = !existsSync(this.path) && existsSync(this.#legacyPath);
    const path = legacy ? this.#legacyPath : this.path;
    const unsafe = unsafeFileReason(path);
    if (unsafe) {
      this.#refused = true;
      onProblem(`Visitor history is not read or saved: ${unsafe}. It was left as it is; replace it with a regular file (or remove it), then start again.`);
      return new History();
    }
    const history = existsSync(path) ? this.#read(path, legacy, now, onProblem) : new History();
    this.compact(history, now);
    if (legacy && existsSync(this.#legacyPath)) rmSync(this.#legacyPath);
    return history;
  }

  #read(path: string, legacy: boolean, now: number, onProblem: (message: string) => void): History {
    const onDropped = (dropped: number): void =>
      onProblem(`Visitor history: ${dropped === 1 ? 'one sample was' : `${dropped} samples were`} unreadable and left out; the rest was kept.`);
    try {
      if (statSync(path).size > MAX_HISTORY_BYTES) throw new Error('the file is too large');
      const text = readFileSync(path, 'utf8');
      return legacy ? historyFromLegacyJson(JSON.parse(text), now, onDropped) : parseHistoryLog(text, now, onDropped);
    } catch (error) {
      const aside = setAside(path, now);
      onProblem(`Visitor history could not be read (${unreadableReason(error)}); starting a new one. The old file was kept as ${aside}.`);
      return new History();
    }
  }

  /**
   * Writes the last day of the websites named (all when none are) as a fresh log, atomically and
   * durably (a temp file, flushed with fsync, renamed over the old one), so a crash at any point
   * leaves the old log or the new one.
   */
  compact(history: History, now: number, websiteKeys?: readonly WebsiteKey[]): void {
    if (this.#refused) return;
    const text = historyLog(history, now, websiteKeys && new Set(websiteKeys));
    writeFileAtomically(this.path, text, { mode: 0o600, fsync: true });
    this.#bytesWritten += Buffer.byteLength(text);
  }

  /** Appends readings' lines without blocking. Each append is one write; a crash can cut only its last line short. */
  async append(lines: string): Promise<void> {
    if (this.#refused || lines === '') return;
    this.#bytesWritten += Buffer.byteLength(lines);
    await appendFile(this.path, lines, { mode: 0o600 });
  }

  /** The same, before the process may end (at quit). */
  appendNow(lines: string): void {
    if (this.#refused || lines === '') return;
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, lines);
    } finally {
      closeSync(fd);
    }
    this.#bytesWritten += Buffer.byteLength(lines);
  }

  /** Bytes written since this object was made: what keeping history costs the disk. */
  get bytesWritten(): number {
    return this.#bytesWritten;
  }
}

function unreadableReason(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (error instanceof ZodError || error instanceof NotAHistoryLogError) return 'it is not in the history format';
  return errorMessage(error);
}

/** How long readings wait in memory before they are appended: a crash loses at most this much. */
export const HISTORY_FLUSH_MS = 5 * 60_000;
/** How often the log is written again without what has aged out or was removed. */
export const HISTORY_COMPACT_MS = 24 * 60 * 60_000;

/**
 * Appends new readings to the log every few minutes, and at once on suspend and at quit; once a
 * day it writes the log again, compactly, instead. Nothing already on disk is written twice.
 */
export class HistoryPersister {
  readonly #file: HistoryFile;
  readonly #history: History;
  readonly #clock: Clock;
  readonly #websiteKeys: () => readonly WebsiteKey[];
  readonly #onError: (error: unknown) => void;
  #pending: string[] = [];
  #timer: unknown = undefined;
  #compactedAt: number;
  /** Appends in order, one at a time. */
  #writing: Promise<void> = Promise.resolve();

  constructor(file: HistoryFile, history: History, clock: Clock, websiteKeys: () => readonly WebsiteKey[], onError: (error: unknown) => void) {
    this.#file = file;
    this.#history = history;
    this.#clock = clock;
    this.#websiteKeys = websiteKeys;
    this.#onError = onError;
    // The log was compacted when it was loaded.
    this.#compactedAt = clock.now();
  }

  /** A reading the history took: written with the next flush. */
  record(websiteKey: WebsiteKey, at: number, visitors: number): void {
    this.#pending.push(historyLine(websiteKey, at, visitors));
    this.#timer ??= this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, HISTORY_FLUSH_MS);
  }

  /** Writes what is waiting, without blocking: on the timer and on suspend. Resolves when it is on disk. */
  flush(): Promise<void> {
    const lines = this.#take();
    if (lines === null) return this.#writing;
    if (this.#clock.now() - this.#compactedAt >= HISTORY_COMPACT_MS) {
      this.#compact();
      return this.#writing;
    }
    this.#writing = this.#writing.then(() => this.#file.append(lines)).catch((error: unknown) => this.#onError(error));
    return this.#writing;
  }

  /** Resolves when every write started so far is on disk. */
  whenWritten(): Promise<void> {
    return this.#writing;
  }

  /** Writes what is waiting before returning: at quit, when the process may end right after. */
  flushNow(): void {
    const lines = this.#take();
    if (lines === null) return;
    try {
      this.#file.appendNow(lines);
    } catch (error) {
      this.#onError(error);
    }
  }

  #take(): string | null {
    if (this.#timer !== undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#pending.length === 0) return null;
    const lines = this.#pending.join('');
    this.#pending = [];
    return lines;
  }

  #compact(): void {
    const now = this.#clock.now();
    this.#compactedAt = now;
    // After any append still under way, so the rename cannot race it.
    this.#writing = this.#writing.then(() => this.#file.compact(this.#history, now, this.#websiteKeys())).catch((error: unknown) => this.#onError(error));
  }
}
