import type { HistoryPoint } from '../../shared/view-model';
import type { ReadingStatus, WebsiteKey } from '../../shared/settings-shapes';
import { firstSentence, type TrayView } from '../presenting/presenter';
import type { LiveLines } from '../live/live-lines';

/** How often the last-hour chart may change. */
export const SPARKLINE_STEP_MS = 60_000;

/** What a menu item does when chosen; the shell maps each to one call. */
export type TrayCommand =
  | { readonly kind: 'switch-website'; readonly websiteKey: WebsiteKey }
  /** A website's dashboard, not necessarily the active one's (a sale on another website). */
  | { readonly kind: 'open-website-dashboard'; readonly websiteKey: WebsiteKey }
  | { readonly kind: 'set-launch-at-login'; readonly enabled: boolean }
  | {
      readonly kind:
        | 'show-sum'
        | 'refresh'
        | 'open-dashboard'
        | 'snooze'
        | 'resume-notifications'
        | 'open-settings'
        | 'open-highlight'
        | 'check-for-updates'
        | 'open-log-folder'
        | 'quit';
    };

type SimpleCommand = Exclude<TrayCommand, { kind: 'switch-website' | 'set-launch-at-login' | 'open-website-dashboard' }>['kind'];

/** One menu line as data: what it says, its state, and the command it runs. */
export type TrayMenuItem =
  | { readonly type: 'separator' }
  /** A line that informs and does nothing. */
  | { readonly type: 'info'; readonly id: string; readonly label: string }
  /** The last hour's chart; the shell draws the image. */
  | { readonly type: 'sparkline'; readonly id: 'sparkline'; readonly label: string }
  | {
      readonly type: 'action';
      readonly id: string;
      readonly label: string;
      readonly command: TrayCommand;
      readonly enabled: boolean;
      readonly accelerator?: string;
    }
  | {
      readonly type: 'radio' | 'checkbox';
      readonly id: string;
      readonly label: string;
      readonly checked: boolean;
      readonly command: TrayCommand;
      /** The first sentence of a problem, under the label; the whole of it as the item's tooltip. */
      readonly sublabel?: string;
      readonly toolTip?: string;
    }
  | { readonly type: 'submenu'; readonly id: string; readonly label: string; readonly items: readonly TrayMenuItem[] };

/** Everything the tray shows, from one state: one render draws it all. */
export interface TrayModel {
  /** macOS draws this text; Windows and Linux draw `image`. */
  readonly title: string;
  readonly tooltip: string;
  /** `sale`: a new sale is marked (a green badge on Windows and Linux). */
  readonly image: { readonly visitors: number | null; readonly status: ReadingStatus; readonly sale: boolean };
  /** The active website's last hour, with a key that changes with the website and once a minute at most. */
  readonly sparkline: { readonly key: string; readonly points: readonly HistoryPoint[] } | null;
  readonly items: readonly TrayMenuItem[];
  /** When the tray's text changes with no new reading (its age): the one time the shell wakes for it. */
  readonly changesAt: number | null;
}

/** What the tray needs besides the presenter's view: settings, the shell's own state, the last hour. */
export interface TrayModelInputs {
  readonly view: TrayView;
  readonly lastHour: readonly HistoryPoint[];
  readonly dashboardAvailable: boolean;
  /** Notifications are off or snoozed: the menu offers to turn them back on. */
  readonly notificationsQuiet: boolean;
  readonly launchAtLogin: boolean;
  /** A spike that could not be shown as a notification, shown here instead. */
  readonly highlight: string | null;
  /** The update item's label, or null where this copy cannot update itself. */
  readonly updates: string | null;
  /** The active website's "Live now" lines, once its map has been read. */
  readonly live: LiveLines | null;
  /** "Today: 1,204 visitors (+12% vs yesterday) · $2,340 revenue", once read. */
  readonly today: string | null;
  /** A sale just told, until the menu is opened or its time is up. */
  readonly sale: { readonly websiteKey: WebsiteKey; readonly text: string; readonly until: number } | null;
}

/** What the title adds while a sale is marked: "42 · $". */
export const SALE_MARK = ' · $';

const action = (id: string, label: string, command: SimpleCommand, extra: { enabled?: boolean; accelerator?: string } = {}): TrayMenuItem => ({
  type: 'action',
  id,
  label,
  command: { kind: command },
  enabled: extra.enabled ?? true,
  ...(extra.accelerator !== undefined && { accelerator: extra.accelerator }),
});

/**
 * The tray as data. Everything is reachable from the menu, because Linux AppIndicator trays
 * deliver neither clicks nor tooltips reliably.
 */
export function trayModel(inputs: TrayModelInputs): TrayModel {
  const { view } = inputs;
  const items: TrayMenuItem[] = [];
  if (inputs.highlight !== null) items.push(action('highlight', `⚡ ${inputs.highlight}`, 'open-highlight'), { type: 'separator' });
  const { sale } = inputs;
  if (sale) {
    items.push(
      { type: 'action', id: 'sale', label: `$ ${sale.text}`, command: { kind: 'open-website-dashboard', websiteKey: sale.websiteKey }, enabled: true },
      { type: 'separator' },
    );
  }
  items.push({ type: 'info', id: 'headline', label: view.headline }, { type: 'info', id: 'detail', label: view.detail });
  if (inputs.today !== null) items.push(action('today', inputs.today, 'open-dashboard', { enabled: inputs.dashboardAvailable }));
  const last = inputs.lastHour.at(-1);
  // The chart spans an hour in 120 pixels, so it is drawn again once a minute at most, not after every reading.
  const sparkline = last ? { key: `${view.activeKey ?? ''}|${Math.floor(last.at / SPARKLINE_STEP_MS)}`, points: inputs.lastHour } : null;
  if (sparkline) items.push({ type: 'sparkline', id: 'sparkline', label: 'Last hour' });
  if (inputs.live) items.push({ type: 'separator' }, ...liveItems(inputs.live, inputs.dashboardAvailable));
  if (view.websites.length > 0) {
    items.push({ type: 'separator' });
    for (const website of view.websites) {
      items.push({
        type: 'radio',
        id: `website:${website.websiteKey}`,
        label: website.menuLabel,
        checked: website.checked,
        command: { kind: 'switch-website', websiteKey: website.websiteKey },
        ...(website.problem !== null && { sublabel: firstSentence(website.problem), toolTip: website.problem }),
      });
    }
    if (view.websites.length > 1) {
      items.push({ type: 'radio', id: 'sum', label: 'Sum of all websites', checked: view.sumSelected, command: { kind: 'show-sum' } });
    }
  }
  items.push(
    { type: 'separator' },
    action('refresh', 'Refresh now', 'refresh', { enabled: view.websites.length > 0, accelerator: 'CmdOrCtrl+R' }),
    action('dashboard', 'Open dashboard', 'open-dashboard', { enabled: inputs.dashboardAvailable, accelerator: 'CmdOrCtrl+D' }),
    { type: 'separator' },
    inputs.notificationsQuiet
      ? action('notifications', 'Notifications on', 'resume-notifications')
      : action('notifications', 'Snooze notifications for 1 hour', 'snooze'),
    action('settings', 'Settings…', 'open-settings', { accelerator: 'CmdOrCtrl+,' }),
    {
      type: 'checkbox',
      id: 'login',
      label: 'Launch at login',
      checked: inputs.launchAtLogin,
      command: { kind: 'set-launch-at-login', enabled: !inputs.launchAtLogin },
    },
    ...(inputs.updates !== null ? [action('updates', inputs.updates, 'check-for-updates')] : []),
    // Help: what a person needs when something goes wrong, and what support will ask for.
    { type: 'submenu', id: 'help', label: 'Help', items: [action('log-folder', 'Open log folder', 'open-log-folder')] },
    { type: 'separator' },
    action('quit', 'Quit DataFast Menubar', 'quit', { accelerator: 'CmdOrCtrl+Q' }),
  );
  const changesAt = sale && (view.ageChangesAt === null || sale.until < view.ageChangesAt) ? sale.until : view.ageChangesAt;
  return {
    title: sale ? `${view.title}${SALE_MARK}` : view.title,
    tooltip: sale ? `${view.tooltip}\n${sale.text}` : view.tooltip,
    image: { visitors: view.visitors, status: view.status, sale: sale !== null },
    sparkline,
    items,
    changesAt,
  };
}

/** "Live now": a line under each heading opens the dashboard, where the whole picture is. */
function liveItems(live: LiveLines, dashboardAvailable: boolean): TrayMenuItem[] {
  const lines = (id: string, label: string, entries: readonly string[]): TrayMenuItem[] =>
    entries.length === 0
      ? []
      : [
          {
            type: 'submenu',
            id,
            label,
            items: entries.map((entry, index) => action(`${id}:${index}`, entry, 'open-dashboard', { enabled: dashboardAvailable })),
          },
        ];
  return [
    { type: 'info', id: 'live', label: 'Live now' },
    ...lines('live-pages', 'Pages', live.pages),
    ...lines('live-referrers', 'Referrers', live.referrers),
    ...lines('live-countries', 'Countries', live.countries),
    ...(live.customers === null ? [] : [action('live-customers', live.customers, 'open-dashboard', { enabled: dashboardAvailable })]),
  ];
}
