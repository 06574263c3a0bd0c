import { apiOriginOf } from '../datafast/api-origin';
import { websiteLabel, type DataFastClient } from '../datafast/client';
import type { SecretStore, StoredSecret } from '../storage/secret-store';
import type { SettingsRepository } from '../storage/settings-repository';
import { boundElsewhere, nextOrder, withActiveWebsite, type Settings, type WebsiteSettings } from '../storage/settings-schema';
import { maskToken, tokenKind } from '../datafast/token';
import { MAX_WEBSITES } from '../../shared/setting-limits';
import { websiteKeySchema, type WebsiteKey } from '../../shared/settings-shapes';

export interface RestoreOutcome {
  readonly restored: readonly WebsiteSettings[];
  /** Entries of account tokens that see several websites and do not say which one was theirs. */
  readonly unplaced: number;
  /** Where the damaged file was kept, when a damaged file was the reason. */
  readonly keptAs: string | null;
}

export interface RestoreDependencies {
  readonly settings: SettingsRepository;
  readonly secrets: Pick<SecretStore, 'entries'>;
  /** A client for the current API address, or for a token's own. */
  readonly client: (apiUrl?: string) => DataFastClient;
}

type Described = Omit<WebsiteSettings, 'order'>;

/** The name a website is restored under while DataFast cannot be asked for its own. */
const PLACEHOLDER_NAME = 'Restored website';

/**
 * Whether a website still has the name it was restored under: it gets DataFast's as soon as
 * DataFast answers. A name the user gave it since is theirs and kept.
 */
export function hasPlaceholderName(website: Pick<WebsiteSettings, 'label' | 'domain'>): boolean {
  return website.domain === null && website.label.startsWith(`${PLACEHOLDER_NAME} `);
}

/**
 * Websites whose tokens are in the keychain but not in the settings come back: after a damaged
 * settings file was set aside (automatically), or when asked (`restore`). Each keychain entry's
 * account is the website's own id, so the website keeps its id, its history and its token. Names
 * are read again from DataFast; offline, a website is restored under a name that says so.
 */
export async function restoreWebsites(dependencies: RestoreDependencies): Promise<RestoreOutcome> {
  const { settings } = dependencies;
  const keptAs = settings.websitesLostFrom;
  const known = new Set(settings.read().websites.map((website) => website.id));
  const orphans = (await dependencies.secrets.entries()).flatMap((entry) => {
    const key = websiteKeySchema.safeParse(entry.account);
    return key.success && !known.has(key.data) && tokenKind(entry.token) !== null ? [{ ...entry, key: key.data }] : [];
  });
  const current = dependencies.client();
  const described: Described[] = [];
  /** The API address (with any path) each origin was asked at. */
  const addresses = new Map<string, string>();
  let unplaced = 0;
  for (const entry of orphans) {
    // A token is asked about only where it was added: its entry names a custom address, and one
    // that names none was added for the address the settings give now (DataFast's own after a loss).
    const client = entry.apiOrigin === null || entry.apiOrigin === apiOriginOf(current.apiUrl) ? current : dependencies.client(entry.apiOrigin);
    const website = await describe(entry, client);
    if (website) {
      const apiOrigin = apiOriginOf(client.apiUrl);
      described.push({ ...website, apiOrigin });
      addresses.set(apiOrigin, client.apiUrl);
    } else unplaced++;
  }
  let restored: WebsiteSettings[] = [];
  if (described.length > 0) {
    const saved = await settings.update((settingsNow) => withRestored(settingsNow, described, addresses));
    const ids = new Set(described.map((website) => website.id));
    restored = saved.websites.filter((website) => ids.has(website.id));
  }
  settings.websitesRestored();
  return { restored, unplaced, keptAs };
}

/**
 * Gives a website restored while DataFast could not be asked the name and domain DataFast gives
 * it, once DataFast answers; returns its name, the same one when there was nothing to do. A name
 * the user gave it meanwhile is kept, even one given while DataFast was being asked.
 */
export async function nameRestoredWebsite(
  dependencies: Pick<RestoreDependencies, 'settings' | 'client'> & { readonly tokenFor: (id: WebsiteKey) => Promise<string | null> },
  id: WebsiteKey,
  signal?: AbortSignal,
): Promise<string | null> {
  const { settings } = dependencies;
  const website = settings.read().websites.find((known) => known.id === id);
  if (!website || !hasPlaceholderName(website)) return website?.label ?? null;
  const token = await dependencies.tokenFor(id);
  if (token === null) return website.label;
  const metadata = await dependencies.client().metadata({ token, dataFastSiteId: website.dataFastSiteId ?? undefined }, signal);
  const saved = await settings.update((current) => ({
    ...current,
    websites: current.websites.map((known) =>
      known.id === id && hasPlaceholderName(known) ? { ...known, label: websiteLabel(metadata), domain: metadata.domain } : known,
    ),
  }));
  return saved.websites.find((known) => known.id === id)?.label ?? null;
}

/**
 * The current websites plus the restored ones: one per DataFast site, within the limit, each bound
 * to the address its token was added for. One address serves every website, so the settings take
 * the restored websites' address when no other website is bound elsewhere, and a website whose
 * address differs from the one they end up with is left for the next restore.
 */
function withRestored(current: Settings, described: readonly Described[], addresses: ReadonlyMap<string, string>): Settings {
  const apiOrigin = described.find((website) => boundElsewhere(current.websites, website.apiOrigin) === undefined)?.apiOrigin ?? apiOriginOf(current.apiUrl);
  const websites = [...current.websites];
  let order = nextOrder(current);
  const sites = new Set(websites.map(siteKey));
  for (const website of described) {
    if (website.apiOrigin !== apiOrigin) continue;
    if (websites.length >= MAX_WEBSITES || websites.some((known) => known.id === website.id) || sites.has(siteKey(website))) continue;
    sites.add(siteKey(website));
    websites.push({ ...website, order: order++ });
  }
  const keepsAddress = boundElsewhere(current.websites, apiOrigin) !== undefined;
  return withActiveWebsite({ ...current, ...(!keepsAddress && { apiUrl: addresses.get(apiOrigin) ?? current.apiUrl }), websites });
}

function siteKey(website: Pick<WebsiteSettings, 'domain' | 'dataFastSiteId' | 'id'>): string {
  return website.domain?.toLowerCase() ?? website.dataFastSiteId ?? website.id;
}

/** What DataFast says the entry's website is; null when an account token cannot say which. */
async function describe(entry: StoredSecret & { readonly key: WebsiteKey }, client: DataFastClient): Promise<Omit<Described, 'apiOrigin'> | null> {
  const kind = tokenKind(entry.token);
  const base = { id: entry.key, spikeThreshold: null, notifySales: true };
  if (kind === 'website-key') {
    try {
      const metadata = await client.metadata({ token: entry.token });
      return { ...base, label: websiteLabel(metadata), domain: metadata.domain, dataFastSiteId: null, tokenKind: 'website-key' };
    } catch {
      return { ...base, label: `${PLACEHOLDER_NAME} (${maskToken(entry.token)})`, domain: null, dataFastSiteId: null, tokenKind: 'website-key' };
    }
  }
  if (entry.site !== null) {
    try {
      const metadata = await client.metadata({ token: entry.token, dataFastSiteId: entry.site });
      return { ...base, label: websiteLabel(metadata), domain: metadata.domain, dataFastSiteId: entry.site, tokenKind: 'account-token' };
    } catch {
      return { ...base, label: `${PLACEHOLDER_NAME} ${entry.site}`, domain: null, dataFastSiteId: entry.site, tokenKind: 'account-token' };
    }
  }
  // An entry written before entries named their website: knowable only if the token sees one.
  try {
    const sites = await client.listWebsites(entry.token);
    const [only, ...more] = sites;
    if (!only || more.length > 0) return null;
    return { ...base, label: websiteLabel(only), domain: only.domain, dataFastSiteId: only.dataFastSiteId, tokenKind: 'account-token' };
  } catch {
    return null;
  }
}

/** One sentence for the person: what came back, from where, and what could not. */
export function restoreNotice(outcome: RestoreOutcome): string | null {
  const parts: string[] = [];
  if (outcome.restored.length > 0) {
    const names = outcome.restored.map((website) =>
      website.domain && website.domain !== website.label ? `${website.label} (${website.domain})` : website.label,
    );
    const count = outcome.restored.length === 1 ? '1 website' : `${outcome.restored.length} websites`;
    parts.push(`Restored ${count} from the keychain: ${names.join(', ')}.`);
  }
  if (outcome.unplaced > 0) {
    parts.push(
      `${outcome.unplaced === 1 ? '1 account token' : `${outcome.unplaced} account tokens`} in the keychain could not be matched to a website (the token sees several): add ${outcome.unplaced === 1 ? 'it' : 'them'} again.`,
    );
  }
  if (parts.length === 0) return null;
  if (outcome.keptAs) parts.push(`The damaged settings file is kept as ${outcome.keptAs}.`);
  return parts.join(' ');
}
