import type { LoginItemPort } from '../core/app/website-commands';
import { autostartFilePath, setLinuxAutostart } from './autostart';

export interface LoginItemOptions {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /** What the desktop starts at login: the AppImage where there is one, else the app's own executable. */
  readonly executable: string;
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
}

/**
 * "Launch at login": Electron's login items on macOS and Windows; on Linux, which has no such
 * API, a desktop entry in `~/.config/autostart`.
 */
export function loginItemFor(options: LoginItemOptions): LoginItemPort {
  return {
    set: (enabled) => {
      if (options.platform === 'linux') setLinuxAutostart(autostartFilePath(options.env, options.homedir), options.executable, enabled);
      else options.setLoginItemSettings({ openAtLogin: enabled });
    },
  };
}
