import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFilePath, setLinuxAutostart } from '../../src/main/autostart';
import { tempDir } from '../support/temp';

describe('launch at login on Linux', () => {
  it('writes and removes an autostart desktop entry', () => {
    const dir = tempDir();
    try {
      const path = autostartFilePath({ XDG_CONFIG_HOME: dir.path }, '/home/ada');
      expect(path).toBe(join(dir.path, 'autostart', 'datafast-menubar.desktop'));
      setLinuxAutostart(path, '/opt/DataFast Menubar/datafast-menubar', true);
      const entry = readFileSync(path, 'utf8');
      expect(entry).toContain('[Desktop Entry]');
      expect(entry).toContain('Exec="/opt/DataFast Menubar/datafast-menubar" --hidden');
      setLinuxAutostart(path, '/opt/x', false);
      expect(existsSync(path)).toBe(false);
      expect(autostartEntry('/a/$b"c')).toContain('Exec="/a/\\$b\\"c" --hidden');
    } finally {
      dir.remove();
    }
  });
});
