import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationError, migrateSettings, NewerSettingsError } from '../../../src/core/storage/settings-migrations';
import { SETTINGS_SCHEMA_VERSION, settingsSchema } from '../../../src/core/storage/settings-schema';

const fixture = (version: number): unknown => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', `settings-v${version}.json`), 'utf8'));

describe('settings of every version', () => {
  it.each([1, 2, 3, 4, 5])('come up from version %i to settings the current schema takes, saying where they came from', (version) => {
    const { settings, migratedFrom } = migrateSettings(fixture(version));
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    expect((settings as { schemaVersion: number }).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    expect(migratedFrom).toBe(version === SETTINGS_SCHEMA_VERSION ? null : version);
  });

  it('keep every website on the way up', () => {
    const before = (fixture(1) as { websites: unknown[] }).websites.length;
    const { settings } = migrateSettings(fixture(1));
    expect((settings as { websites: unknown[] }).websites).toHaveLength(before);
  });

  it('are refused as newer, with the version, when a later app wrote them', () => {
    const newer = () => migrateSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1 });
    expect(newer).toThrow(NewerSettingsError);
    expect(newer).toThrow(`schema ${SETTINGS_SCHEMA_VERSION + 1}`);
  });

  it.each([[{}], [{ schemaVersion: 0 }], [{ schemaVersion: '3' }], [{ schemaVersion: 2.5 }]])('are refused without a valid version: %j', (stored) => {
    expect(() => migrateSettings(stored)).toThrow(MigrationError);
  });
});
