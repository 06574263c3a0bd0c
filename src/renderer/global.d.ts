import type { DatafastApi } from '../preload/api';

declare global {
  interface Window {
    /** The only bridge to the app, exposed by the preload script. */
    readonly datafast: DatafastApi;
  }
}
