// Runs inside the test browser page, before the settings window's script: the same API the
// preload exposes, over a Playwright binding to the real IPC handlers in the test process.
import { createApi } from '../../src/preload/api';

interface BridgeWindow {
  __datafastInvoke(channel: string, payload: unknown): Promise<unknown>;
  __datafastPush?: (channel: string, payload: unknown) => void;
  datafast?: unknown;
}

const bridgeWindow = window as unknown as BridgeWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

bridgeWindow.datafast = createApi({
  invoke: (channel, payload) => bridgeWindow.__datafastInvoke(channel, payload),
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
});
bridgeWindow.__datafastPush = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};
