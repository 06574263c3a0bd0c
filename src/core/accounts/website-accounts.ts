import { websiteKey, type DataFastSiteId, type WebsiteKey } from '../../shared/settings-shapes';
import { DEMO_WEBSITE_KEY } from '../polling/demo-source';
import { randomUUID } from 'node:crypto';
import { apiOriginOf } from '../datafast/api-origin';
import type { DataFastClient, WebsiteSummary } from '../datafast/client';
import { DEFAULT_API_URL, requireTokenKind, websiteLabel } from '../datafast/client';
import { DataFastError } from '../datafast/errors';
import { KeychainUnavailableError } from '../storage/keychain-errors';
import type { SecretStore } from '../storage/secret-store';
import type { SettingsRepository } from '../storage/settings-repository';
import { boundElsewhere, nextOrder, sortedWebsites, withActiveWebsite, type WebsiteSettings } from '../storage/settings-schema';
import { maskToken, normaliseToken } from '../datafast/token';
import { nameRestoredWebsite, restoreWebsites, type RestoreOutcome } from './website-restore';
import { findWebsite, sameDomain, WebsiteNotFoundError } from './website-lookup';
import type { AddResult, TokenInspection, WebsiteListing } from './account-results';

/** A website as an add command describes it; the origin its token is bound to is added on saving. */
type NewWebsite = Omit<WebsiteSettings, 'apiOrigin'>;

export interface WebsiteAccountsOptions {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  /** A client for the current API address, or for `apiUrl` (a restored token's own address). */
  readonly client: (apiUrl?: string) => DataFastClient;
  /** The app keeps a token in memory for the session when the keychain is unusable; the runner does not. */
  readonly sessionFallback: boolean;
  readonly newId?: () => WebsiteKey;
}

/**
 * Adding, listing and removing websites with their tokens: one place for the rules both the app
 * and the runner follow, so that nothing is ever half-saved.
 */
export class WebsiteAccounts {
  readonly #settings: SettingsRepository;
  readonly #secrets: SecretStore;
  readonly #client: (apiUrl?: string) => DataFastClient;
  readonly #sessionFallback: boolean;
  readonly #newId: () => WebsiteKey;
  readonly #sessionTokens = new Map<string, string>();

  constructor(options: WebsiteAccountsOptions) {
    this.#settings = options.settings;
    this.#secrets = options.secrets;
    this.#client = options.client;
    this.#sessionFallback = options.sessionFallback;
    this.#newId = options.newId ?? (() => websiteKey(`w_${randomUUID().replace(/-/g, '').slice(0, 12)}`));
  }

  /** Checks a pasted token against DataFast and says what it gives access to. */
  async inspectToken(rawToken: string): Promise<TokenInspection> {
    const token = normaliseToken(rawToken);
    const kind = requireTokenKind(token);
    const client = this.#client();
    if (kind === 'website-key') return { kind, metadata: await client.metadata({ token }) };
    return { kind, websites: await client.listWebsites(token) };
  }

  /** Adds the website a `df_` key belongs to, labelled from its metadata. */
  async addWebsiteKey(rawToken: string, inspected?: TokenInspection): Promise<AddResult> {
    const token = normaliseToken(rawToken);
    // A caller that has just inspected the token passes what DataFast said: one request, not two.
    const inspection = inspected ?? (await this.inspectToken(token));
    if (inspection.kind !== 'website-key') throw wrongKind('a website key (df_…)');
    const { metadata } = inspection;
    return this.#save(token, [
      {
        // The same site, whichever token found it before: its domain is what a key and an
        // account token both know.
        site: null,
        match: (website) => sameDomain(website.domain, metadata.domain),
        update: (known) => ({ ...known, tokenKind: 'website-key', domain: metadata.domain }),
        create: (id, order) => ({
          id,
          label: websiteLabel(metadata),
          dataFastSiteId: null,
          domain: metadata.domain,
          tokenKind: 'website-key',
          order,
          spikeThreshold: null,
          notifySales: true,
        }),
      },
    ]);
  }

  /** Adds the chosen websites of a `dft_` token, each with its own keychain entry. */
  async addFromAccountToken(rawToken: string, choice: readonly DataFastSiteId[] | 'all', inspected?: TokenInspection): Promise<AddResult> {
    const token = normaliseToken(rawToken);
    const inspection = inspected ?? (await this.inspectToken(token));
    if (inspection.kind !== 'account-token') throw wrongKind('an account token (dft_…)');
    const available = inspection.websites;
    const chosen =
      choice === 'all' ? available : choice.map((dataFastSiteId) => available.find((site) => site.dataFastSiteId === dataFastSiteId) ?? dataFastSiteId);
    const unknown = chosen.filter((site): site is DataFastSiteId => typeof site === 'string');
    if (unknown.length > 0) {
      throw new WebsiteNotFoundError(
        `This token cannot see ${unknown.join(', ')}. It can see: ${available.map((site) => `${site.dataFastSiteId} (${site.domain})`).join(', ') || 'no websites'}.`,
      );
    }
    const sites = chosen.filter((site): site is WebsiteSummary => typeof site !== 'string');
    if (sites.length === 0) throw new WebsiteNotFoundError('No website chosen: this token can see none, or none was selected.');
    // One read proves the token may also read analytics, not only list websites.
    const first = sites[0];
    if (first) await this.#client().metadata({ token, dataFastSiteId: first.dataFastSiteId });
    return this.#save(
      token,
      sites.map((site) => ({
        // By DataFast's id; a website added with its key has none, so by domain there.
        site: site.dataFastSiteId,
        match: (website: WebsiteSettings) =>
          website.dataFastSiteId === site.dataFastSiteId || (website.dataFastSiteId === null && sameDomain(website.domain, site.domain)),
        update: (known: WebsiteSettings): WebsiteSettings => ({
          ...known,
          tokenKind: 'account-token',
          dataFastSiteId: site.dataFastSiteId,
          domain: site.domain,
        }),
        create: (id: WebsiteKey, order: number): NewWebsite => ({
          id,
          label: websiteLabel(site),
          dataFastSiteId: site.dataFastSiteId,
          domain: site.domain,
          tokenKind: 'account-token',
          order,
          spikeThreshold: null,
          notifySales: true,
        }),
      })),
    );
  }

  /** The demo website: simulated data, no token. */
  async addDemo(): Promise<WebsiteSettings> {
    const settings = await this.#settings.update((current) => {
      if (current.websites.some((website) => website.tokenKind === 'demo')) return current;
      const demo: WebsiteSettings = {
        id: DEMO_WEBSITE_KEY,
        label: 'Demo website',
        dataFastSiteId: null,
        domain: null,
        tokenKind: 'demo',
        order: nextOrder(current),
        spikeThreshold: null,
        notifySales: true,
        apiOrigin: apiOriginOf(current.apiUrl),
      };
      return withActiveWebsite({ ...current, websites: [...current.websites, demo] });
    });
    const demo = settings.websites.find((website) => website.tokenKind === 'demo');
    if (!demo) throw new Error('The demo website was not saved.');
    return demo;
  }

  /** Removes a website from settings, then its keychain entry. */
  async remove(id: WebsiteKey): Promise<WebsiteSettings> {
    const website = this.#settings.read().websites.find((candidate) => candidate.id === id);
    if (!website) throw new WebsiteNotFoundError(`There is no website ${id}.`);
    // Fail before touching settings when the keychain cannot delete the token afterwards.
    if (website.tokenKind !== 'demo' && !this.#sessionTokens.has(id)) await this.#secrets.check();
    await this.#settings.update((current) => {
      return withActiveWebsite({ ...current, websites: current.websites.filter((candidate) => candidate.id !== id) });
    });
    this.#sessionTokens.delete(id);
    if (website.tokenKind !== 'demo') await this.#secrets.delete(id).catch(() => false);
    return website;
  }

  /** Finds a website by our id, its DataFast id, its domain or its label (see findWebsite). */
  resolve(query: string): WebsiteSettings {
    return findWebsite(sortedWebsites(this.#settings.read()), query);
  }

  /** Names a website restored under a placeholder, once DataFast answers (see website-restore). */
  nameRestored(id: WebsiteKey, signal?: AbortSignal): Promise<string | null> {
    return nameRestoredWebsite({ settings: this.#settings, client: this.#client, tokenFor: (known) => this.tokenFor(known) }, id, signal);
  }

  /** Brings back websites whose tokens are in the keychain but not in the settings (see website-restore). */
  restoreLost(): Promise<RestoreOutcome> {
    return restoreWebsites({ settings: this.#settings, secrets: this.#secrets, client: this.#client });
  }

  async list(): Promise<WebsiteListing[]> {
    const masked = new Map((await this.#secrets.list()).map((entry) => [entry.account, entry.masked]));
    return this.#listings(masked);
  }

  /** The websites as settings have them, for when the keychain cannot be asked. */
  listWithoutTokens(): WebsiteListing[] {
    return this.#listings(new Map());
  }

  #listings(maskedTokens: ReadonlyMap<string, string>): WebsiteListing[] {
    const settings = this.#settings.read();
    return sortedWebsites(settings).map((website) => {
      const sessionToken = this.#sessionTokens.get(website.id);
      return {
        website,
        active: website.id === settings.activeWebsiteKey,
        maskedToken: sessionToken ? maskToken(sessionToken) : (maskedTokens.get(website.id) ?? null),
        tokenInSessionOnly: sessionToken !== undefined,
      };
    });
  }

  isSessionOnly(id: WebsiteKey): boolean {
    return this.#sessionTokens.has(id);
  }

  /** The token for a website, from memory (session-only) or the keychain. Stays in main. */
  async tokenFor(id: WebsiteKey): Promise<string | null> {
    return this.#sessionTokens.get(id) ?? (await this.#secrets.get(id));
  }

  async #save(
    token: string,
    plans: ReadonlyArray<{
      /** The DataFast website an account token is stored for; null for a website key. */
      site: DataFastSiteId | null;
      match: (website: WebsiteSettings) => boolean;
      /** A website that was there already takes the new token, and what the token says about it. */
      update: (known: WebsiteSettings) => WebsiteSettings;
      create: (id: WebsiteKey, order: number) => NewWebsite;
    }>,
  ): Promise<AddResult> {
    // The token was just checked against this origin, and it will be sent nowhere else.
    const { apiUrl } = this.#client();
    const apiOrigin = apiOriginOf(apiUrl);
    const existing = this.#settings.read().websites;
    const ids = plans.map((plan) => existing.find(plan.match)?.id ?? this.#newId());
    // One address serves every website, and the one a token was added with is remembered: it
    // may change only while no other website's token is bound to the current one.
    const bound = boundElsewhere(existing, apiOrigin, ids);
    if (bound) {
      throw new DataFastError({
        kind: 'wrong-origin',
        message: `${bound.label} was added for ${bound.apiOrigin}, and one API address serves every website. Remove the websites added for ${bound.apiOrigin} first, or add this one there. Nothing was saved.`,
      });
    }
    const newIds = ids.filter((id) => !existing.some((website) => website.id === id));
    const sessionOnly = await this.#storeTokens(
      ids.map((id, index) => ({ id, site: plans[index]?.site ?? null })),
      token,
      newIds,
      // The keychain entry names a custom address, so a restore after the settings are lost binds it there again.
      apiOrigin === apiOriginOf(DEFAULT_API_URL) ? null : apiOrigin,
    );
    try {
      const saved = await this.#settings.update((current) => {
        let order = nextOrder(current);
        const websites = [...current.websites];
        plans.forEach((plan, index) => {
          const id = ids[index] ?? this.#newId();
          const at = websites.findIndex((website) => website.id === id);
          const known = websites[at];
          if (known) websites[at] = { ...plan.update(known), apiOrigin };
          else websites.push({ ...plan.create(id, order++), apiOrigin });
        });
        return withActiveWebsite({ ...current, apiUrl, websites });
      });
      return { websites: saved.websites.filter((website) => ids.includes(website.id)), sessionOnly, createdIds: new Set(newIds) };
    } catch (error) {
      // Settings refused the change: take back the tokens stored for websites that now do not exist.
      for (const id of newIds) {
        this.#sessionTokens.delete(id);
        await this.#secrets.delete(id).catch(() => false);
      }
      throw error;
    }
  }

  /** Stores the token for every id; all or nothing. Returns true when it is kept in memory only. */
  async #storeTokens(
    entries: ReadonlyArray<{ id: WebsiteKey; site: DataFastSiteId | null }>,
    token: string,
    newIds: readonly WebsiteKey[],
    apiOrigin: string | null,
  ): Promise<boolean> {
    const stored: WebsiteKey[] = [];
    try {
      for (const { id, site } of entries) {
        await this.#secrets.set(id, token, site, apiOrigin);
        stored.push(id);
      }
      for (const { id } of entries) this.#sessionTokens.delete(id);
      return false;
    } catch (error) {
      for (const id of stored) if (newIds.includes(id)) await this.#secrets.delete(id).catch(() => false);
      if (!(error instanceof KeychainUnavailableError) || !this.#sessionFallback) throw error;
      for (const { id } of entries) this.#sessionTokens.set(id, token);
      return true;
    }
  }
}

function wrongKind(expected: string): DataFastError {
  return new DataFastError({ kind: 'bad-token-format', message: `Expected ${expected} here.` });
}
