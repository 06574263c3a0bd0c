import { describe, expect, it } from 'vitest';
import { showStartupFailure, startupFailureMessage } from '../../src/main/startup-failure';
import { buildMenu, FakeImage, FakeTray } from '../support/fake-electron';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('startup failure', () => {
  it('turns the tray into a report with ways out, each doing what it says', () => {
    const tray = new FakeTray();
    const calls: string[] = [];
    const image = new FakeImage() as unknown as Electron.NativeImage;
    const message = showStartupFailure(tray, {
      error: withCode("EACCES: permission denied, rename '/home/a/.config/DataFast Menubar/config.json'", 'EACCES'),
      image,
      buildMenu,
      actions: { openSettingsFolder: () => calls.push('open'), resetSettings: () => calls.push('reset'), quit: () => calls.push('quit') },
    });
    expect(tray.images).toEqual([image]);
    expect(tray.tooltips).toEqual([message]);
    expect(tray.menu.labels()).toEqual([
      'DataFast Menubar could not start',
      "EACCES: permission denied, rename '/home/a/.config/DataFast Menubar/config.json'.",
      'Open settings folder',
      'Reset settings (keeps a copy)',
      'Quit DataFast Menubar',
    ]);
    for (const id of ['open-folder', 'reset', 'quit']) tray.menu.click(id);
    expect(calls).toEqual(['open', 'reset', 'quit']);
  });

  it('says how to fix what it can name, and never shows a token', () => {
    expect(startupFailureMessage(withCode('EACCES: permission denied', 'EACCES'))).toBe(
      'DataFast Menubar could not start: EACCES: permission denied. The settings folder cannot be written: check its permissions, or reset the settings.',
    );
    expect(startupFailureMessage(new Error('keytar said df_test_shop_0000000000001234'))).toBe('DataFast Menubar could not start: keytar said df_…1234.');
  });
});
