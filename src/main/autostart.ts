import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { xdgConfigHome } from '../core/storage/paths';
import { PRODUCT_NAME } from '../shared/app-identity';

/** Linux has no login-item API: desktops start what `~/.config/autostart/*.desktop` names. */
export function autostartFilePath(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  return join(xdgConfigHome(env, homedir), 'autostart', 'datafast-menubar.desktop');
}

export function autostartEntry(executable: string): string {
  // Desktop-entry Exec quoting: the path in double quotes, with ", `, $ and \ escaped.
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${PRODUCT_NAME}`,
    'Comment=Live DataFast visitors in your tray',
    `Exec=${quoted} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function setLinuxAutostart(path: string, executable: string, enabled: boolean): void {
  if (!enabled) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, autostartEntry(executable), { mode: 0o644 });
}
