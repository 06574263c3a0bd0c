import { writeFileSync as writeFileAtomically } from 'atomically';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errnoCode } from '../datafast/errors';
import { SETTINGS_FILE_NAME, type SettingsBackend } from './settings-repository';

/**
 * The runner's settings backend: the file the app's electron-store keeps, read fresh on every
 * access and written as conf writes it (tab-indented JSON, atomically, private). conf itself is
 * left to the app: its schema validator and migrations, which nothing here uses, were a third of
 * the runner's code and of every start's compile time.
 */
export function createSettingsFileBackend(directory: string): SettingsBackend {
  const path = join(directory, SETTINGS_FILE_NAME);
  return {
    path,
    get store(): Record<string, unknown> {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return {};
        throw error;
      }
    },
    set store(value: Record<string, unknown>) {
      mkdirSync(directory, { recursive: true });
      const text = JSON.stringify(value, undefined, '\t');
      try {
        writeFileAtomically(path, text, { mode: 0o600 });
      } catch (error) {
        // As conf does: Windows sometimes refuses the rename across what it takes for devices.
        if (errnoCode(error) !== 'EXDEV') throw error;
        writeFileSync(path, text, { mode: 0o600 });
      }
    },
  };
}
