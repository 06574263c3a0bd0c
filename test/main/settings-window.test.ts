import { describe, expect, it } from 'vitest';
import { SettingsWindow } from '../../src/main/settings-window';
import { FakeBrowserWindow, fakeBrowserWindowClass } from '../support/fake-electron';

describe('the settings window', () => {
  it('reloads a window whose page process died, once, and says so each time', () => {
    FakeBrowserWindow.created = [];
    const crashes: string[] = [];
    const window = new SettingsWindow({
      BrowserWindow: fakeBrowserWindowClass,
      pagePath: '/app/dist/renderer/index.html',
      preloadPath: '/app/dist/preload.js',
      backgroundColor: () => '#ffffff',
      onCrash: (message) => crashes.push(message),
    });
    window.open();
    const gone = FakeBrowserWindow.created[0]!.webContents.handlers.get('render-process-gone')!;
    gone({}, { reason: 'clean-exit', exitCode: 0 });
    expect(crashes).toEqual([]);
    gone({}, { reason: 'crashed', exitCode: 139 });
    gone({}, { reason: 'oom', exitCode: 1 });
    expect(FakeBrowserWindow.created[0]!.webContents.reload).toHaveBeenCalledTimes(1);
    expect(crashes).toEqual([
      'The settings window stopped (crashed) and was reloaded.',
      'The settings window stopped again (oom); close it and open Settings again.',
    ]);
  });

  it('opens one secure window, reuses it, and destroys it on close', () => {
    FakeBrowserWindow.created = [];
    const window = new SettingsWindow({
      BrowserWindow: fakeBrowserWindowClass,
      pagePath: '/app/dist/renderer/index.html',
      preloadPath: '/app/dist/preload.js',
      backgroundColor: () => '#ffffff',
    });
    expect(window.webContentsId()).toBeNull();
    window.open();
    window.open();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const created = FakeBrowserWindow.created[0]!;
    // Exactly these: a flag added later (experimentalFeatures, enableBlinkFeatures, …) fails here.
    expect(created.options.webPreferences).toEqual({
      preload: '/app/dist/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    const risky: Array<[string, unknown]> = [
      ['nodeIntegration', true],
      ['contextIsolation', false],
      ['sandbox', false],
      ['webSecurity', false],
      ['allowRunningInsecureContent', true],
      ['experimentalFeatures', true],
      ['webviewTag', true],
    ];
    const preferences = created.options.webPreferences as Record<string, unknown>;
    for (const [flag, value] of risky) expect(preferences[flag], flag).not.toBe(value);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(created.loaded).toBe('/app/dist/renderer/index.html');
    expect(window.webContentsId()).toBe(7);
    created.close();
    expect(window.isOpen).toBe(false);
    expect(window.webContentsId()).toBeNull();
    window.open();
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });
});
