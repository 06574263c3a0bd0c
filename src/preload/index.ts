import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api';
import { createTransport } from './transport';

contextBridge.exposeInMainWorld('datafast', createApi(createTransport(ipcRenderer)));
