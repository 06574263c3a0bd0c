import Conf from 'conf';
import type { SettingsBackend } from './settings-repository';
import { SETTINGS_STORE_NAME, sharedStoreOptions } from './settings-repository';

/** The runner's settings backend: conf, the library under electron-store, on the same file the app uses. */
export function createConfBackend(directory: string, watch = false): SettingsBackend {
  return new Conf<Record<string, unknown>>({
    ...sharedStoreOptions(directory, watch),
    configName: SETTINGS_STORE_NAME,
    projectName: 'datafast-menubar',
  });
}
