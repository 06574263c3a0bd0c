import { z } from 'zod';
import {
  COOLDOWN_MINUTES,
  LABEL_MAX_LENGTH,
  MAX_WEBSITES,
  REFRESH_SECONDS,
  SPIKE_FACTOR,
  SPIKE_MINIMUM,
  SPIKE_THRESHOLD_MAX,
  WEBSITE_ID_PATTERN,
} from '../../shared/setting-limits';
import { apiUrlProblem } from '../datafast/api-origin';
import { DEFAULT_API_URL } from '../datafast/client';

export const SETTINGS_SCHEMA_VERSION = 3;

/** Said of a number that must be whole: "The refresh interval must be a whole number". */
const WHOLE = 'must be a whole number';
const atLeast = (min: number, unit = ''): string => `must be at least ${min.toLocaleString('en-US')}${unit}`;
const atMost = (max: number, unit = ''): string => `must be at most ${max.toLocaleString('en-US')}${unit}`;

export const websiteSettingsSchema = z.object({
  /** Our own id: the keychain account name and the key everything else refers to. */
  id: z.string().regex(WEBSITE_ID_PATTERN, 'must be letters, digits, "-" or "_"'),
  label: z.string().trim().min(1, 'must not be empty').max(LABEL_MAX_LENGTH, atMost(LABEL_MAX_LENGTH, ' characters')),
  /** DataFast's website id: required for account tokens, known for website keys only sometimes. */
  websiteId: z.string().min(1).max(64).nullable(),
  domain: z.string().max(253).nullable(),
  tokenKind: z.enum(['website-key', 'account-token', 'demo']),
  order: z.number().int().nonnegative(),
  /** Notify whenever visitors reach this many, whatever the usual level. */
  spikeThreshold: z.number().int(WHOLE).positive('must be above 0').max(SPIKE_THRESHOLD_MAX, atMost(SPIKE_THRESHOLD_MAX)).nullable(),
  /** The API origin the token was checked against when it was added; it is sent nowhere else. */
  apiOrigin: z.string().refine(isOrigin, 'must be an origin such as https://datafa.st'),
});

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export const notificationSettingsSchema = z.object({
  enabled: z.boolean(),
  factor: z.number().min(SPIKE_FACTOR.min, atLeast(SPIKE_FACTOR.min)).max(SPIKE_FACTOR.max, atMost(SPIKE_FACTOR.max)),
  minimum: z.number().int(WHOLE).min(SPIKE_MINIMUM.min, atLeast(SPIKE_MINIMUM.min)).max(SPIKE_MINIMUM.max, atMost(SPIKE_MINIMUM.max)),
  cooldownMinutes: z
    .number()
    .int(WHOLE)
    .min(COOLDOWN_MINUTES.min, atLeast(COOLDOWN_MINUTES.min, ' minute'))
    .max(COOLDOWN_MINUTES.max, `must be at most a day (${COOLDOWN_MINUTES.max.toLocaleString('en-US')} minutes)`),
  /** Epoch milliseconds; notifications stay quiet until then. */
  snoozedUntil: z.number().int().nonnegative().nullable(),
});

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    websites: z.array(websiteSettingsSchema).max(MAX_WEBSITES, `may hold at most ${MAX_WEBSITES} websites`),
    activeWebsiteId: z.string().nullable(),
    refreshIntervalSeconds: z
      .number()
      .int(WHOLE)
      .min(REFRESH_SECONDS.min, atLeast(REFRESH_SECONDS.min, ' seconds'))
      .max(REFRESH_SECONDS.max, atMost(REFRESH_SECONDS.max / 60, ' minutes')),
    displayMode: z.enum(['active', 'sum']),
    numberFormat: z.enum(['compact', 'full']),
    notifications: notificationSettingsSchema,
    launchAtLogin: z.boolean(),
    apiUrl: z.url({ protocol: /^https?$/ }).refine((url) => apiUrlProblem(url) === null, 'must use https (plain http only for localhost)'),
  })
  .superRefine((settings, context) => {
    const ids = new Set<string>();
    for (const website of settings.websites) {
      if (ids.has(website.id)) context.addIssue({ code: 'custom', message: `has two websites with the id ${website.id}`, path: ['websites'] });
      ids.add(website.id);
      if (website.tokenKind === 'account-token' && website.websiteId === null) {
        context.addIssue({ code: 'custom', message: `has ${website.label} without the website ID its account token needs`, path: ['websites'] });
      }
    }
    if (settings.activeWebsiteId !== null && !ids.has(settings.activeWebsiteId)) {
      context.addIssue({ code: 'custom', message: 'is not one of the websites', path: ['activeWebsiteId'] });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;
export type WebsiteSettings = z.infer<typeof websiteSettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  websites: [],
  activeWebsiteId: null,
  refreshIntervalSeconds: REFRESH_SECONDS.default,
  displayMode: 'active',
  numberFormat: 'compact',
  notifications: {
    enabled: true,
    factor: SPIKE_FACTOR.default,
    minimum: SPIKE_MINIMUM.default,
    cooldownMinutes: COOLDOWN_MINUTES.default,
    snoozedUntil: null,
  },
  launchAtLogin: false,
  apiUrl: DEFAULT_API_URL,
};

/** What each setting is called where people change it. */
const SETTING_NAMES: Readonly<Record<string, string>> = {
  refreshIntervalSeconds: 'The refresh interval',
  displayMode: 'The display mode',
  numberFormat: 'The number format',
  launchAtLogin: 'Launch at login',
  activeWebsiteId: 'The active website',
  websites: 'The website list',
  apiUrl: 'The API address',
  'notifications.enabled': 'Notifications',
  'notifications.factor': 'The spike factor',
  'notifications.minimum': 'The minimum number of visitors',
  'notifications.cooldownMinutes': 'The quiet time after a spike',
  'notifications.snoozedUntil': 'The snooze time',
  label: 'A website name',
  apiOrigin: "A website's API origin",
  spikeThreshold: 'An alert level',
};

/** "The refresh interval must be at least 10 seconds": sentences a person can act on. */
export function describeSettingsIssue(error: Pick<z.ZodError, 'issues'>): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String);
      const key = path.filter((part) => !/^\d+$/.test(part)).join('.');
      const name = SETTING_NAMES[key] ?? SETTING_NAMES[path.at(-1) ?? ''] ?? (key || 'The settings');
      return `${name} ${plainMessage(issue)}`;
    })
    .join('; ');
}

/** Zod's own wording for a wrong type or option reads badly after a setting's name; ours does not. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be a ${issue.expected === 'int' ? 'whole number' : issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return issue.message;
}

/** Websites in the order the user chose. */
export function sortedWebsites(settings: Settings): WebsiteSettings[] {
  return [...settings.websites].sort((a, b) => a.order - b.order);
}

/** The order a website added now takes: after every other. */
export function nextOrder(settings: Pick<Settings, 'websites'>): number {
  return settings.websites.reduce((max, website) => Math.max(max, website.order + 1), 0);
}

/**
 * A website, other than those named, whose token is bound to another API origin than this one:
 * one address serves every website, so while there is one the address may not change.
 */
export function boundElsewhere(websites: readonly WebsiteSettings[], apiOrigin: string, except: readonly string[] = []): WebsiteSettings | undefined {
  return websites.find((website) => !except.includes(website.id) && website.tokenKind !== 'demo' && website.apiOrigin !== apiOrigin);
}
