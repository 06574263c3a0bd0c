import { z } from 'zod';
import { COOLDOWN_MINUTES, LABEL_MAX_LENGTH, REFRESH_SECONDS, SPIKE_FACTOR, SPIKE_MINIMUM, SPIKE_THRESHOLD_MAX, WEBSITE_KEY_PATTERN } from './setting-limits';

/**
 * One zod schema per shape that crosses a boundary (settings file, IPC, views), and every type
 * of those shapes inferred from it, so a value is spelled out once. Core composes the whole
 * settings file from these; the IPC checks derive the window's requests from them.
 */

/** Said of a number that must be whole: "The refresh interval must be a whole number". */
const WHOLE = 'must be a whole number';
const atLeast = (min: number, unit = ''): string => `must be at least ${groupDigits(min)}${unit}`;
const atMost = (max: number, unit = ''): string => `must be at most ${groupDigits(max)}${unit}`;

/**
 * 1,440 and 10,000,000 as English writes them. Not `toLocaleString`: these messages are built when
 * the module loads, and setting up Intl then costs the runner about 20 ms of every start.
 */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Our own key for a website: its keychain account name, and what the engine, tray and window call it by. */
export const websiteKeySchema = z.string().regex(WEBSITE_KEY_PATTERN, 'must be letters, digits, "-" or "_"').brand<'WebsiteKey'>();
export type WebsiteKey = z.infer<typeof websiteKeySchema>;

/** DataFast's own id of a website (`_id` in its API): what account tokens name and dashboards link to. */
export const dataFastSiteIdSchema = z.string().min(1).max(64).brand<'DataFastSiteId'>();
export type DataFastSiteId = z.infer<typeof dataFastSiteIdSchema>;

export { dataFastSiteId, websiteKey } from './website-ids';

export const displayModeSchema = z.enum(['active', 'sum']);
export type DisplayMode = z.infer<typeof displayModeSchema>;

export const numberFormatSchema = z.enum(['compact', 'full']);
export type NumberFormatStyle = z.infer<typeof numberFormatSchema>;

export const tokenKindSchema = z.enum(['website-key', 'account-token', 'demo']);
export type TokenKind = z.infer<typeof tokenKindSchema>;

/** How a reading stands, in the tray, the menu, the window and the status bars alike. */
export const readingStatusSchema = z.enum(['ok', 'stale', 'error', 'loading', 'empty']);
export type ReadingStatus = z.infer<typeof readingStatusSchema>;

export const websiteLabelSchema = z.string().trim().min(1, 'must not be empty').max(LABEL_MAX_LENGTH, atMost(LABEL_MAX_LENGTH, ' characters'));

/** Notify whenever visitors reach this many, whatever the usual level. */
export const spikeThresholdSchema = z.number().int(WHOLE).positive('must be above 0').max(SPIKE_THRESHOLD_MAX, atMost(SPIKE_THRESHOLD_MAX)).nullable();

export const notificationSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Tell of each new sale (each website has its own switch besides). */
  sales: z.boolean(),
  /** Name the customer in a sale's notification; off unless the user turns it on. */
  customerNames: z.boolean(),
  factor: z.number().min(SPIKE_FACTOR.min, atLeast(SPIKE_FACTOR.min)).max(SPIKE_FACTOR.max, atMost(SPIKE_FACTOR.max)),
  minimum: z.number().int(WHOLE).min(SPIKE_MINIMUM.min, atLeast(SPIKE_MINIMUM.min)).max(SPIKE_MINIMUM.max, atMost(SPIKE_MINIMUM.max)),
  cooldownMinutes: z
    .number()
    .int(WHOLE)
    .min(COOLDOWN_MINUTES.min, atLeast(COOLDOWN_MINUTES.min, ' minute'))
    .max(COOLDOWN_MINUTES.max, `must be at most a day (${groupDigits(COOLDOWN_MINUTES.max)} minutes)`),
  /** Epoch milliseconds; notifications stay quiet until then. */
  snoozedUntil: z.number().int().nonnegative().nullable(),
});

/** What a person sets in the window's settings tab (websites and the API address live apart). */
export const preferencesSchema = z.object({
  refreshIntervalSeconds: z
    .number()
    .int(WHOLE)
    .min(REFRESH_SECONDS.min, atLeast(REFRESH_SECONDS.min, ' seconds'))
    .max(REFRESH_SECONDS.max, atMost(REFRESH_SECONDS.max / 60, ' minutes')),
  displayMode: displayModeSchema,
  numberFormat: numberFormatSchema,
  launchAtLogin: z.boolean(),
  notifications: notificationSettingsSchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** A change the window asks for: any preferences, each within the settings file's own limits. Snoozing has its own commands. */
export const settingsPatchSchema = preferencesSchema
  .extend({ notifications: notificationSettingsSchema.omit({ snoozedUntil: true }).partial().strict() })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What each setting is called where people change it. */
const SETTING_NAMES: Readonly<Record<string, string>> = {
  refreshIntervalSeconds: 'The refresh interval',
  displayMode: 'The display mode',
  numberFormat: 'The number format',
  launchAtLogin: 'Launch at login',
  activeWebsiteKey: 'The active website',
  websites: 'The website list',
  apiUrl: 'The API address',
  'notifications.enabled': 'Notifications',
  'notifications.sales': 'Sale notifications',
  'notifications.customerNames': 'Customer names in sale notifications',
  notifySales: "A website's sale notifications",
  'notifications.factor': 'The spike factor',
  'notifications.minimum': 'The minimum number of visitors',
  'notifications.cooldownMinutes': 'The quiet time after a spike',
  'notifications.snoozedUntil': 'The snooze time',
  label: 'A website name',
  apiOrigin: "A website's API origin",
  spikeThreshold: 'An alert level',
  threshold: 'An alert level',
};

/** A setting's path without list positions: `websites.2.label` is `websites.label`. */
const settingPath = (issue: z.core.$ZodIssue): string =>
  issue.path
    .map(String)
    .filter((part) => !/^\d+$/.test(part))
    .join('.');

function settingName(issue: z.core.$ZodIssue): string | undefined {
  return SETTING_NAMES[settingPath(issue)] ?? SETTING_NAMES[String(issue.path.at(-1) ?? '')];
}

/** "The refresh interval must be at least 10 seconds": sentences a person can act on. */
export function describeSettingsIssue(error: Pick<z.ZodError, 'issues'>): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${settingName(issue) ?? (settingPath(issue) || 'The settings')} ${plainMessage(issue)}`)
    .join('; ');
}

/** Why a change was refused, as the window and the runner show it. */
export function notSavedMessage(error: Pick<z.ZodError, 'issues'>): string {
  return `Settings not saved: ${describeSettingsIssue(error)}.`;
}

/** Only a problem with values a person sets is theirs to fix; a malformed request is not described. */
export function describesOnlySettings(error: Pick<z.ZodError, 'issues'>): boolean {
  return error.issues.every((issue) => issue.code !== 'unrecognized_keys' && settingName(issue) !== undefined);
}

/** Zod's own wording for a wrong type or option reads badly after a setting's name; ours does not. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be a ${issue.expected === 'int' ? 'whole number' : issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return issue.message;
}
