import type { SettingsPatch } from '../../shared/ipc-contract';
import type { AddedView, AppStateView, HistoryPoint, TokenCheckView, WebsiteView } from '../../shared/view-model';
import type { DataFastClient } from '../datafast/client';
import type { Clock } from '../polling/clock';
import { DASHBOARDS_URL, dashboardUrl } from '../datafast/dashboard';
import { Engine } from '../polling/engine';
import { DataFastError, errorMessage } from '../datafast/errors';
import type { History } from '../readings/history';
import { HistoryPersister, type HistoryFile } from '../storage/history-file';
import { present, type TrayView } from '../readings/presenter';
import type { SettingsRepository } from '../storage/settings-repository';
import { sortedWebsites, type Settings, type WebsiteSettings } from '../storage/settings-schema';
import type { SpikeEvent } from '../readings/spike-detector';
import { spikeMessage } from '../readings/spike-message';
import { maskToken } from '../datafast/token';
import { TokenChecks } from '../polling/token-checks';
import { WebsiteReaders } from '../polling/website-readers';
import type { WebsiteAccounts } from '../accounts/website-accounts';
import { restoreNotice } from '../accounts/website-restore';
import { KeychainUnavailableError } from '../storage/secret-store';

export interface NotificationRequest {
  readonly websiteId: string;
  readonly title: string;
  readonly body: string;
  /** The website's dashboard, opened when the notification is clicked. */
  readonly url: string | null;
}

export interface LoginItemPort {
  set(enabled: boolean): Promise<void> | void;
}

export interface AppControllerOptions {
  readonly settings: SettingsRepository;
  readonly accounts: WebsiteAccounts;
  readonly createClient: (apiUrl: string) => DataFastClient;
  readonly clock: Clock;
  readonly history: History;
  readonly historyFile: HistoryFile | null;
  readonly loginItem: LoginItemPort;
  readonly locale?: string;
  /** Problems found while starting (a settings file set aside), shown in the window. */
  readonly notices?: readonly string[];
}

/** Failures a newer token in the keychain (say, one the runner just saved) may already fix. */
const TOKEN_PROBLEMS: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'missing-token']);
const DAY_POINTS_SPACING_MS = 5 * 60_000;

interface LoadedWebsite {
  readonly settings: WebsiteSettings;
  readonly maskedToken: string | null;
  readonly tokenInSessionOnly: boolean;
}

/**
 * The app's one controller: owns the engine, turns settings into polling, state into views,
 * spikes into notification requests, and carries out every user command. No Electron in here:
 * main renders what this computes.
 */
export class AppController {
  readonly engine: Engine;
  readonly #options: AppControllerOptions;
  readonly #clock: Clock;
  readonly #persister: HistoryPersister | null;
  readonly #changeListeners = new Set<() => void>();
  readonly #notifyListeners = new Set<(request: NotificationRequest) => void>();
  readonly #tokenChecks: TokenChecks;
  readonly #readers: WebsiteReaders;
  #loaded: LoadedWebsite[] = [];
  #settings: Settings;
  #notices: string[];
  #keychainNotice: string | null = null;
  #syncing: Promise<void> = Promise.resolve();
  #ownWrites = 0;
  #unwatch: () => void = () => undefined;

  constructor(options: AppControllerOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#notices = [...(options.notices ?? [])];
    this.#settings = options.settings.read();
    this.engine = new Engine({
      clock: options.clock,
      history: options.history,
      intervalMs: this.#settings.refreshIntervalSeconds * 1000,
      spikeSettings: spikeSettingsOf(this.#settings),
      onUpdate: (outcome) => {
        this.#persister?.markDirty();
        if (!outcome.ok && TOKEN_PROBLEMS.has(outcome.error.kind)) void this.#recheckToken(outcome.websiteId);
        this.#emitChange();
      },
      onSpike: (spike) => this.#onSpike(spike),
    });
    this.#readers = new WebsiteReaders({ accounts: options.accounts, createClient: options.createClient, clock: options.clock });
    this.#tokenChecks = new TokenChecks({
      clock: options.clock,
      reserve: (budgetKey) => this.engine.scheduler.reserve(budgetKey),
      inspect: (token) => options.accounts.inspectToken(token),
    });
    this.#persister = options.historyFile
      ? new HistoryPersister(options.historyFile, options.history, options.clock, () => this.#settings.websites.map((w) => w.id), (error) =>
          this.#addNotice(`Visitor history could not be saved: ${errorMessage(error)}`),
        )
      : null;
  }

  async start(): Promise<void> {
    // Our own writes are applied by the command that made them; the watch is for other programs.
    this.#unwatch = this.#options.settings.onChange(() => {
      if (this.#ownWrites === 0) void this.#resync(true);
    });
    await this.#resync(true);
    this.engine.start();
  }

  shutdown(): void {
    this.#tokenChecks.clear();
    this.#unwatch();
    this.engine.stop();
    this.#persister?.flush();
  }

  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  onNotify(listener: (request: NotificationRequest) => void): () => void {
    this.#notifyListeners.add(listener);
    return () => this.#notifyListeners.delete(listener);
  }

  get settings(): Settings {
    return this.#settings;
  }

  pause(): void {
    this.engine.pause();
    this.#emitChange();
  }

  resume(): void {
    this.engine.resume();
    this.#emitChange();
  }

  /** The tray: title, tooltip and menu model. */
  trayView(): TrayView {
    const states = new Map(this.engine.states().map((state) => [state.websiteId, state]));
    return present({
      websites: this.#loaded.map(({ settings }) => ({
        websiteId: settings.id,
        label: settings.label,
        poll: states.get(settings.id) ?? null,
        demo: settings.tokenKind === 'demo',
      })),
      activeId: this.#settings.activeWebsiteId,
      mode: this.#settings.displayMode,
      numberFormat: this.#settings.numberFormat,
      now: this.#clock.now(),
      paused: this.engine.scheduler.paused,
      ...(this.#options.locale !== undefined && { locale: this.#options.locale }),
    });
  }

  /** The settings window's state, from the tray view when the caller has one. Tokens appear masked only. */
  appState(view: TrayView = this.trayView()): AppStateView {
    const states = new Map(this.engine.states().map((state) => [state.websiteId, state]));
    const menu = new Map(view.websites.map((website) => [website.websiteId, website]));
    const websites: WebsiteView[] = this.#loaded.map(({ settings, maskedToken, tokenInSessionOnly }) => {
      const poll = states.get(settings.id);
      const item = menu.get(settings.id);
      return {
        id: settings.id,
        label: settings.label,
        domain: settings.domain,
        websiteId: settings.websiteId,
        tokenKind: settings.tokenKind,
        maskedToken,
        tokenInSessionOnly,
        spikeThreshold: settings.spikeThreshold,
        visitors: poll?.visitors ?? null,
        countText: item?.countText ?? '—',
        status: item?.status ?? 'loading',
        problem: item?.problem ?? null,
        fetchedAt: poll?.fetchedAt ?? null,
      };
    });
    const activeId = this.#settings.activeWebsiteId;
    const now = this.#clock.now();
    const { schemaVersion, websites: configured, activeWebsiteId, apiUrl, ...settings } = this.#settings;
    return {
      websites,
      activeWebsiteId: activeId,
      settings,
      headline: view.headline,
      detail: view.detail,
      lastHour: activeId ? this.#points(activeId, now - 60 * 60_000, now, 0) : [],
      lastDay: activeId ? this.#points(activeId, now - 24 * 60 * 60_000, now, DAY_POINTS_SPACING_MS) : [],
      notices: [...this.#notices],
      paused: this.engine.scheduler.paused,
    };
  }

  // ── Commands ────────────────────────────────────────────────────────────────────────────

  /** Applies and announces the switch at once; the website's fresh read follows on its own. */
  async switchWebsite(id: string): Promise<void> {
    this.#requireWebsite(id);
    await this.#updateSettings((settings) => ({ ...settings, activeWebsiteId: id, displayMode: 'active' }));
  }

  async setDisplayMode(mode: Settings['displayMode']): Promise<void> {
    await this.#updateSettings((settings) => ({ ...settings, displayMode: mode }));
  }

  /** Reads every token from the keychain again. */
  reloadTokens(): Promise<void> {
    return this.#resync(true);
  }

  /**
   * After the screen is unlocked or the computer wakes, a keychain that was locked may be open
   * now: the tokens are read again then, but only while the keychain is known to have failed.
   */
  retryKeychain(): Promise<void> {
    return this.#keychainNotice === null ? Promise.resolve() : this.reloadTokens();
  }

  async refreshNow(): Promise<void> {
    const ids = this.#settings.displayMode === 'sum' ? this.#loaded.map(({ settings }) => settings.id) : [this.#settings.activeWebsiteId];
    await Promise.all(ids.flatMap((id) => (id ? [this.engine.scheduler.refreshNow(id)] : [])));
  }

  /** Checks a pasted token against DataFast; keeps it in main under a one-time id. */
  async checkToken(rawToken: string): Promise<TokenCheckView> {
    const { pendingId, inspection } = await this.#tokenChecks.check(rawToken);
    if (inspection.kind === 'website-key') {
      return { kind: 'website-key', domain: inspection.metadata.domain, name: inspection.metadata.name, pendingId };
    }
    const present = new Set(this.#settings.websites.map((website) => website.websiteId));
    return {
      kind: 'account-token',
      pendingId,
      websites: inspection.websites.map((site) => ({ ...site, alreadyAdded: present.has(site.websiteId) })),
    };
  }

  /** Saves the website(s) for a checked token; the token is forgotten here either way. */
  async addChecked(pendingId: string, websiteIds: readonly string[]): Promise<AddedView> {
    const token = this.#tokenChecks.take(pendingId);
    const accounts = this.#options.accounts;
    const result = await this.#ownWrite(async () => {
      const added = token.startsWith('dft_') ? await accounts.addFromAccountToken(token, websiteIds) : await accounts.addWebsiteKey(token);
      // Their tokens are read afresh by the sync that follows.
      for (const website of added.websites) this.#readers.forget(website.id);
      return added;
    });
    if (result.sessionOnly) {
      this.#addNotice('The system keychain is not available, so the token is kept in memory until you quit. Install and unlock a keychain to keep it.');
    }
    return { added: result.websites.map((website) => website.label), sessionOnly: result.sessionOnly };
  }

  async addDemo(): Promise<AddedView> {
    const demo = await this.#ownWrite(() => this.#options.accounts.addDemo());
    return { added: [demo.label], sessionOnly: false };
  }

  async rename(id: string, label: string): Promise<void> {
    await this.#updateWebsite(id, (website) => ({ ...website, label: label.trim() }));
  }

  async move(id: string, direction: 'up' | 'down'): Promise<void> {
    this.#requireWebsite(id);
    await this.#updateSettings((settings) => {
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

  async remove(id: string): Promise<void> {
    await this.#ownWrite(() => this.#options.accounts.remove(id));
    this.#readers.forget(id);
    this.#options.history.remove(id);
  }

  async setThreshold(id: string, threshold: number | null): Promise<void> {
    await this.#updateWebsite(id, (website) => ({ ...website, spikeThreshold: threshold }));
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    const before = this.#settings.launchAtLogin;
    await this.#updateSettings((settings) => ({
      ...settings,
      ...definedOnly({
        refreshIntervalSeconds: patch.refreshIntervalSeconds,
        displayMode: patch.displayMode,
        numberFormat: patch.numberFormat,
        launchAtLogin: patch.launchAtLogin,
      }),
      notifications: { ...settings.notifications, ...definedOnly(patch.notifications ?? {}) },
    }));
    if (this.#settings.launchAtLogin !== before) await this.#options.loginItem.set(this.#settings.launchAtLogin);
  }

  async snoozeNotifications(durationMs: number): Promise<void> {
    const until = this.#clock.now() + durationMs;
    await this.#updateSettings((settings) => ({ ...settings, notifications: { ...settings.notifications, snoozedUntil: until } }));
  }

  async resumeNotifications(): Promise<void> {
    await this.#updateSettings((settings) => ({ ...settings, notifications: { ...settings.notifications, enabled: true, snoozedUntil: null } }));
  }

  notificationsSnoozed(): boolean {
    const until = this.#settings.notifications.snoozedUntil;
    return until !== null && until > this.#clock.now();
  }

  /** A sample notification, so the user sees what a spike looks like (and that notifications work). */
  testNotification(): void {
    const activeId = this.#settings.activeWebsiteId;
    const website = activeId ? this.#website(activeId) : undefined;
    const name = website ? websiteName(website) : 'example.com';
    const message = spikeMessage({ websiteId: website?.id ?? 'test', visitors: 128, baseline: 30, reason: 'above-usual', at: this.#clock.now() }, name, null);
    this.#emitNotify({ websiteId: website?.id ?? 'test', title: `${message.title} (test)`, body: message.body, url: website ? this.dashboardUrlFor(website.id) : null });
  }

  /** The DataFast dashboard for a website, or DataFast's dashboard list when its id is unknown. */
  dashboardUrlFor(id: string): string | null {
    const website = this.#website(id);
    if (!website || website.tokenKind === 'demo') return null;
    return website.websiteId ? dashboardUrl(website.websiteId) : DASHBOARDS_URL;
  }

  /** Checked tokens held until the user saves them or their time runs out. */
  get pendingTokenChecks(): number {
    return this.#tokenChecks.pendingCount;
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────

  #website(id: string): WebsiteSettings | undefined {
    return this.#settings.websites.find((candidate) => candidate.id === id);
  }

  #requireWebsite(id: string): void {
    if (!this.#website(id)) throw new DataFastError({ kind: 'not-found', message: 'That website is no longer configured.' });
  }

  async #updateWebsite(id: string, change: (website: WebsiteSettings) => WebsiteSettings): Promise<void> {
    this.#requireWebsite(id);
    await this.#updateSettings((settings) => ({
      ...settings,
      websites: settings.websites.map((website) => (website.id === id ? change(website) : website)),
    }));
  }

  async #updateSettings(change: (settings: Settings) => Settings): Promise<void> {
    await this.#ownWrite(() => this.#options.settings.update(change));
  }

  /**
   * Runs a change this app makes to the settings file, then applies it once. The file watch also
   * reports the write; while one of ours is under way it stays quiet, so a change is not applied
   * twice and the keychain is not read again for every token.
   */
  async #ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.#ownWrites += 1;
    let result: T;
    try {
      result = await write();
    } finally {
      this.#ownWrites -= 1;
    }
    await this.#resync(false);
    return result;
  }

  /** Makes the engine match the settings. Serialised, so overlapping changes apply in order. */
  #resync(reloadTokens: boolean): Promise<void> {
    this.#syncing = this.#syncing.then(() => this.#sync(reloadTokens)).catch((error: unknown) => {
      this.#addNotice(`Could not apply settings: ${errorMessage(error)}`);
    });
    return this.#syncing;
  }

  async #sync(reloadTokens: boolean): Promise<void> {
    if (this.#options.settings.websitesLostFrom !== null) await this.#restoreLostWebsites();
    const settings = this.#options.settings.read();
    this.#settings = settings;
    if (reloadTokens) this.#readers.forget();
    const ordered = sortedWebsites(settings);
    const loaded = await this.#readers.load(ordered, settings.apiUrl);
    // A keychain notice stands while the problem does: it goes once the tokens can be read.
    const keychainProblem = loaded.keychainProblem?.message ?? null;
    if (this.#keychainNotice && this.#keychainNotice !== keychainProblem) this.#notices = this.#notices.filter((notice) => notice !== this.#keychainNotice);
    this.#keychainNotice = keychainProblem;
    for (const notice of [keychainProblem, ...loaded.refusals]) if (notice) this.#addNotice(notice);
    this.#loaded = ordered.map((website) => {
      const token = website.tokenKind === 'demo' ? null : (loaded.tokens.get(website.id) ?? null);
      return { settings: website, maskedToken: token ? maskToken(token) : null, tokenInSessionOnly: this.#options.accounts.isSessionOnly(website.id) };
    });
    this.engine.setWebsites(loaded.websites);
    this.engine.scheduler.setIntervalMs(settings.refreshIntervalSeconds * 1000);
    this.engine.scheduler.setEveryWebsiteActive(settings.displayMode === 'sum');
    this.engine.detector.updateSettings(spikeSettingsOf(settings));
    if (settings.activeWebsiteId) this.engine.scheduler.setActive(settings.activeWebsiteId);
    this.#emitChange();
  }

  /**
   * The runner can replace a website's token without changing settings, which the file watch
   * cannot see. When the token in use is refused, look in the keychain once: a different token
   * there gets its chance at once; the same one leaves the website halted, as it should be.
   */
  async #recheckToken(websiteId: string): Promise<void> {
    const website = this.#website(websiteId);
    if (!website || website.tokenKind === 'demo') return;
    let stored: string | null;
    try {
      stored = await this.#options.accounts.tokenFor(websiteId);
    } catch {
      return;
    }
    if (stored === null || stored === this.#readers.token(websiteId)) return;
    this.#readers.remember(websiteId, stored);
    await this.#resync(false);
  }

  #onSpike(spike: SpikeEvent): void {
    const { notifications } = this.#settings;
    if (!notifications.enabled || this.notificationsSnoozed()) return;
    const website = this.#website(spike.websiteId);
    if (!website) return;
    const message = spikeMessage(spike, websiteName(website), website.spikeThreshold, this.#options.locale);
    this.#emitNotify({ websiteId: website.id, ...message, url: this.dashboardUrlFor(website.id) });
  }

  #points(websiteId: string, from: number, to: number, spacing: number): HistoryPoint[] {
    const samples = this.#options.history.between(websiteId, from, to + 1);
    if (spacing === 0) return samples;
    // One point per bucket (its highest count) keeps a day's chart small and its peaks visible.
    const buckets = new Map<number, HistoryPoint>();
    for (const sample of samples) {
      const bucket = Math.floor(sample.at / spacing);
      const current = buckets.get(bucket);
      if (!current || sample.visitors > current.visitors) buckets.set(bucket, sample);
    }
    return [...buckets.values()];
  }

  /** Something the user should know, shown in the settings window until the app quits. */
  /**
   * A damaged settings file lost the websites, not their tokens: they come back from the keychain
   * with a notice. A keychain that cannot be asked now is tried again on the next reload
   * (unlock, wake), since the settings still say websites were lost.
   */
  async #restoreLostWebsites(): Promise<void> {
    try {
      const notice = restoreNotice(await this.#options.accounts.restoreLost());
      if (notice) this.#addNotice(notice);
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
    }
  }

  notice(message: string): void {
    this.#addNotice(message);
  }

  #addNotice(message: string): void {
    if (!this.#notices.includes(message)) this.#notices.push(message);
    this.#emitChange();
  }

  #emitChange(): void {
    for (const listener of this.#changeListeners) listener();
  }

  #emitNotify(request: NotificationRequest): void {
    for (const listener of this.#notifyListeners) listener(request);
  }
}

function websiteName(website: WebsiteSettings): string {
  const name = website.domain ?? website.label;
  return website.tokenKind === 'demo' ? `${name} (demo)` : name;
}

function spikeSettingsOf(settings: Settings): { factor: number; minimum: number; cooldownMs: number } {
  const { factor, minimum, cooldownMinutes } = settings.notifications;
  return { factor, minimum, cooldownMs: cooldownMinutes * 60_000 };
}

function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
