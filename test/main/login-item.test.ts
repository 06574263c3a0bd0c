import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginItemFor } from '../../src/main/login-item';
import { tempDir } from '../support/temp';

describe('launch at login', () => {
  it('on Linux writes a desktop entry in the autostart folder that starts the app hidden, and removes it', async () => {
    const dir = tempDir();
    try {
      const calls: unknown[] = [];
      const item = loginItemFor({
        platform: 'linux',
        env: { XDG_CONFIG_HOME: dir.path },
        homedir: '/home/ada',
        executable: '/opt/DataFast.AppImage',
        setLoginItemSettings: (s) => void calls.push(s),
      });
      const entry = join(dir.path, 'autostart', 'datafast-menubar.desktop');
      await item.set(true);
      expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/DataFast.AppImage" --hidden');
      await item.set(false);
      expect(existsSync(entry)).toBe(false);
      expect(calls).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it.each(['darwin', 'win32'] as const)('on %s asks Electron for a login item and writes no file', async (platform) => {
    const dir = tempDir();
    try {
      const calls: unknown[] = [];
      const item = loginItemFor({
        platform,
        env: { XDG_CONFIG_HOME: dir.path },
        homedir: dir.path,
        executable: '/app',
        setLoginItemSettings: (s) => void calls.push(s),
      });
      await item.set(true);
      await item.set(false);
      expect(calls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
      expect(existsSync(join(dir.path, 'autostart'))).toBe(false);
    } finally {
      dir.remove();
    }
  });
});
