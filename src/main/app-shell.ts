import type { NativeImage } from 'electron';
import type { AppController } from '../core/app/app-controller';
import type { NotificationRequest } from '../core/app/spike-notifier';
import type { TrayCommand } from '../core/app/tray-model';
import type { Timers } from '../core/time/clock';
import { isAllowedExternalUrl } from '../core/datafast/dashboard';
import { STATE_EVENT } from '../shared/ipc-contract';
import { menuTemplate } from './tray-menu';
import type { TrayService } from './tray-service';

export interface ShellPorts {
  readonly controller: AppController;
  readonly tray: TrayService;
  readonly sparkline: (points: ReadonlyArray<{ at: number; visitors: number }>, now: number) => NativeImage | null;
  readonly now: () => number;
  /** Wakes the shell when the tray's text changes by itself (its age); nothing else ticks. */
  readonly timers: Timers;
  /** Opens a DataFast page in the user's browser. */
  readonly openInBrowser: (url: string) => void;
  readonly openSettings: () => void;
  /** Shows the folder holding the log file in the file manager. */
  readonly openLogFolder: () => void;
  readonly sendToWindow: (channel: string, payload: unknown) => void;
  /** Whether the settings window is open, so its state is built only for a window that shows it. */
  readonly windowOpen: () => boolean;
  readonly quit: () => void;
  readonly onError: (error: unknown) => void;
  /** The update service, where this copy can update itself. */
  readonly updates: { readonly status: string; checkNow(): Promise<void> } | null;
}

const SNOOZE_MS = 60 * 60_000;

/**
 * Connects the controller to the tray, the menu and the window: renders the tray model, and
 * turns its commands into controller calls. Holds the one piece of shell state, the tray highlight.
 */
export class AppShell {
  readonly #ports: ShellPorts;
  #highlight: NotificationRequest | null = null;
  #renderQueued = false;
  /** The last-hour image, drawn again only when its website or newest reading changes. */
  #sparkline: { readonly key: string; readonly image: NativeImage | null } | null = null;
  /** The one timer the shell keeps: the next time the tray's age text changes. */
  #wake: { readonly at: number; readonly handle: unknown } | null = null;

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
    const highlight = this.#highlight ? `${this.#highlight.title}: ${this.#highlight.body}` : null;
    const model = controller.trayModel({ highlight, updates: this.#ports.updates?.status ?? null });
    const key = model.sparkline?.key ?? 'none';
    if (this.#sparkline?.key !== key)
      this.#sparkline = { key, image: model.sparkline ? this.#ports.sparkline(model.sparkline.points, this.#ports.now()) : null };
    const sparkline = this.#sparkline.image;
    this.#ports.tray.render(
      model,
      menuTemplate(model.items, sparkline, (command) => this.run(command)),
      sparkline ? key : 'none',
    );
    this.#wakeAt(model.changesAt);
    // The window's state carries a day of history: built only while there is a window to show it.
    if (this.#ports.windowOpen()) this.#ports.sendToWindow(STATE_EVENT, controller.appState());
  }

  /** Stops the one timer the shell keeps, at quit. */
  stop(): void {
    this.#wakeAt(null);
  }

  #wakeAt(at: number | null): void {
    if (this.#wake?.at === at) return;
    const { timers } = this.#ports;
    if (this.#wake) timers.clearTimeout(this.#wake.handle);
    this.#wake =
      at === null
        ? null
        : {
            at,
            handle: timers.setTimeout(() => {
              this.#wake = null;
              this.scheduleRender();
            }, at - this.#ports.now()),
          };
  }

  /** A spike that could not be shown as a notification waits at the top of the menu. */
  highlight(request: NotificationRequest): void {
    this.#highlight = request;
    this.scheduleRender();
  }

  openUrl(url: string): void {
    if (isAllowedExternalUrl(url)) this.#ports.openInBrowser(url);
  }

  /** Carries out what a tray menu item asks for. */
  run(command: TrayCommand): void {
    const { controller } = this.#ports;
    const settle = (work: Promise<unknown>): void => {
      work.catch((error: unknown) => this.#ports.onError(error));
    };
    switch (command.kind) {
      case 'switch-website':
        return settle(controller.commands.switchWebsite(command.websiteKey));
      case 'show-sum':
        return settle(controller.commands.setDisplayMode('sum'));
      case 'refresh':
        return settle(controller.commands.refreshNow());
      case 'open-dashboard': {
        const key = controller.trayView().activeKey;
        const url = key ? controller.dashboardUrlFor(key) : null;
        if (url) this.openUrl(url);
        return;
      }
      case 'open-website-dashboard': {
        const url = controller.dashboardUrlFor(command.websiteKey);
        controller.menuOpened();
        if (url) this.openUrl(url);
        return;
      }
      case 'snooze':
        return settle(controller.commands.snoozeNotifications(SNOOZE_MS));
      case 'resume-notifications':
        return settle(controller.commands.resumeNotifications());
      case 'open-settings':
        return this.#ports.openSettings();
      case 'set-launch-at-login':
        return settle(controller.commands.updateSettings({ launchAtLogin: command.enabled }));
      case 'open-highlight': {
        const url = this.#highlight?.url ?? null;
        this.#highlight = null;
        if (url) this.openUrl(url);
        return this.scheduleRender();
      }
      case 'check-for-updates':
        if (this.#ports.updates) settle(this.#ports.updates.checkNow());
        return;
      case 'open-log-folder':
        return this.#ports.openLogFolder();
      case 'quit':
        return this.#ports.quit();
    }
  }
}
