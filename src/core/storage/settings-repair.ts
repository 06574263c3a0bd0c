import type { z } from 'zod';
import { apiOriginOf } from '../datafast/api-origin';
import { DEFAULT_API_URL } from '../datafast/client';
import {
  activeWebsiteOf,
  DEFAULT_SETTINGS,
  describeSettingsIssue,
  settingsSchema,
  websiteSettingsSchema,
  type Settings,
  type WebsiteSettings,
} from './settings-schema';
import { websiteKey } from '../../shared/website-ids';
import { notificationSettingsSchema } from '../../shared/settings-shapes';

export interface Repair {
  readonly settings: Settings;
  /** One sentence per value that was put back: "The refresh interval must be at least 10 seconds; …". */
  readonly repairs: readonly string[];
  /** Some websites could not be kept; their tokens may still be in the keychain. */
  readonly websitesLeftOut: boolean;
}

type Fields = Record<string, unknown>;

/** A JSON object, not a list or a value: the only shape settings can have. */
export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored value where it is valid, else the default with a sentence saying which and why. */
function field<T>(schema: z.ZodType<T>, stored: unknown, fallback: T, path: string[], repairs: string[], shown: string): T {
  // A setting the file does not mention simply takes its default; only a bad value is named.
  if (stored === undefined) return fallback;
  const parsed = schema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const issue = describeSettingsIssue({ issues: parsed.error.issues.map((each) => ({ ...each, path: [...path, ...each.path] })) });
  repairs.push(`${issue}; it was set back to ${shown}.`);
  return fallback;
}

function repairWebsite(stored: unknown, index: number, repairs: string[]): WebsiteSettings | null {
  const whole = websiteSettingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const shape = websiteSettingsSchema.shape;
  // Without a usable id or kind a website cannot be matched to its keychain entry: left out.
  if (!isObject(stored) || !shape.id.safeParse(stored['id']).success || !shape.tokenKind.safeParse(stored['tokenKind']).success) {
    repairs.push(`Website ${index + 1} in the list could not be read and was left out.`);
    return null;
  }
  const id = shape.id.parse(stored['id']);
  const domain = field(shape.domain, stored['domain'], null, ['domain'], repairs, 'unknown');
  const where = `website ${id}`;
  const label = field(shape.label, stored['label'], domain ?? id, ['label'], repairs, `"${domain ?? id}" (${where})`);
  return {
    id,
    label,
    dataFastSiteId: field(shape.dataFastSiteId, stored['dataFastSiteId'], null, ['dataFastSiteId'], repairs, `unknown (${where})`),
    domain,
    tokenKind: shape.tokenKind.parse(stored['tokenKind']),
    order: field(shape.order, stored['order'], index, ['order'], repairs, `position ${index + 1} (${where})`),
    spikeThreshold: field(shape.spikeThreshold, stored['spikeThreshold'], null, ['spikeThreshold'], repairs, `none (${where})`),
    notifySales: field(shape.notifySales, stored['notifySales'], true, ['notifySales'], repairs, `on (${where})`),
    // A token is bound to DataFast itself, never to an address a damaged file happens to name.
    apiOrigin: field(shape.apiOrigin, stored['apiOrigin'], apiOriginOf(DEFAULT_API_URL), ['apiOrigin'], repairs, `${apiOriginOf(DEFAULT_API_URL)} (${where})`),
  };
}

/**
 * Settings a person edited by hand, with a value out of range or of the wrong kind: every valid
 * value is kept, each bad one is set back to its default and named. Null when there is nothing
 * to repair from (not an object), or the result still does not hold together.
 */
export function repairSettings(stored: unknown): Repair | null {
  // A file whose website list is not a list has the wrong shape altogether: it is damaged, not
  // mis-edited, and is set aside like one.
  if (!isObject(stored) || (stored['websites'] !== undefined && !Array.isArray(stored['websites']))) return null;
  const repairs: string[] = [];
  const shape = settingsSchema.shape;
  const notifications = isObject(stored['notifications']) ? stored['notifications'] : {};
  const notificationShape = notificationSettingsSchema.shape;
  const defaults = DEFAULT_SETTINGS.notifications;
  const seen = new Set<string>();
  const websites: WebsiteSettings[] = [];
  let websitesLeftOut = false;
  (Array.isArray(stored['websites']) ? stored['websites'] : []).forEach((entry, index) => {
    const website = repairWebsite(entry, index, repairs);
    if (!website) websitesLeftOut = true;
    if (!website || seen.has(website.id)) return;
    if (website.tokenKind === 'account-token' && website.dataFastSiteId === null) {
      repairs.push(`${website.label} was left out: its account token needs the website ID, which was missing.`);
      websitesLeftOut = true;
      return;
    }
    seen.add(website.id);
    websites.push(website);
  });
  const activeWebsiteKey =
    activeWebsiteOf({ websites, activeWebsiteKey: typeof stored['activeWebsiteKey'] === 'string' ? websiteKey(stored['activeWebsiteKey']) : null })?.id ?? null;
  const settings: Settings = {
    schemaVersion: DEFAULT_SETTINGS.schemaVersion,
    websites,
    activeWebsiteKey,
    refreshIntervalSeconds: field(
      shape.refreshIntervalSeconds,
      stored['refreshIntervalSeconds'],
      DEFAULT_SETTINGS.refreshIntervalSeconds,
      ['refreshIntervalSeconds'],
      repairs,
      `${DEFAULT_SETTINGS.refreshIntervalSeconds} seconds`,
    ),
    displayMode: field(shape.displayMode, stored['displayMode'], DEFAULT_SETTINGS.displayMode, ['displayMode'], repairs, DEFAULT_SETTINGS.displayMode),
    numberFormat: field(shape.numberFormat, stored['numberFormat'], DEFAULT_SETTINGS.numberFormat, ['numberFormat'], repairs, DEFAULT_SETTINGS.numberFormat),
    notifications: {
      enabled: field(notificationShape.enabled, notifications['enabled'], defaults.enabled, ['notifications', 'enabled'], repairs, 'on'),
      sales: field(notificationShape.sales, notifications['sales'], defaults.sales, ['notifications', 'sales'], repairs, 'on'),
      customerNames: field(
        notificationShape.customerNames,
        notifications['customerNames'],
        defaults.customerNames,
        ['notifications', 'customerNames'],
        repairs,
        'off',
      ),
      factor: field(notificationShape.factor, notifications['factor'], defaults.factor, ['notifications', 'factor'], repairs, `${defaults.factor}`),
      minimum: field(notificationShape.minimum, notifications['minimum'], defaults.minimum, ['notifications', 'minimum'], repairs, `${defaults.minimum}`),
      cooldownMinutes: field(
        notificationShape.cooldownMinutes,
        notifications['cooldownMinutes'],
        defaults.cooldownMinutes,
        ['notifications', 'cooldownMinutes'],
        repairs,
        `${defaults.cooldownMinutes} minutes`,
      ),
      snoozedUntil: field(notificationShape.snoozedUntil, notifications['snoozedUntil'], null, ['notifications', 'snoozedUntil'], repairs, 'not snoozed'),
    },
    launchAtLogin: field(shape.launchAtLogin, stored['launchAtLogin'], DEFAULT_SETTINGS.launchAtLogin, ['launchAtLogin'], repairs, 'off'),
    apiUrl: field(shape.apiUrl, stored['apiUrl'], DEFAULT_SETTINGS.apiUrl, ['apiUrl'], repairs, DEFAULT_SETTINGS.apiUrl),
  };
  const checked = settingsSchema.safeParse(settings);
  return checked.success ? { settings: checked.data, repairs, websitesLeftOut } : null;
}
