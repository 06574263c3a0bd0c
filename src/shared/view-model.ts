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
