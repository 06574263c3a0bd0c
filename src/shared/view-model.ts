import type { DataFastSiteId, Preferences, ReadingStatus, TokenKind, WebsiteKey } from './settings-shapes';

/** What the settings window is shown. Built in main; never contains a token. */

export interface WebsiteView {
  readonly id: WebsiteKey;
  readonly label: string;
  readonly domain: string | null;
  readonly dataFastSiteId: DataFastSiteId | null;
  readonly tokenKind: TokenKind;
  /** `df_…1234`, never the token. */
  readonly maskedToken: string | null;
  readonly tokenInSessionOnly: boolean;
  readonly spikeThreshold: number | null;
  /** Tell of this website's new sales. */
  readonly notifySales: boolean;
  readonly visitors: number | null;
  readonly countText: string;
  readonly status: ReadingStatus;
  readonly problem: string | null;
  readonly fetchedAt: number | null;
}

/** The preferences the window's settings tab shows, as stored. */
export type SettingsView = Readonly<Preferences>;

export interface HistoryPoint {
  readonly at: number;
  readonly visitors: number;
}

/** What is live on the active website, as counts already written out ("/pricing — 5"): no visitor reaches the window. */
export interface LiveView {
  readonly pages: readonly string[];
  readonly referrers: readonly string[];
  readonly countries: readonly string[];
  readonly customers: string | null;
}

/** Today so far against yesterday by this time: the line the menu shows, and visitors hour by hour. */
export interface TodayView {
  readonly line: string;
  readonly today: readonly number[];
  readonly yesterday: readonly number[];
}

export interface AppStateView {
  readonly websites: readonly WebsiteView[];
  readonly activeWebsiteKey: WebsiteKey | null;
  readonly settings: SettingsView;
  readonly headline: string;
  readonly detail: string;
  readonly lastHour: readonly HistoryPoint[];
  readonly lastDay: readonly HistoryPoint[];
  /** Things the user should know: a settings file set aside, a keychain that is unavailable. */
  readonly notices: readonly string[];
  readonly paused: boolean;
  /** The active website's live details, once its map has been read; null before, or where DataFast refuses them. */
  readonly live: LiveView | null;
  readonly today: TodayView | null;
}

export interface AccountWebsiteChoice {
  readonly dataFastSiteId: DataFastSiteId;
  readonly domain: string;
  readonly name: string | null;
  readonly alreadyAdded: boolean;
}

/** The answer to pasting a token: what it is and what it can see. The token stays in main. */
export type TokenCheckView =
  | { readonly kind: 'website-key'; readonly domain: string; readonly name: string | null; readonly pendingId: string }
  | { readonly kind: 'account-token'; readonly websites: readonly AccountWebsiteChoice[]; readonly pendingId: string };

export interface AddedView {
  readonly added: readonly string[];
  readonly sessionOnly: boolean;
}

/** Every IPC reply: a result, or a message the window can show as it is. */
export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
