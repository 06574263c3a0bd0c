import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Transport } from '../shared/ipc-contract';
import { createApi } from './api';

const transport: Transport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (channel, listener) => {
    // The event object never reaches the page: it would expose `sender`.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.removeListener(channel, forward);
  },
};

contextBridge.exposeInMainWorld('datafast', createApi(transport));
