import { IPC_PREFIX } from './app-identity';
import type { z } from 'zod';
import type { requestValidators } from './ipc-validators';
import type { AddedView, AppStateView, TokenCheckView } from './view-model';

export type { SettingsPatch } from './settings-shapes';

/**
 * Every call the settings window may make and its reply. Requests are the runtime validators'
 * output types; the validators must cover exactly these channels, and the preload API and the
 * handlers are typed from both, so a channel without a reply or a validator does not compile.
 */
export interface IpcReplies {
  'state:get': AppStateView;
  /** The token is checked against DataFast and kept in main under `pendingId`. */
  'token:check': TokenCheckView;
  'websites:add': AddedView;
  'websites:add-demo': AddedView;
  'websites:rename': null;
  'websites:move': null;
  'websites:remove': null;
  'websites:set-active': null;
  'websites:set-threshold': null;
  'websites:set-sales': null;
  'settings:update': null;
  'notifications:test': null;
  'dashboard:open': null;
  'refresh:now': null;
}

export type Channel = keyof IpcReplies;
export type RequestOf<C extends Channel> = z.output<(typeof requestValidators)[C]>;
export type ResponseOf<C extends Channel> = IpcReplies[C];

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
