import Conf from 'conf';
import type { SettingsBackend } from './settings-repository';
import { SETTINGS_FILE_NAME } from './settings-repository';

/**
 * The runner's settings backend: conf, the library under electron-store, on the same file the
 * app uses. Private file mode; no silent clearing of a file it cannot read (we set it aside).
 */
export function createConfBackend(directory: string, watch = false): SettingsBackend {
  return new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: SETTINGS_FILE_NAME.replace(/\.json$/, ''),
    projectName: 'datafast-menubar',
    configFileMode: 0o600,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch,
  });
}
