import { websiteKey } from '../../src/shared/settings-shapes';
import type { IpcRendererEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/preload/api';
import { createTransport, type IpcRendererPort } from '../../src/preload/transport';
import { channelName, STATE_EVENT } from '../../src/shared/ipc-contract';

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** The part of ipcRenderer the bridge uses, delivering messages the way Electron does: event first. */
class FakeIpcRenderer {
  readonly listeners = new Map<string, Set<Listener>>();
  readonly invoked: Array<[string, unknown]> = [];
  readonly event = { sender: { send: () => undefined }, senderId: 0 } as unknown as IpcRendererEvent;

  asPort(): IpcRendererPort {
    return {
      invoke: (channel: string, ...args: unknown[]) => {
        this.invoked.push([channel, args[0]]);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, listener: Listener) => {
        const set = this.listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        this.listeners.set(channel, set);
        return this as unknown as Electron.IpcRenderer;
      },
      removeListener: (channel: string, listener: Listener) => {
        this.listeners.get(channel)?.delete(listener);
        return this as unknown as Electron.IpcRenderer;
      },
    };
  }

  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(this.event, payload);
  }
}

describe('preload bridge', () => {
  it('hands state listeners the payload alone, never the event object', () => {
    const ipc = new FakeIpcRenderer();
    const api = createApi(createTransport(ipc.asPort()));
    const received: unknown[][] = [];
    const unsubscribe = api.state.onChange((...args: unknown[]) => received.push(args));
    ipc.emit(STATE_EVENT, { websites: [] });
    expect(received).toEqual([[{ websites: [] }]]);
    unsubscribe();
    ipc.emit(STATE_EVENT, { websites: [] });
    expect(received).toHaveLength(1);
    expect(ipc.listeners.get(STATE_EVENT)?.size).toBe(0);
  });

  it('sends each call on its own prefixed channel with its payload only', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createApi(createTransport(ipc.asPort()));
    await api.websites.rename(websiteKey('w_1'), 'Shop');
    expect(ipc.invoked).toEqual([[channelName('websites:rename'), { id: 'w_1', label: 'Shop' }]]);
  });
});
