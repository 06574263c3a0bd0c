import type { DataFastSiteId, WebsiteKey } from '../shared/settings-shapes';
import { channelName, STATE_EVENT, type Channel, type RequestOf, type ResponseOf, type SettingsPatch, type Transport } from '../shared/ipc-contract';
import type { AppStateView, Reply } from '../shared/view-model';

/**
 * The settings window's whole view of the app: small and named by intention. No raw IPC, no
 * event objects; a token goes in once (`tokens.check`) and never comes back.
 */
export function createApi(transport: Transport) {
  // Main answers every channel with a Reply of that channel's response type (src/main/ipc.ts).
  const call = <C extends Channel>(channel: C, request: RequestOf<C>): Promise<Reply<ResponseOf<C>>> =>
    transport.invoke(channelName(channel), request) as Promise<Reply<ResponseOf<C>>>;
  return {
    state: {
      get: () => call('state:get', null),
      /** Calls back with every new state; returns the unsubscribe function. */
      onChange: (listener: (state: AppStateView) => void): (() => void) => transport.subscribe(STATE_EVENT, (payload) => listener(payload as AppStateView)),
    },
    tokens: {
      check: (token: string) => call('token:check', { token }),
    },
    websites: {
      add: (pendingId: string, dataFastSiteIds: readonly DataFastSiteId[]) => call('websites:add', { pendingId, dataFastSiteIds }),
      addDemo: () => call('websites:add-demo', null),
      rename: (id: WebsiteKey, label: string) => call('websites:rename', { id, label }),
      move: (id: WebsiteKey, direction: 'up' | 'down') => call('websites:move', { id, direction }),
      remove: (id: WebsiteKey) => call('websites:remove', { id }),
      setActive: (id: WebsiteKey) => call('websites:set-active', { id }),
      setThreshold: (id: WebsiteKey, threshold: number | null) => call('websites:set-threshold', { id, threshold }),
      setSales: (id: WebsiteKey, notifySales: boolean) => call('websites:set-sales', { id, notifySales }),
    },
    settings: {
      update: (patch: SettingsPatch) => call('settings:update', patch),
    },
    notifications: {
      test: () => call('notifications:test', null),
    },
    dashboard: {
      open: (id: WebsiteKey) => call('dashboard:open', { id }),
    },
    refresh: () => call('refresh:now', null),
  };
}

export type DatafastApi = ReturnType<typeof createApi>;
