import { join } from 'node:path';
import { PRODUCT_NAME } from '../../shared/app-identity';

export interface PathEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
}

/** Where Linux desktops keep per-user configuration (XDG Base Directory). */
export function xdgConfigHome(env: PathEnvironment['env'], homedir: string): string {
  return env['XDG_CONFIG_HOME'] || join(homedir, '.config');
}

/**
 * The settings folder: where Electron's `app.getPath('userData')` points for our product name, so
 * the app and the runner share one file. `DATAFAST_MENUBAR_CONFIG_DIR` overrides it (portable use,
 * separate profiles).
 */
export function configDirectory({ env, platform, homedir }: PathEnvironment): string {
  const override = env['DATAFAST_MENUBAR_CONFIG_DIR'];
  if (override) return override;
  switch (platform) {
    case 'darwin':
      return join(homedir, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return join(env['APPDATA'] ?? join(homedir, 'AppData', 'Roaming'), PRODUCT_NAME);
    default:
      return join(xdgConfigHome(env, homedir), PRODUCT_NAME);
  }
}
