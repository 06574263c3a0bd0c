import { REFRESH_SECONDS } from '../../shared/setting-limits';
import { DEFAULT_API_URL } from '../datafast/client';
import { SETTINGS_SCHEMA_VERSION } from './settings-schema';

/**
 * Each step takes the settings of one version to the next. Version 1 was the pre-release layout:
 * the interval in milliseconds, a boolean for the sum mode, notifications as loose top-level keys
 * and websites without order or threshold.
 */
type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

const MIGRATIONS: Record<number, Migration> = {
  1: (old) => {
    const websites = Array.isArray(old['websites']) ? (old['websites'] as unknown[]) : [];
    const intervalMs = typeof old['intervalMs'] === 'number' ? old['intervalMs'] : 30_000;
    const { showSum, notificationsEnabled, spikeFactor, spikeMinimum } = old;
    const retired = new Set(['intervalMs', 'showSum', 'notificationsEnabled', 'spikeFactor', 'spikeMinimum']);
    return {
      ...Object.fromEntries(Object.entries(old).filter(([key]) => !retired.has(key))),
      schemaVersion: 2,
      refreshIntervalSeconds: Math.min(REFRESH_SECONDS.max, Math.max(REFRESH_SECONDS.min, Math.round(intervalMs / 1000))),
      displayMode: showSum === true ? 'sum' : 'active',
      notifications: {
        enabled: notificationsEnabled !== false,
        factor: typeof spikeFactor === 'number' ? spikeFactor : 2,
        minimum: typeof spikeMinimum === 'number' ? spikeMinimum : 10,
        cooldownMinutes: 30,
        snoozedUntil: null,
      },
      websites: websites.map((website, index) =>
        typeof website === 'object' && website !== null ? { order: index, spikeThreshold: null, domain: null, ...website } : website,
      ),
    };
  },
  /**
   * 2 → 3: each website remembers the API origin its token is bound to. Websites saved before
   * are bound to the address their settings named at upgrade time.
   */
  2: (old) => {
    const origin = originOr(old['apiUrl'], DEFAULT_API_URL);
    const websites = old['websites'];
    return {
      ...old,
      schemaVersion: 3,
      // Whatever is not a list stays as it was, for validation (and repair) to name.
      websites: Array.isArray(websites)
        ? websites.map((website: unknown) => (typeof website === 'object' && website !== null ? { apiOrigin: origin, ...website } : website))
        : websites,
    };
  },
  /**
   * 3 → 4: "websiteId" had meant DataFast's id of a website in one place and our own key in
   * another. Each now has its own name: `dataFastSiteId` and `activeWebsiteKey`.
   */
  3: (old) => {
    const { activeWebsiteId, ...rest } = old;
    const websites = old['websites'];
    return {
      ...rest,
      schemaVersion: 4,
      activeWebsiteKey: activeWebsiteId ?? null,
      websites: Array.isArray(websites) ? websites.map(renameSiteId) : websites,
    };
  },
  /**
   * 4 → 5: sale notifications, on for every website, with customers' names left out until the
   * user asks for them.
   */
  4: (old) => {
    const { notifications, websites } = old;
    return {
      ...old,
      schemaVersion: 5,
      notifications: isRecord(notifications) ? { sales: true, customerNames: false, ...notifications } : notifications,
      websites: Array.isArray(websites) ? websites.map((website: unknown) => (isRecord(website) ? { notifySales: true, ...website } : website)) : websites,
    };
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function renameSiteId(website: unknown): unknown {
  if (typeof website !== 'object' || website === null || !('websiteId' in website)) return website;
  const { websiteId, ...rest } = website;
  return { ...rest, dataFastSiteId: websiteId };
}

function originOr(url: unknown, fallback: string): string {
  try {
    return new URL(String(url)).origin;
  } catch {
    return new URL(fallback).origin;
  }
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Settings written by a newer version of the app: not ours to rewrite or set aside. */
export class NewerSettingsError extends MigrationError {
  constructor(readonly version: number) {
    super(`settings are from a newer version of the app (schema ${version}); update the app`);
  }
}

/** Brings stored settings of any known version up to the current one. Unknown versions throw. */
export function migrateSettings(stored: unknown): { settings: unknown; migratedFrom: number | null } {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new MigrationError('settings must be a JSON object');
  let current = stored as Record<string, unknown>;
  const version = current['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new MigrationError('settings have no valid schemaVersion');
  if (version > SETTINGS_SCHEMA_VERSION) {
    throw new NewerSettingsError(version);
  }
  for (let step = version; step < SETTINGS_SCHEMA_VERSION; step++) {
    const migrate = MIGRATIONS[step];
    if (!migrate) throw new MigrationError(`no migration from schema ${step}`);
    current = migrate(current);
  }
  return { settings: current, migratedFrom: version === SETTINGS_SCHEMA_VERSION ? null : version };
}
