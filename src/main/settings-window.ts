import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../shared/app-identity';

export interface SettingsWindowOptions {
  /** Electron's BrowserWindow class (a stand-in in tests). */
  readonly BrowserWindow: typeof ElectronBrowserWindow;
  readonly pagePath: string;
  readonly preloadPath: string;
  readonly backgroundColor: () => string;
  /** Told when the window's page process died, and whether it was reloaded. */
  readonly onCrash?: (message: string) => void;
}

/**
 * The settings window: created when opened, destroyed when closed, so no renderer process runs
 * while it is not on screen.
 */
export class SettingsWindow {
  readonly #options: SettingsWindowOptions;
  #window: ElectronBrowserWindow | null = null;

  constructor(options: SettingsWindowOptions) {
    this.#options = options;
  }

  open(): void {
    if (this.#window && !this.#window.isDestroyed()) {
      if (this.#window.isMinimized()) this.#window.restore();
      this.#window.show();
      this.#window.focus();
      return;
    }
    const { BrowserWindow } = this.#options;
    // Written out in place (not spread from a constant) so a reader, and electronegativity, can
    // see that nothing in the page can reach Node, other origins, or open windows.
    const window = new BrowserWindow({
      width: 760,
      height: 640,
      minWidth: 560,
      minHeight: 480,
      show: false,
      title: `${PRODUCT_NAME} Settings`,
      autoHideMenuBar: true,
      backgroundColor: this.#options.backgroundColor(),
      webPreferences: {
        preload: this.#options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        // Middle-click must not open links in new windows.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    this.#window = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    this.#recoverFromCrashes(window);
    void window.loadFile(this.#options.pagePath);
  }

  /**
   * A page process that dies leaves a blank window. It is reloaded once and the crash reported;
   * a second crash of the same window is only reported (closing and reopening starts afresh), so
   * a page that crashes on load cannot spin.
   */
  #recoverFromCrashes(window: ElectronBrowserWindow): void {
    let reloaded = false;
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      if (!reloaded && !window.isDestroyed()) {
        reloaded = true;
        window.webContents.reload();
        this.#options.onCrash?.(`The settings window stopped (${details.reason}) and was reloaded.`);
        return;
      }
      this.#options.onCrash?.(`The settings window stopped again (${details.reason}); close it and open Settings again.`);
    });
  }

  /** The webContents id IPC calls must come from, or null while closed. */
  webContentsId(): number | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window.webContents.id : null;
  }

  send(channel: string, payload: unknown): void {
    if (this.#window && !this.#window.isDestroyed()) this.#window.webContents.send(channel, payload);
  }

  get isOpen(): boolean {
    return this.#window !== null && !this.#window.isDestroyed();
  }
}
