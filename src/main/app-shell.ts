import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { AppController } from '../core/app/app-controller';
import type { NotificationRequest } from '../core/app/spike-notifier';
import type { TrayView } from '../core/readings/presenter';
import { isAllowedExternalUrl } from '../core/datafast/dashboard';
import { STATE_EVENT } from '../shared/ipc-contract';
import { trayMenuTemplate, type TrayActions } from './tray-menu';
import type { TrayService } from './tray-service';

export interface ShellPorts {
  readonly controller: AppController;
  readonly tray: TrayService;
  readonly sparkline: (points: ReadonlyArray<{ at: number; visitors: number }>, now: number) => NativeImage | null;
  readonly now: () => number;
  /** Opens a DataFast page in the user's browser. */
  readonly openInBrowser: (url: string) => void;
  readonly openSettings: () => void;
  /** Shows the folder holding the log file in the file manager. */
  readonly openLogFolder: () => void;
  readonly sendToWindow: (channel: string, payload: unknown) => void;
  readonly quit: () => void;
  readonly onError: (error: unknown) => void;
  /** The update service, where this copy can update itself. */
  readonly updates: { readonly status: string; checkNow(): Promise<void> } | null;
}

const SNOOZE_MS = 60 * 60_000;

/**
 * Connects the controller to the tray, the menu and the window: renders state, and turns menu
 * clicks into controller commands. Holds the one piece of shell state, the tray highlight.
 */
export class AppShell {
  readonly #ports: ShellPorts;
  #highlight: NotificationRequest | null = null;
  #renderQueued = false;
  /** The last-hour image, drawn again only when its website or newest reading changes. */
  #sparkline: { readonly key: string; readonly image: NativeImage | null } | null = null;

  constructor(ports: ShellPorts) {
    this.#ports = ports;
    ports.controller.onChange(() => this.scheduleRender());
  }

  /** Many changes in one turn of the event loop render once. */
  scheduleRender(): void {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.render();
    });
  }

  render(): void {
    const { controller } = this.#ports;
    const view = controller.trayView();
    const state = controller.appState(view);
    const lastPoint = state.lastHour.at(-1);
    const key = lastPoint ? `${state.activeWebsiteKey ?? ''}|${lastPoint.at}|${lastPoint.visitors}` : 'none';
    if (this.#sparkline?.key !== key) this.#sparkline = { key, image: this.#ports.sparkline(state.lastHour, this.#ports.now()) };
    const sparkline = this.#sparkline.image;
    this.#ports.tray.render(view, this.menuTemplate(view, sparkline), sparkline ? key : 'none');
    this.#ports.sendToWindow(STATE_EVENT, state);
  }

  menuTemplate(view: TrayView, sparkline: NativeImage | null): MenuItemConstructorOptions[] {
    const { controller } = this.#ports;
    const settings = controller.settings;
    return trayMenuTemplate(
      {
        view,
        sparkline,
        dashboardAvailable: view.activeKey !== null && controller.dashboardUrlFor(view.activeKey) !== null && !view.sumSelected,
        notificationsQuiet: !settings.notifications.enabled || controller.notificationsSnoozed(),
        launchAtLogin: settings.launchAtLogin,
        highlight: this.#highlight ? `${this.#highlight.title}: ${this.#highlight.body}` : null,
        updates: this.#ports.updates?.status ?? null,
      },
      this.actions(),
    );
  }

  /** A spike that could not be shown as a notification waits at the top of the menu. */
  highlight(request: NotificationRequest): void {
    this.#highlight = request;
    this.scheduleRender();
  }

  openUrl(url: string): void {
    if (isAllowedExternalUrl(url)) this.#ports.openInBrowser(url);
  }

  actions(): TrayActions {
    const { controller } = this.#ports;
    const run = (work: Promise<unknown>): void => {
      work.catch((error: unknown) => this.#ports.onError(error));
    };
    return {
      switchWebsite: (id) => run(controller.switchWebsite(id)),
      showSum: () => run(controller.setDisplayMode('sum')),
      refresh: () => run(controller.refreshNow()),
      openDashboard: () => {
        const id = controller.trayView().activeKey;
        const url = id ? controller.dashboardUrlFor(id) : null;
        if (url) this.openUrl(url);
      },
      snooze: () => run(controller.snoozeNotifications(SNOOZE_MS)),
      resumeNotifications: () => run(controller.resumeNotifications()),
      openSettings: () => this.#ports.openSettings(),
      setLaunchAtLogin: (enabled) => run(controller.updateSettings({ launchAtLogin: enabled })),
      openHighlight: () => {
        const url = this.#highlight?.url ?? null;
        this.#highlight = null;
        if (url) this.openUrl(url);
        this.scheduleRender();
      },
      checkForUpdates: () => {
        if (this.#ports.updates) run(this.#ports.updates.checkNow());
      },
      openLogFolder: () => this.#ports.openLogFolder(),
      quit: () => this.#ports.quit(),
    };
  }
}
