import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDirectory, xdgConfigHome } from '../../../src/core/storage/paths';

describe('the settings folder', () => {
  it("is where Electron keeps the app's data on each system", () => {
    expect(configDirectory({ env: {}, platform: 'darwin', homedir: '/Users/ada' })).toBe(
      join('/Users/ada', 'Library', 'Application Support', 'DataFast Menubar'),
    );
    expect(configDirectory({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\ada' })).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'DataFast Menubar'),
    );
    expect(configDirectory({ env: {}, platform: 'linux', homedir: '/home/ada' })).toBe(join('/home/ada', '.config', 'DataFast Menubar'));
    expect(configDirectory({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', homedir: '/home/ada' })).toBe(join('/cfg', 'DataFast Menubar'));
  });

  it('is the one DATAFAST_MENUBAR_CONFIG_DIR names, on every system', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(configDirectory({ env: { DATAFAST_MENUBAR_CONFIG_DIR: '/profiles/work' }, platform, homedir: '/home/ada' })).toBe('/profiles/work');
    }
  });

  it('falls back to ~/.config where XDG_CONFIG_HOME is unset or empty', () => {
    expect(xdgConfigHome({ XDG_CONFIG_HOME: '' }, '/home/ada')).toBe(join('/home/ada', '.config'));
  });
});
