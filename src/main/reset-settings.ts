import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setAside } from '../core/storage/quarantine';
import { SETTINGS_FILE_NAME } from '../core/storage/settings-repository';

export interface ResetOptions {
  readonly directory: string;
  readonly now: () => number;
  /** Starts the app again and ends this copy (Electron's relaunch, then exit). */
  readonly restart: () => void;
}

/**
 * "Reset settings (keeps a copy)", offered when the app cannot start: the settings file is set
 * aside beside itself, never deleted, and the app starts again on defaults. Returns where the
 * copy went, or null when there was no file.
 */
export function resetSettings(options: ResetOptions): string | null {
  const path = join(options.directory, SETTINGS_FILE_NAME);
  const copy = existsSync(path) ? setAside(path, options.now()) : null;
  options.restart();
  return copy;
}
