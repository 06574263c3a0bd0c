import Conf from 'conf';
import type { SettingsBackend } from '../../src/core/storage/settings-repository';
import { SETTINGS_STORE_NAME, sharedStoreOptions } from '../../src/core/storage/settings-repository';

/** The settings file as the app opens it: conf is the library under the app's electron-store, with the same options. */
export function createConfBackend(directory: string, watch = false): SettingsBackend {
  return new Conf<Record<string, unknown>>({
    ...sharedStoreOptions(directory, watch),
    configName: SETTINGS_STORE_NAME,
    projectName: 'datafast-menubar',
  });
}
