import type { WebsiteKey } from '../../shared/settings-shapes';
import type { WebsiteAccounts } from '../accounts/website-accounts';
import { restoreNotice } from '../accounts/website-restore';
import type { DataFastClient } from '../datafast/client';
import { errorMessage } from '../datafast/errors';
import { maskToken } from '../datafast/token';
import type { Clock } from '../time/clock';
import type { DesiredPolling, Engine } from '../polling/engine';
import { WebsiteReaders, type ReadableWebsite } from '../accounts/website-readers';
import type { EngineWebsite } from '../polling/engine';
import { KeychainUnavailableError } from '../storage/keychain-errors';
import type { SettingsRepository } from '../storage/settings-repository';
import { activeWebsiteOf, sortedWebsites, type Settings, type WebsiteSettings } from '../storage/settings-schema';
import type { Notices } from './notices';

export interface LoadedWebsite {
  readonly settings: WebsiteSettings;
  readonly maskedToken: string | null;
  readonly tokenInSessionOnly: boolean;
}

export interface SettingsSyncOptions {
  readonly settings: SettingsRepository;
  readonly accounts: WebsiteAccounts;
  readonly createClient: (apiUrl: string) => DataFastClient;
  readonly clock: Clock;
  readonly engine: Engine;
  readonly notices: Notices;
  readonly onChange: () => void;
  /** Turns loaded websites into what the engine polls (the live feed reads the map through them). */
  readonly prepare?: (websites: readonly ReadableWebsite[]) => EngineWebsite[];
}

export function spikeSettingsOf(settings: Settings): { factor: number; minimum: number; cooldownMs: number } {
  const { factor, minimum, cooldownMinutes } = settings.notifications;
  return { factor, minimum, cooldownMs: cooldownMinutes * 60_000 };
}

/** The app's settings as polling: its websites at the chosen rate, the active one on screen (or all of them in sum mode). */
export function desiredPolling(settings: Settings, websites: readonly EngineWebsite[]): DesiredPolling {
  return {
    websites,
    intervalMs: settings.refreshIntervalSeconds * 1000,
    activeKey: activeWebsiteOf(settings)?.id ?? null,
    everyWebsiteActive: settings.displayMode === 'sum',
    spikeSettings: spikeSettingsOf(settings),
  };
}

/**
 * The app's settings as they stand, in memory, and the engine kept in step with them: this app's
 * own changes are shown at once and then written once (the file records them; it is not read
 * back), changes other programs make (the runner) come in from the file, tokens come from the
 * keychain through a cache, and websites a damaged file lost are brought back.
 */
export class SettingsSync {
  readonly #options: SettingsSyncOptions;
  readonly #readers: WebsiteReaders;
  #settings: Settings;
  #loaded: LoadedWebsite[] = [];
  /** What the engine reads, as the last sync prepared it. */
  #engineWebsites: readonly EngineWebsite[] = [];
  #keychainNotice: string | null = null;
  #syncing: Promise<void> = Promise.resolve();
  /** Writes under way: a change shown but not yet on disk is waited for before the app quits. */
  readonly #writes = new Set<Promise<unknown>>();
  #unwatch: () => void = () => undefined;

  constructor(options: SettingsSyncOptions) {
    this.#options = options;
    this.#settings = options.settings.read();
    this.#readers = new WebsiteReaders({ accounts: options.accounts, createClient: options.createClient, clock: options.clock });
  }

  get settings(): Settings {
    return this.#settings;
  }

  get loaded(): readonly LoadedWebsite[] {
    return this.#loaded;
  }

  /** Whether reading the keychain failed last time, so a wake or an unlock should try again. */
  get keychainFailed(): boolean {
    return this.#keychainNotice !== null;
  }

  website(id: WebsiteKey): WebsiteSettings | undefined {
    return this.#settings.websites.find((candidate) => candidate.id === id);
  }

  async start(): Promise<void> {
    // Our own writes are applied by the command that made them; the watch reports other programs'.
    this.#unwatch = this.#options.settings.onChange(() => void this.resync(true));
    await this.resync(true);
  }

  stop(): void {
    this.#unwatch();
  }

  /** The next load reads this website's token from the keychain again. */
  forgetToken(id: WebsiteKey): void {
    this.#readers.forget(id);
  }

  /**
   * A change of settings this app makes: shown at once (the state in memory, the engine and every
   * view, in this tick), then written once under the file lock. What the file refuses, or fails to
   * take, is undone in memory and the error passed on; a change another program made meanwhile
   * is kept, since `update` is applied to the file as it is.
   */
  async change(update: (settings: Settings) => Settings): Promise<void> {
    const before = this.#settings;
    this.#show(this.#options.settings.check(update(before)));
    try {
      await this.#written(this.#options.settings.update(update));
    } catch (error) {
      this.#show(before);
      throw error;
    }
    await this.resync(false);
  }

  /** Runs a write this app makes through another unit (adding or removing a website), then applies it once. */
  async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    const result = await this.#written(write());
    await this.resync(false);
    return result;
  }

  /** Whether a change is shown that is not on disk yet. */
  get writing(): boolean {
    return this.#writes.size > 0;
  }

  /** Resolves once every change made so far is on disk (or was refused) and the engine follows it. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#writes]);
    await this.#syncing;
  }

  async #written<T>(write: Promise<T>): Promise<T> {
    this.#writes.add(write);
    try {
      return await write;
    } finally {
      this.#writes.delete(write);
    }
  }

  /** Makes the engine match the settings. Serialised, so overlapping changes apply in order. */
  resync(reloadTokens: boolean): Promise<void> {
    this.#syncing = this.#syncing
      .then(() => this.#sync(reloadTokens))
      .catch((error: unknown) => {
        this.#options.notices.add(`Could not apply settings: ${errorMessage(error)}`);
      });
    return this.#syncing;
  }

  /**
   * The runner can replace a website's token without changing settings, which the file watch
   * cannot see. When the token in use is refused, look in the keychain once: a different token
   * there gets its chance at once; the same one leaves the website halted, as it should be.
   */
  async recheckToken(websiteKey: WebsiteKey): Promise<void> {
    const website = this.website(websiteKey);
    if (!website || website.tokenKind === 'demo') return;
    let stored: string | null;
    try {
      stored = await this.#options.accounts.tokenFor(websiteKey);
    } catch {
      return;
    }
    if (stored === null || stored === this.#readers.token(websiteKey)) return;
    this.#readers.remember(websiteKey, stored);
    await this.resync(false);
  }

  async #sync(reloadTokens: boolean): Promise<void> {
    const { engine, notices } = this.#options;
    if (this.#options.settings.websitesLostFrom !== null) await this.#restoreLostWebsites();
    const settings = this.#options.settings.read();
    this.#settings = settings;
    if (reloadTokens) this.#readers.forget();
    const ordered = sortedWebsites(settings);
    const loaded = await this.#readers.load(ordered, settings.apiUrl);
    // A keychain notice stands while the problem does: it goes once the tokens can be read.
    const keychainProblem = loaded.keychainProblem?.message ?? null;
    if (this.#keychainNotice && this.#keychainNotice !== keychainProblem) notices.withdraw(this.#keychainNotice);
    this.#keychainNotice = keychainProblem;
    for (const notice of [keychainProblem, ...loaded.refusals]) if (notice) notices.add(notice);
    this.#loaded = ordered.map((website) => {
      const token = website.tokenKind === 'demo' ? null : (loaded.tokens.get(website.id) ?? null);
      return { settings: website, maskedToken: token ? maskToken(token) : null, tokenInSessionOnly: this.#options.accounts.isSessionOnly(website.id) };
    });
    this.#engineWebsites = this.#options.prepare?.(loaded.websites) ?? loaded.websites;
    engine.apply(desiredPolling(settings, this.#engineWebsites));
    this.#options.onChange();
  }

  /** The settings as the views and the engine see them from now on; the websites' tokens follow with the next sync. */
  #show(settings: Settings): void {
    this.#settings = settings;
    const loaded = new Map(this.#loaded.map((website) => [website.settings.id, website]));
    this.#loaded = sortedWebsites(settings).flatMap((website) => {
      const known = loaded.get(website.id);
      return known ? [{ ...known, settings: website }] : [];
    });
    // The websites as last read; a change to them (a new threshold, a new website) follows with the next sync.
    this.#options.engine.apply(
      desiredPolling(
        settings,
        this.#engineWebsites.filter((website) => settings.websites.some((kept) => kept.id === website.websiteKey)),
      ),
    );
    this.#options.onChange();
  }

  /**
   * A damaged settings file lost the websites, not their tokens: they come back from the keychain
   * with a notice. A keychain that cannot be asked now is tried again on the next reload
   * (unlock, wake), since the settings still say websites were lost.
   */
  async #restoreLostWebsites(): Promise<void> {
    try {
      const notice = restoreNotice(await this.#options.accounts.restoreLost());
      if (notice) this.#options.notices.add(notice);
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
    }
  }
}
