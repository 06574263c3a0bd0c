import type { WebsiteKey } from '../../shared/settings-shapes';
import type { AppStateView } from '../../shared/view-model';
import type { WebsiteAccounts } from '../accounts/website-accounts';
import type { DataFastClient } from '../datafast/client';
import { errorMessage } from '../datafast/errors';
import type { Clock } from '../time/clock';
import { Engine } from '../polling/engine';
import type { PollOutcome } from '../polling/poll-entry';
import type { History } from '../readings/history';
import type { TrayView } from '../presenting/presenter';
import { HistoryPersister, type HistoryFile } from '../storage/history-file';
import type { SettingsRepository } from '../storage/settings-repository';
import type { Settings, WebsiteSettings } from '../storage/settings-schema';
import type { AppLog } from './app-log';
import { appStateOf, lastHourOf, trayViewOf, type ViewInputs } from './app-views';
import { trayModel, type TrayModel } from './tray-model';
import { Notices } from './notices';
import { SettingsSync, spikeSettingsOf } from './settings-sync';
import { SpikeNotifier, websiteName, type NotificationRequest } from './spike-notifier';
import { LiveFeed } from './live-feed';
import type { SeenStore } from '../live/sale-tracker';
import { saleNotice } from '../live/sale-text';
import type { Sale } from '../live/sales';
import { WebsiteCommands, type LoginItemPort } from './website-commands';

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
  /** Where poll failures are written as they start, change and end. */
  readonly log?: AppLog;
  /** Hears every read's outcome (the shell checks connectivity after a network failure). */
  readonly onPoll?: (outcome: PollOutcome) => void;
  /** Where the ids of sales already told are kept between runs. */
  readonly salesSeen?: SeenStore | null;
}

/** Failures a newer token in the keychain (say, one the runner just saved) may already fix. */
const TOKEN_PROBLEMS: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'missing-token']);

/**
 * The app without Electron: the engine and the units that each do one job (settings sync,
 * commands, spike notifications, notices, views), put together. main renders what this computes;
 * the tray and the window both carry out what a person asks through `commands`, the one
 * commands interface.
 */
export class AppController {
  readonly engine: Engine;
  readonly commands: WebsiteCommands;
  readonly #options: AppControllerOptions;
  readonly #sync: SettingsSync;
  readonly #notices: Notices;
  readonly #spikes: SpikeNotifier;
  readonly #persister: HistoryPersister | null;
  readonly #live: LiveFeed;
  readonly #changeListeners = new Set<() => void>();
  readonly #notifyListeners = new Set<(request: NotificationRequest) => void>();

  /**
   * Each part is a local made from the ones before it, so a part used before it exists is a
   * compile error, not an undefined field at run time; the callbacks between them run only once
   * the app has started.
   */
  constructor(options: AppControllerOptions) {
    this.#options = options;
    const initial = options.settings.read();
    const notices = new Notices(options.notices ?? [], () => this.#emitChange());
    const spikes = new SpikeNotifier({
      settings: () => this.settings,
      clock: options.clock,
      locale: options.locale,
      notify: (request) => {
        for (const listener of this.#notifyListeners) listener(request);
      },
    });
    const engine = new Engine({
      clock: options.clock,
      history: options.history,
      intervalMs: initial.refreshIntervalSeconds * 1000,
      spikeSettings: spikeSettingsOf(initial),
      onUpdate: (outcome) => this.#onRead(outcome),
      onSpike: (spike) => spikes.onSpike(spike),
    });
    const live = new LiveFeed({
      clock: options.clock,
      settings: () => this.settings,
      activeKey: () => engine.activeKey,
      spendBeside: (budgetKey, count) => engine.spendBeside(budgetKey, count),
      seen: options.salesSeen ?? null,
      onSales: (website, sales) => this.#notifySales(website, sales),
      onNotice: (message) => notices.add(message),
      onChange: () => this.#emitChange(),
    });
    const sync = new SettingsSync({
      ...options,
      engine,
      notices,
      onChange: () => this.#emitChange(),
      prepare: (websites) => live.prepare(websites),
    });
    this.#persister = options.historyFile
      ? new HistoryPersister(
          options.historyFile,
          options.history,
          options.clock,
          () => sync.settings.websites.map((w) => w.id),
          (error) => notices.add(`Visitor history could not be saved: ${errorMessage(error)}`),
        )
      : null;
    this.engine = engine;
    this.#notices = notices;
    this.#spikes = spikes;
    this.#live = live;
    this.#sync = sync;
    this.commands = new WebsiteCommands({ ...options, sync, engine, notices });
  }

  /** Every read's outcome: logged, heard by the shell, kept for the history, and a refused token looked up again. */
  #onRead(outcome: PollOutcome): void {
    this.#options.log?.poll(outcome);
    this.#options.onPoll?.(outcome);
    if (outcome.ok) this.#persister?.record(outcome.websiteKey, outcome.at, outcome.visitors);
    if (!outcome.ok && TOKEN_PROBLEMS.has(outcome.error.kind)) void this.#sync.recheckToken(outcome.websiteKey);
    this.#emitChange();
  }

  async start(): Promise<void> {
    await this.#sync.start();
    this.engine.start();
  }

  /** Whether a change is shown that is not on disk yet. */
  get writing(): boolean {
    return this.#sync.writing;
  }

  /** Resolves once every change made so far is on disk: the app waits for it before it quits. */
  settled(): Promise<void> {
    return this.#sync.settled();
  }

  shutdown(): void {
    this.commands.tokenChecks.clear();
    this.#sync.stop();
    this.engine.stop();
    this.#persister?.flushNow();
    this.#live.flush();
  }

  /** Writes the readings not yet on disk (before the computer sleeps, say). */
  saveHistory(): Promise<void> {
    this.#live.flush();
    return this.#persister?.flush() ?? Promise.resolve();
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
    return this.#sync.settings;
  }

  pause(): void {
    this.engine.pause();
    this.#emitChange();
  }

  resume(): void {
    this.#live.quietNextLook();
    this.engine.resume();
    this.#emitChange();
  }

  /** The tray: title, tooltip and menu model. */
  trayView(): TrayView {
    return trayViewOf(this.#viewInputs());
  }

  /**
   * Everything the tray shows, from one snapshot: title, image, tooltip, the last hour and the
   * menu with a command per item. Built without the window's state and its day of history.
   */
  trayModel(shell: { readonly highlight: string | null; readonly updates: string | null }): TrayModel {
    const inputs = this.#viewInputs();
    const view = trayViewOf(inputs);
    const { settings } = inputs;
    return trayModel({
      view,
      lastHour: lastHourOf(inputs, this.#options.history),
      dashboardAvailable: view.activeKey !== null && !view.sumSelected && this.dashboardUrlFor(view.activeKey) !== null,
      notificationsQuiet: !settings.notifications.enabled || this.notificationsSnoozed(),
      launchAtLogin: settings.launchAtLogin,
      ...this.#live.trayInputs(view, this.#options.locale, inputs.now),
      ...shell,
    });
  }

  /** The settings window's state, from one snapshot with its tray view. Tokens appear masked only. */
  appState(): AppStateView {
    const inputs = this.#viewInputs();
    const view = trayViewOf(inputs);
    return appStateOf(inputs, view, this.#options.history, this.#notices.list(), this.#live.windowView(view, this.#options.locale));
  }

  /** Reads every token from the keychain again. */
  reloadTokens(): Promise<void> {
    return this.#sync.resync(true);
  }

  /**
   * After the screen is unlocked or the computer wakes, a keychain that was locked may be open
   * now: the tokens are read again then, but only while the keychain is known to have failed.
   */
  retryKeychain(): Promise<void> {
    return this.#sync.keychainFailed ? this.reloadTokens() : Promise.resolve();
  }

  notificationsSnoozed(): boolean {
    return this.#spikes.snoozed();
  }

  /** A sample notification, so the user sees what a spike looks like (and that notifications work). */
  testNotification(): void {
    this.#spikes.test();
  }

  /** The DataFast dashboard for a website, or DataFast's dashboard list when its id is unknown. */
  dashboardUrlFor(id: WebsiteKey): string | null {
    return this.#spikes.dashboardUrlFor(id);
  }

  /** Checked tokens held until the user saves them or their time runs out. */
  get pendingTokenChecks(): number {
    return this.commands.tokenChecks.pendingCount;
  }

  /** Something the user should know, shown in the settings window until the app quits. */
  notice(message: string): void {
    this.#notices.add(message);
  }

  /** The menu was opened: the sale it marked has been seen. */
  menuOpened(): void {
    this.#live.clearSaleMark();
  }

  #notifySales(website: WebsiteSettings, sales: readonly Sale[]): void {
    const { notifications } = this.#sync.settings;
    // Spikes and sales have a switch each; snoozing quiets both.
    if (!notifications.sales || this.notificationsSnoozed()) return;
    const notice = saleNotice(websiteName(website), sales, { locale: this.#options.locale, showNames: notifications.customerNames });
    for (const listener of this.#notifyListeners) listener({ websiteKey: website.id, ...notice, url: this.dashboardUrlFor(website.id) });
  }

  #viewInputs(): ViewInputs {
    return {
      settings: this.#sync.settings,
      loaded: this.#sync.loaded,
      states: this.engine.states(),
      paused: this.engine.paused,
      now: this.#options.clock.now(),
      locale: this.#options.locale,
    };
  }

  #emitChange(): void {
    for (const listener of this.#changeListeners) listener();
  }
}
