import type { AppUpdater } from 'electron-updater';
import { repeatEvery, type Timers } from '../core/time/clock';

export type UpdateSupport = { readonly supported: true } | { readonly supported: false; readonly reason: string };

export interface UpdateEnvironment {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether this copy can update itself: not in development, and only for the formats
 * electron-updater can replace (macOS zip, Windows NSIS, Linux AppImage; not deb or portable).
 */
export function updateSupport({ isPackaged, platform, env }: UpdateEnvironment): UpdateSupport {
  if (!isPackaged) return { supported: false, reason: 'development build' };
  if (platform === 'linux' && !env['APPIMAGE']) return { supported: false, reason: 'installed by the system package manager' };
  if (platform === 'win32' && env['PORTABLE_EXECUTABLE_DIR']) return { supported: false, reason: 'portable build' };
  return { supported: true };
}

export type UpdaterHandle = Pick<AppUpdater, 'checkForUpdatesAndNotify' | 'on'>;

export const DAILY_MS = 24 * 60 * 60_000;
const CHECK_FAILED = 'Update check failed; try again later';

export interface UpdateServiceOptions {
  readonly updater: UpdaterHandle;
  readonly timers: Timers;
  readonly onStatus: (status: string) => void;
}

/**
 * Checks for updates at start and once a day, and on request from the tray menu. The download
 * happens in the background; electron-updater notifies when it is ready and installs at quit.
 */
export class UpdateService {
  readonly #options: UpdateServiceOptions;
  #stopDaily: () => void = () => undefined;
  #status = 'Check for updates…';

  constructor(options: UpdateServiceOptions) {
    this.#options = options;
    options.updater.on('update-not-available', () => this.#set('Up to date'));
    options.updater.on('update-available', (info) => this.#set(`Downloading version ${info.version}…`));
    options.updater.on('update-downloaded', (info) => this.#set(`Version ${info.version} installs when you quit`));
    options.updater.on('error', () => this.#set(CHECK_FAILED));
  }

  get status(): string {
    return this.#status;
  }

  start(): void {
    void this.checkNow();
    this.#stopDaily = repeatEvery(this.#options.timers, DAILY_MS, () => void this.checkNow());
  }

  stop(): void {
    this.#stopDaily();
  }

  async checkNow(): Promise<void> {
    this.#set('Checking for updates…');
    try {
      await this.#options.updater.checkForUpdatesAndNotify();
    } catch {
      this.#set(CHECK_FAILED);
    }
  }

  #set(status: string): void {
    this.#status = status;
    this.#options.onStatus(status);
  }
}
