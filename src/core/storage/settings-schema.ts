import { z } from 'zod';
import { MAX_WEBSITES, REFRESH_SECONDS, SPIKE_FACTOR, SPIKE_MINIMUM, COOLDOWN_MINUTES } from '../../shared/setting-limits';
import {
  dataFastSiteIdSchema,
  preferencesSchema,
  spikeThresholdSchema,
  tokenKindSchema,
  websiteKeySchema,
  websiteLabelSchema,
  type WebsiteKey,
} from '../../shared/settings-shapes';
import { apiUrlProblem } from '../datafast/api-origin';
import { DEFAULT_API_URL } from '../datafast/client';

export { describeSettingsIssue } from '../../shared/settings-shapes';

export const SETTINGS_SCHEMA_VERSION = 5;

export const websiteSettingsSchema = z.object({
  /** Our own key: the keychain account name and what everything else refers to the website by. */
  id: websiteKeySchema,
  label: websiteLabelSchema,
  /** DataFast's id of the website: required for account tokens, known for website keys only sometimes. */
  dataFastSiteId: dataFastSiteIdSchema.nullable(),
  domain: z.string().max(253).nullable(),
  tokenKind: tokenKindSchema,
  order: z.number().int().nonnegative(),
  spikeThreshold: spikeThresholdSchema,
  /** Tell of this website's new sales (while sale notifications are on). */
  notifySales: z.boolean(),
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

export const settingsSchema = preferencesSchema
  .extend({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    websites: z.array(websiteSettingsSchema).max(MAX_WEBSITES, `may hold at most ${MAX_WEBSITES} websites`),
    activeWebsiteKey: websiteKeySchema.nullable(),
    apiUrl: z.url({ protocol: /^https?$/ }).refine((url) => apiUrlProblem(url) === null, 'must use https (plain http only for localhost)'),
  })
  .superRefine((settings, context) => {
    const keys = new Set<WebsiteKey>();
    for (const website of settings.websites) {
      if (keys.has(website.id)) context.addIssue({ code: 'custom', message: `has two websites with the id ${website.id}`, path: ['websites'] });
      keys.add(website.id);
      if (website.tokenKind === 'account-token' && website.dataFastSiteId === null) {
        context.addIssue({ code: 'custom', message: `has ${website.label} without the website ID its account token needs`, path: ['websites'] });
      }
    }
    if (settings.activeWebsiteKey !== null && !keys.has(settings.activeWebsiteKey)) {
      context.addIssue({ code: 'custom', message: 'is not one of the websites', path: ['activeWebsiteKey'] });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;
export type WebsiteSettings = z.infer<typeof websiteSettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  websites: [],
  activeWebsiteKey: null,
  refreshIntervalSeconds: REFRESH_SECONDS.default,
  displayMode: 'active',
  numberFormat: 'compact',
  notifications: {
    enabled: true,
    sales: true,
    customerNames: false,
    factor: SPIKE_FACTOR.default,
    minimum: SPIKE_MINIMUM.default,
    cooldownMinutes: COOLDOWN_MINUTES.default,
    snoozedUntil: null,
  },
  launchAtLogin: false,
  apiUrl: DEFAULT_API_URL,
};

/** Websites in the order the user chose. */
export function sortedWebsites(settings: Pick<Settings, 'websites'>): WebsiteSettings[] {
  return [...settings.websites].sort((a, b) => a.order - b.order);
}

/**
 * The website on screen: the one the settings name while it is configured, else the first in the
 * user's order, else none. The one place this rule is written: the app, the runner, and every
 * change that adds, removes or restores websites ask it.
 */
export function activeWebsiteOf(settings: Pick<Settings, 'websites' | 'activeWebsiteKey'>): WebsiteSettings | null {
  return settings.websites.find((website) => website.id === settings.activeWebsiteKey) ?? sortedWebsites(settings)[0] ?? null;
}

/** The settings with their active website named by `activeWebsiteOf`: what every change to the list of websites saves. */
export function withActiveWebsite<S extends Pick<Settings, 'websites' | 'activeWebsiteKey'>>(settings: S): S {
  return { ...settings, activeWebsiteKey: activeWebsiteOf(settings)?.id ?? null };
}

/** The order a website added now takes: after every other. */
export function nextOrder(settings: Pick<Settings, 'websites'>): number {
  return settings.websites.reduce((max, website) => Math.max(max, website.order + 1), 0);
}

/**
 * A website, other than those named, whose token is bound to another API origin than this one:
 * one address serves every website, so while there is one the address may not change.
 */
export function boundElsewhere(websites: readonly WebsiteSettings[], apiOrigin: string, except: readonly WebsiteKey[] = []): WebsiteSettings | undefined {
  return websites.find((website) => !except.includes(website.id) && website.tokenKind !== 'demo' && website.apiOrigin !== apiOrigin);
}
