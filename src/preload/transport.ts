import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Transport } from '../shared/ipc-contract';

export type IpcRendererPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The bridge's only way to main. Listeners get the payload alone: the event object never
 * reaches the page, since its `sender` would hand the page raw IPC.
 */
export function createTransport(ipc: IpcRendererPort): Transport {
  return {
    invoke: (channel, payload) => ipc.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(channel, forward);
      return () => ipc.removeListener(channel, forward);
    },
  };
}
