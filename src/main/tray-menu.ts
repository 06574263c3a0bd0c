import type { WebsiteKey } from '../shared/settings-shapes';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { firstSentence, type TrayView } from '../core/readings/presenter';

export interface TrayActions {
  switchWebsite(id: WebsiteKey): void;
  showSum(): void;
  refresh(): void;
  openDashboard(): void;
  snooze(): void;
  resumeNotifications(): void;
  openSettings(): void;
  setLaunchAtLogin(enabled: boolean): void;
  openHighlight(): void;
  checkForUpdates(): void;
  openLogFolder(): void;
  quit(): void;
}

export interface TrayMenuInput {
  readonly view: TrayView;
  readonly sparkline: NativeImage | null;
  readonly dashboardAvailable: boolean;
  /** Notifications are off or snoozed: the menu offers to turn them back on. */
  readonly notificationsQuiet: boolean;
  readonly launchAtLogin: boolean;
  /** A spike that could not be shown as a notification, shown here instead. */
  readonly highlight: string | null;
  /** The update item's label, or null where this copy cannot update itself. */
  readonly updates: string | null;
}

/**
 * The tray menu, from the presenter's view. Everything is reachable here, because Linux
 * AppIndicator trays deliver neither clicks nor tooltips reliably.
 */
export function trayMenuTemplate(input: TrayMenuInput, actions: TrayActions): MenuItemConstructorOptions[] {
  const { view } = input;
  const items: MenuItemConstructorOptions[] = [];
  if (input.highlight) {
    items.push({ id: 'highlight', label: `⚡ ${input.highlight}`, click: () => actions.openHighlight() }, { type: 'separator' });
  }
  items.push({ id: 'headline', label: view.headline, enabled: false }, { id: 'detail', label: view.detail, enabled: false });
  if (input.sparkline) items.push({ id: 'sparkline', label: 'Last hour', icon: input.sparkline, enabled: false });
  if (view.websites.length > 0) {
    items.push({ type: 'separator' });
    for (const website of view.websites) {
      items.push({
        id: `website:${website.websiteKey}`,
        label: website.menuLabel,
        type: 'radio',
        checked: website.checked,
        ...(website.problem !== null && { sublabel: firstSentence(website.problem), toolTip: website.problem }),
        click: () => actions.switchWebsite(website.websiteKey),
      });
    }
    if (view.websites.length > 1) {
      items.push({ id: 'sum', label: 'Sum of all websites', type: 'radio', checked: view.sumSelected, click: () => actions.showSum() });
    }
  }
  items.push(
    { type: 'separator' },
    { id: 'refresh', label: 'Refresh now', accelerator: 'CmdOrCtrl+R', enabled: view.websites.length > 0, click: () => actions.refresh() },
    { id: 'dashboard', label: 'Open dashboard', accelerator: 'CmdOrCtrl+D', enabled: input.dashboardAvailable, click: () => actions.openDashboard() },
    { type: 'separator' },
    input.notificationsQuiet
      ? { id: 'notifications', label: 'Notifications on', click: () => actions.resumeNotifications() }
      : { id: 'notifications', label: 'Snooze notifications for 1 hour', click: () => actions.snooze() },
    { id: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.openSettings() },
    { id: 'login', label: 'Launch at login', type: 'checkbox', checked: input.launchAtLogin, click: (item) => actions.setLaunchAtLogin(item.checked) },
    ...(input.updates !== null ? [{ id: 'updates', label: input.updates, click: () => actions.checkForUpdates() }] : []),
    // Help: what a person needs when something goes wrong, and what support will ask for.
    { id: 'help', label: 'Help', submenu: [{ id: 'log-folder', label: 'Open log folder', click: () => actions.openLogFolder() }] },
    { type: 'separator' },
    { id: 'quit', label: 'Quit DataFast Menubar', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  );
  return items;
}

/** What a menu shows, without its callbacks: two equal keys mean an identical menu. */
export function menuKey(template: readonly MenuItemConstructorOptions[], sparklineKey: string): string {
  return JSON.stringify([sparklineKey, template.map(({ id, label, sublabel, type, checked, enabled }) => [id, label, sublabel, type, checked, enabled])]);
}
