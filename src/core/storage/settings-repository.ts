import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodError } from 'zod';
import { checkFile, lockSettings, problemMessage, refusalMessage } from './settings-file-guards';
import { keepBackup, setAside } from './quarantine';
import { isObject, repairSettings } from './settings-repair';
import { unsafeFileReason } from './safe-file';
import { watchFileText } from './file-watch';
import { SettingsValidationError } from './settings-errors';
import { migrateSettings, NewerSettingsError } from './settings-migrations';
import { PRODUCT_NAME } from '../../shared/app-identity';
import { notSavedMessage } from '../../shared/settings-shapes';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION, settingsSchema, type Settings } from './settings-schema';

export const SETTINGS_FILE_NAME = 'config.json';

/** Where conf keeps data of its own inside the file it writes (conf/source/index.ts, `set store`). */
const CONF_INTERNAL_KEY = '__internal__';

/**
 * What the runner's conf and the app's electron-store are both given, so they treat the one file
 * alike: private file mode, no silent clearing of a file they cannot read (we set it aside), and
 * flat keys. Each adds its own name for the file (`configName` / `name`).
 */
export function sharedStoreOptions(directory: string, watch: boolean) {
  return { cwd: directory, configFileMode: 0o600, clearInvalidConfig: false, accessPropertiesByDotNotation: false, watch } as const;
}

export const SETTINGS_STORE_NAME = SETTINGS_FILE_NAME.replace(/\.json$/, '');

/**
 * The part of conf / electron-store we rely on: a JSON file read fresh on every `store` access
 * and written atomically. The runner passes conf, the app electron-store (which extends conf).
 */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface SettingsRepositoryOptions {
  readonly directory: string;
  readonly createBackend: (directory: string) => SettingsBackend;
  readonly now?: () => number;
  /** Told when a damaged file was set aside, so the app can show it and the runner print it. */
  readonly onProblem?: (message: string) => void;
  /** Report changes other programs make (the runner, a text editor) through file-system events. */
  readonly watchOtherWriters?: boolean;
}

/**
 * Settings shared by the app and the runner: validated on every read, migrated from older
 * versions, set aside (never lost) when damaged, and changed under a file lock so two writers
 * never lose each other's change.
 */
export class SettingsRepository {
  readonly path: string;
  readonly #backend: SettingsBackend | null;
  readonly #now: () => number;
  readonly #onProblem: (message: string) => void;
  #refusal: string | null;
  #websitesLostFrom: string | null = null;

  #watchOtherWriters = false;
  /**
   * The settings as this repository last wrote or read them, with the file's identity then
   * (device, inode, size, modification time in nanoseconds). While the file is still that one,
   * a read is a stat: the app's own write is never read back, and another program's write (a
   * new inode, since every writer replaces the file) is read once.
   */
  #known: { readonly fingerprint: string; readonly settings: Settings } | null = null;

  private constructor(path: string, backend: SettingsBackend | null, refusal: string | null, now: () => number, onProblem: (message: string) => void) {
    this.#backend = backend;
    this.path = path;
    this.#refusal = refusal;
    this.#now = now;
    this.#onProblem = onProblem;
  }

  static open(options: SettingsRepositoryOptions): SettingsRepository {
    const now = options.now ?? Date.now;
    const onProblem = options.onProblem ?? (() => undefined);
    mkdirSync(options.directory, { recursive: true, mode: 0o700 });
    // mkdir's mode applies only to a folder it creates; Electron may have made this one already.
    // A folder someone else owns (a shared DATAFAST_MENUBAR_CONFIG_DIR) is not ours to change.
    try {
      chmodSync(options.directory, 0o700);
    } catch {
      // keep the folder's mode
    }
    const path = join(options.directory, SETTINGS_FILE_NAME);
    // Before conf reads it: a FIFO or device would block the read, a link could lead elsewhere.
    const unsafe = unsafeFileReason(path);
    if (unsafe) {
      const refusal = refusalMessage(unsafe);
      onProblem(refusal);
      return new SettingsRepository(path, null, refusal, now, onProblem);
    }
    // conf would throw on a file that is not JSON; look first and set a bad one aside. One we may
    // not read is not damaged: it stays where it is, and says why.
    const checked = existsSync(path) ? checkFile(path, now(), onProblem) : null;
    if (checked?.refusal) {
      onProblem(checked.refusal);
      return new SettingsRepository(path, null, checked.refusal, now, onProblem);
    }
    const repository = new SettingsRepository(path, options.createBackend(options.directory), null, now, onProblem);
    repository.#watchOtherWriters = options.watchOtherWriters ?? false;
    repository.#websitesLostFrom = checked?.setAsideAs ?? null;
    repository.#migrateInPlace();
    return repository;
  }

  /**
   * Where the file that held websites this one lost was kept (it was damaged and set aside, or
   * its website list could not be read), until the websites are restored; null otherwise.
   */
  get websitesLostFrom(): string | null {
    return this.#websitesLostFrom;
  }

  /** The lost websites were restored (or there was nothing to restore them from). */
  websitesRestored(): void {
    this.#websitesLostFrom = null;
  }

  /** Why the settings file is not used (it is not a regular file), or null. */
  get refusal(): string | null {
    return this.#refusal;
  }

  /** The current settings as they are on disk; the defaults while the file is refused. */
  read(): Settings {
    if (this.#known && this.#isKnownFile() && !this.#refusal) return structuredClone(this.#known.settings);
    const loaded = this.#load()?.settings;
    if (!loaded) return structuredClone(DEFAULT_SETTINGS);
    this.#remember(loaded);
    return structuredClone(loaded);
  }

  /**
   * Applies a change under the file lock, to the settings as they are on disk at that moment.
   * Invalid results are refused with a message and nothing is written.
   */
  async update(change: (settings: Settings) => Settings | Promise<Settings>): Promise<Settings> {
    if (this.#refusal || !this.#backend) throw new SettingsValidationError(`Settings not saved: ${this.#refusal ?? 'no settings file'}`);
    const release = await lockSettings(this.path);
    try {
      // Between this read and the write below, no other writer (this process or another) can
      // write: they wait for the lock, then read what this one wrote.
      const next = this.check(await change(this.read()));
      this.#write(next);
      return next;
    } finally {
      await release();
    }
  }

  /**
   * Tells `callback` of the changes other programs make (with `watchOtherWriters`). This
   * repository's own writes are not reported: whoever made them has applied them already.
   */
  /** The settings as they would be saved, or a SettingsValidationError saying what is wrong; nothing is written. */
  check(settings: Settings): Settings {
    const result = settingsSchema.safeParse(settings);
    if (!result.success) throw new SettingsValidationError(notSavedMessage(result.error));
    return result.data;
  }

  onChange(callback: (settings: Settings) => void): () => void {
    if (!this.#backend || !this.#watchOtherWriters) return () => undefined;
    return watchFileText(this.path, () => callback(this.read()), {
      alreadyKnown: () => this.#isKnownFile(),
    });
  }

  #write(settings: Settings): void {
    if (!this.#backend) return;
    // conf reads the whole file back before each write to keep its own internal data, which
    // these settings never use (no conf migrations): saying there is none spares that read.
    // The key is not part of the settings, and every reader drops it.
    this.#backend.store = { ...settings, [CONF_INTERNAL_KEY]: {} };
    // conf applies the mode only when it creates the file; make sure an older file is private too.
    chmodSync(this.path, 0o600);
    this.#remember(settings);
  }

  #remember(settings: Settings): void {
    const fingerprint = this.#fingerprint();
    this.#known = fingerprint === null ? null : { fingerprint, settings: structuredClone(settings) };
  }

  /** Whether the file on disk is still the one last written or read here (asked with a stat). */
  #isKnownFile(): boolean {
    return this.#known !== null && this.#fingerprint() === this.#known.fingerprint;
  }

  #fingerprint(): string | null {
    try {
      const { dev, ino, size, mtimeNs } = statSync(this.path, { bigint: true });
      return `${dev}:${ino}:${size}:${mtimeNs}`;
    } catch {
      return null;
    }
  }

  #migrateInPlace(): void {
    const loaded = this.#load();
    if (loaded?.migrated) this.#write(loaded.settings);
  }

  /**
   * The stored settings, migrated and validated; null when there are none yet, or when the file
   * holds something we cannot use (another program wrote it), which is then set aside.
   */
  #load(): { settings: Settings; migrated: boolean } | null {
    if (this.#refusal || !this.#backend) return null;
    // Another program may have put something else in the file's place since it was opened.
    const unsafe = unsafeFileReason(this.path);
    if (unsafe) {
      this.#refusal = refusalMessage(unsafe);
      this.#onProblem(this.#refusal);
      return null;
    }
    try {
      // conf throws a SyntaxError here when the file is not JSON.
      const stored: unknown = this.#backend.store;
      // An empty object is a file not written yet; anything else that is not an object is damage.
      if (isObject(stored) && Object.keys(stored).length === 0) return null;
      const { settings, migratedFrom } = migrateSettings(stored);
      const parsed = settingsSchema.safeParse(settings);
      if (parsed.success) return { settings: parsed.data, migrated: migratedFrom !== null };
      return this.#repair(settings, parsed.error);
    } catch (error) {
      if (error instanceof NewerSettingsError) {
        // Left exactly as it is: the newer app that wrote it will want it back.
        this.#refusal = `The settings file was made by a newer version of ${PRODUCT_NAME} (settings format ${error.version}; this version reads up to ${SETTINGS_SCHEMA_VERSION}). Update ${PRODUCT_NAME}; the file was left as it is, and nothing is read from it or saved to it until then.`;
        this.#onProblem(this.#refusal);
        return null;
      }
      this.#quarantine(error);
      return null;
    }
  }

  /**
   * A file with some values out of range or of the wrong kind (edited by hand, say) keeps every
   * good value and every website it can; each bad value is set back and named. The original is
   * kept beside it. What cannot be repaired is set aside as before.
   */
  #repair(settings: unknown, error: ZodError): { settings: Settings; migrated: boolean } {
    const repaired = repairSettings(settings);
    if (!repaired) throw error;
    const backup = keepBackup(this.path, this.#now());
    if (repaired.websitesLeftOut) this.#websitesLostFrom = backup;
    this.#write(repaired.settings);
    this.#onProblem(`Some settings could not be used and were repaired: ${repaired.repairs.join(' ')} The original file was kept as ${backup}.`);
    return { settings: repaired.settings, migrated: false };
  }

  #quarantine(error: unknown): void {
    if (!existsSync(this.path)) return;
    const aside = setAside(this.path, this.#now());
    this.#websitesLostFrom = aside;
    this.#onProblem(problemMessage(aside, error));
  }
}
