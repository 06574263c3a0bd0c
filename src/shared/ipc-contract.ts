import { IPC_PREFIX } from './app-identity';
import type { AddedView, AppStateView, TokenCheckView } from './view-model';

export interface SettingsPatch {
  readonly refreshIntervalSeconds?: number | undefined;
  readonly displayMode?: 'active' | 'sum' | undefined;
  readonly numberFormat?: 'compact' | 'full' | undefined;
  readonly launchAtLogin?: boolean | undefined;
  readonly notifications?:
    | {
        readonly enabled?: boolean | undefined;
        readonly factor?: number | undefined;
        readonly minimum?: number | undefined;
        readonly cooldownMinutes?: number | undefined;
      }
    | undefined;
}

/**
 * Every call the settings window may make, with its request and reply. The channel list, the
 * preload API, the runtime validators and the handlers are all typed from this, so a channel
 * without a contract does not compile.
 */
export interface IpcContract {
  'state:get': { request: null; response: AppStateView };
  /** The token is checked against DataFast and kept in main under `pendingId`. */
  'token:check': { request: { token: string }; response: TokenCheckView };
  'websites:add': { request: { pendingId: string; websiteIds: readonly string[] }; response: AddedView };
  'websites:add-demo': { request: null; response: AddedView };
  'websites:rename': { request: { id: string; label: string }; response: null };
  'websites:move': { request: { id: string; direction: 'up' | 'down' }; response: null };
  'websites:remove': { request: { id: string }; response: null };
  'websites:set-active': { request: { id: string }; response: null };
  'websites:set-threshold': { request: { id: string; threshold: number | null }; response: null };
  'settings:update': { request: SettingsPatch; response: null };
  'notifications:test': { request: null; response: null };
  'dashboard:open': { request: { id: string }; response: null };
  'refresh:now': { request: null; response: null };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

/** Pushed from main to the window whenever anything it shows changes. */
export const STATE_EVENT = `${IPC_PREFIX}:state`;

export function channelName(channel: Channel): string {
  return `${IPC_PREFIX}:${channel}`;
}

/** The one transport the preload API is written against: ipcRenderer in the app, a binding in tests. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}
