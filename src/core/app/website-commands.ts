import type { DataFastSiteId, WebsiteKey } from '../../shared/settings-shapes';
import type { SettingsPatch } from '../../shared/ipc-contract';
import type { AddedView, TokenCheckView } from '../../shared/view-model';
import type { WebsiteAccounts } from '../accounts/website-accounts';
import { sameDomain } from '../accounts/website-lookup';
import { DataFastError } from '../datafast/errors';
import type { Clock } from '../time/clock';
import type { Engine } from '../polling/engine';
import { TokenChecks } from '../accounts/token-checks';
import type { History } from '../readings/history';
import type { SettingsRepository } from '../storage/settings-repository';
import { sortedWebsites, type Settings, type WebsiteSettings } from '../storage/settings-schema';
import type { Notices } from './notices';
import type { SettingsSync } from './settings-sync';

export interface LoginItemPort {
  set(enabled: boolean): Promise<void> | void;
}

export interface WebsiteCommandsOptions {
  readonly settings: SettingsRepository;
  readonly accounts: WebsiteAccounts;
  readonly sync: SettingsSync;
  readonly engine: Engine;
  readonly history: History;
  readonly clock: Clock;
  readonly notices: Notices;
  readonly loginItem: LoginItemPort;
}

const SESSION_ONLY_NOTICE = 'The system keychain is not available, so the token is kept in memory until you quit. Install and unlock a keychain to keep it.';

/** Everything a person asks for, from the tray or the window: each a settings change or a read. */
export class WebsiteCommands {
  readonly #options: WebsiteCommandsOptions;
  readonly tokenChecks: TokenChecks;

  constructor(options: WebsiteCommandsOptions) {
    this.#options = options;
    this.tokenChecks = new TokenChecks({
      clock: options.clock,
      reserve: (budgetKey) => options.engine.reserve(budgetKey),
      inspect: (token) => options.accounts.inspectToken(token),
    });
  }

  /** Applies and announces the switch at once; the website's fresh read follows on its own. */
  async switchWebsite(id: WebsiteKey): Promise<void> {
    this.#requireWebsite(id);
    await this.#update((settings) => ({ ...settings, activeWebsiteKey: id, displayMode: 'active' }));
  }

  async setDisplayMode(mode: Settings['displayMode']): Promise<void> {
    await this.#update((settings) => ({ ...settings, displayMode: mode }));
  }

  async refreshNow(): Promise<void> {
    const { settings, loaded } = this.#options.sync;
    const ids = settings.displayMode === 'sum' ? loaded.map((website) => website.settings.id) : [settings.activeWebsiteKey];
    await Promise.all(ids.flatMap((id) => (id ? [this.#options.engine.refreshNow(id)] : [])));
  }

  /** Checks a pasted token against DataFast; keeps it in main under a one-time id. */
  async checkToken(rawToken: string): Promise<TokenCheckView> {
    const { pendingId, inspection } = await this.tokenChecks.check(rawToken);
    if (inspection.kind === 'website-key') {
      return { kind: 'website-key', domain: inspection.metadata.domain, name: inspection.metadata.name, pendingId };
    }
    // A website added with its own key knows its domain, not DataFast's id for it: either one says it is here.
    const configured = this.#options.sync.settings.websites;
    const isConfigured = (site: { readonly dataFastSiteId: DataFastSiteId; readonly domain: string }): boolean =>
      configured.some((website) => website.dataFastSiteId === site.dataFastSiteId || sameDomain(website.domain, site.domain));
    return {
      kind: 'account-token',
      pendingId,
      websites: inspection.websites.map((site) => ({ ...site, alreadyAdded: isConfigured(site) })),
    };
  }

  /** Saves the website(s) for a checked token; the token is forgotten here either way. */
  async addChecked(pendingId: string, siteIds: readonly DataFastSiteId[]): Promise<AddedView> {
    const token = this.tokenChecks.take(pendingId);
    const { accounts, sync } = this.#options;
    const result = await sync.ownWrite(async () => {
      const added = token.startsWith('dft_') ? await accounts.addFromAccountToken(token, siteIds) : await accounts.addWebsiteKey(token);
      // Their tokens are read afresh by the sync that follows.
      for (const website of added.websites) sync.forgetToken(website.id);
      return added;
    });
    if (result.sessionOnly) this.#options.notices.add(SESSION_ONLY_NOTICE);
    return { added: result.websites.map((website) => website.label), sessionOnly: result.sessionOnly };
  }

  async addDemo(): Promise<AddedView> {
    const demo = await this.#options.sync.ownWrite(() => this.#options.accounts.addDemo());
    return { added: [demo.label], sessionOnly: false };
  }

  async rename(id: WebsiteKey, label: string): Promise<void> {
    await this.#updateWebsite(id, (website) => ({ ...website, label: label.trim() }));
  }

  async move(id: WebsiteKey, direction: 'up' | 'down'): Promise<void> {
    this.#requireWebsite(id);
    await this.#update((settings) => {
      const ordered = sortedWebsites(settings);
      const from = ordered.findIndex((website) => website.id === id);
      const to = direction === 'up' ? from - 1 : from + 1;
      if (from === -1 || to < 0 || to >= ordered.length) return settings;
      const moved = [...ordered];
      const [item] = moved.splice(from, 1);
      if (item) moved.splice(to, 0, item);
      return { ...settings, websites: moved.map((website, order) => ({ ...website, order })) };
    });
  }

  async remove(id: WebsiteKey): Promise<void> {
    await this.#options.sync.ownWrite(() => this.#options.accounts.remove(id));
    this.#options.sync.forgetToken(id);
    this.#options.history.remove(id);
  }

  async setThreshold(id: WebsiteKey, threshold: number | null): Promise<void> {
    await this.#updateWebsite(id, (website) => ({ ...website, spikeThreshold: threshold }));
  }

  async setNotifySales(id: WebsiteKey, notifySales: boolean): Promise<void> {
    await this.#updateWebsite(id, (website) => ({ ...website, notifySales }));
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    const before = this.#options.sync.settings.launchAtLogin;
    await this.#update((settings) => ({
      ...settings,
      ...definedOnly({
        refreshIntervalSeconds: patch.refreshIntervalSeconds,
        displayMode: patch.displayMode,
        numberFormat: patch.numberFormat,
        launchAtLogin: patch.launchAtLogin,
      }),
      notifications: { ...settings.notifications, ...definedOnly(patch.notifications ?? {}) },
    }));
    const after = this.#options.sync.settings.launchAtLogin;
    if (after !== before) await this.#options.loginItem.set(after);
  }

  async snoozeNotifications(durationMs: number): Promise<void> {
    const until = this.#options.clock.now() + durationMs;
    await this.#update((settings) => ({ ...settings, notifications: { ...settings.notifications, snoozedUntil: until } }));
  }

  async resumeNotifications(): Promise<void> {
    await this.#update((settings) => ({ ...settings, notifications: { ...settings.notifications, enabled: true, snoozedUntil: null } }));
  }

  #requireWebsite(id: WebsiteKey): void {
    if (!this.#options.sync.website(id)) throw new DataFastError({ kind: 'not-found', message: 'That website is no longer configured.' });
  }

  async #updateWebsite(id: WebsiteKey, change: (website: WebsiteSettings) => WebsiteSettings): Promise<void> {
    this.#requireWebsite(id);
    await this.#update((settings) => ({
      ...settings,
      websites: settings.websites.map((website) => (website.id === id ? change(website) : website)),
    }));
  }

  async #update(change: (settings: Settings) => Settings): Promise<void> {
    await this.#options.sync.change(change);
  }
}

function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
