import { websiteKey, type WebsiteKey } from '../../shared/settings-shapes';
import { writeFileSync as writeFileAtomically } from 'atomically';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ZodError } from 'zod';
import type { Clock } from '../polling/clock';
import { errorMessage } from '../datafast/errors';
import { History } from '../readings/history';
import { setAside } from './quarantine';
import { unsafeFileReason } from './safe-file';

export const HISTORY_FILE_NAME = 'history.json';
/** 50 websites × 1,500 samples × ~30 bytes is ~2 MiB; anything far larger is not ours. */
const MAX_HISTORY_BYTES = 8 * 1024 * 1024;
export const HISTORY_WRITE_SPACING_MS = 60_000;

/** The engine's history on disk beside the settings, so sparklines and baselines survive restarts. */
export class HistoryFile {
  readonly path: string;
  #refused = false;
  #bytesWritten = 0;

  constructor(directory: string) {
    this.path = join(directory, HISTORY_FILE_NAME);
  }

  /**
   * The saved history, or an empty one; a damaged file is set aside and reported. A path that is
   * not a regular file (a FIFO, a device, a link leading elsewhere) is left alone and not written.
   */
  load(now: number, onProblem: (message: string) => void = () => undefined): History {
    const unsafe = unsafeFileReason(this.path);
    if (unsafe) {
      this.#refused = true;
      onProblem(`Visitor history is not read or saved: ${unsafe}. It was left as it is; replace it with a regular file (or remove it), then start again.`);
      return new History();
    }
    if (!existsSync(this.path)) return new History();
    try {
      if (statSync(this.path).size > MAX_HISTORY_BYTES) throw new Error('the file is too large');
      return History.fromJSON(JSON.parse(readFileSync(this.path, 'utf8')), now, (dropped) =>
        onProblem(`Visitor history: ${dropped === 1 ? 'one sample was' : `${dropped} samples were`} unreadable and left out; the rest was kept.`),
      );
    } catch (error) {
      const aside = setAside(this.path, now);
      onProblem(`Visitor history could not be read (${unreadableReason(error)}); starting a new one. The old file was kept as ${aside}.`);
      return new History();
    }
  }

  /**
   * Writes atomically and durably (a temp file, flushed to disk with fsync, then renamed over the
   * old one; the same library conf uses for config.json), so a crash or power cut at any point
   * leaves the old file or the new one, never half of one.
   */
  save(history: History, now: number, websiteKeys: readonly WebsiteKey[]): void {
    if (this.#refused) return;
    const snapshot = history.toJSON(now);
    const keep = new Set(websiteKeys);
    const websites = Object.fromEntries(Object.entries(snapshot.websites).filter(([key]) => keep.has(websiteKey(key))));
    const text = JSON.stringify({ ...snapshot, websites });
    writeFileAtomically(this.path, text, { mode: 0o600, fsync: true });
    this.#bytesWritten += Buffer.byteLength(text);
  }

  /** Bytes written since this object was made: what a day of history costs the disk. */
  get bytesWritten(): number {
    return this.#bytesWritten;
  }
}

function unreadableReason(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (error instanceof ZodError) return 'it is not in the history format';
  return errorMessage(error);
}

/**
 * Saves history at most once a minute while readings arrive, and once more at quit, so a crash
 * loses at most a minute and a busy app does not write on every poll.
 */
export class HistoryPersister {
  readonly #file: HistoryFile;
  readonly #history: History;
  readonly #clock: Clock;
  readonly #websiteKeys: () => readonly WebsiteKey[];
  readonly #onError: (error: unknown) => void;
  #lastWrite = Number.NEGATIVE_INFINITY;
  #timer: unknown = undefined;
  #dirty = false;

  constructor(file: HistoryFile, history: History, clock: Clock, websiteKeys: () => readonly WebsiteKey[], onError: (error: unknown) => void) {
    this.#file = file;
    this.#history = history;
    this.#clock = clock;
    this.#websiteKeys = websiteKeys;
    this.#onError = onError;
  }

  markDirty(): void {
    this.#dirty = true;
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastWrite + HISTORY_WRITE_SPACING_MS - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, wait);
  }

  /** Writes now if anything changed; call at quit. */
  flush(): void {
    if (this.#timer !== undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#lastWrite = this.#clock.now();
    try {
      this.#file.save(this.#history, this.#lastWrite, this.#websiteKeys());
    } catch (error) {
      this.#onError(error);
    }
  }
}
