import { describe, expect, it } from 'vitest';
import type { Shell } from 'electron';
import { openDataFastUrl } from '../../src/main/open-external';
import { SettingsWindow } from '../../src/main/settings-window';
import { lockDownWebContents } from '../../src/main/security';
import { FakeBrowserWindow, fakeBrowserWindowClass } from '../support/fake-electron';

describe('settings window and web contents', () => {
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

  it('opens only https DataFast URLs in the browser', () => {
    const opened: string[] = [];
    const shell = { openExternal: (url: string) => Promise.resolve(void opened.push(url)) } as Pick<Shell, 'openExternal'>;
    expect(openDataFastUrl(shell, 'https://datafa.st/dashboard/site_shop')).toBe(true);
    const lookAlikes = [
      'https://evildatafa.st/',
      'https://xdatafa.st/dashboard',
      'https://datafa.st.evil.com/',
      'https://datafa.st@evil.com/',
      'https://datafa.stevil.com/',
    ];
    for (const url of [...lookAlikes, 'http://datafa.st/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@datafa.st/', 'not a url']) {
      expect(openDataFastUrl(shell, url)).toBe(false);
    }
    expect(opened).toEqual(['https://datafa.st/dashboard/site_shop']);
  });

  it('denies new windows, navigation and every permission', () => {
    const appHandlers: Array<(event: unknown, contents: unknown) => void> = [];
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    lockDownWebContents(
      { on: (_event: string, handler: (event: unknown, contents: unknown) => void) => appHandlers.push(handler) } as unknown as Electron.App,
      {
        setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
        setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      } as unknown as Electron.Session,
    );
    const granted: boolean[] = [];
    requestHandler!({}, 'geolocation', (value) => granted.push(value));
    expect(granted).toEqual([false]);
    expect(checkHandler!()).toBe(false);
    let openHandler: (() => { action: string }) | null = null;
    const prevented: string[] = [];
    const contents = {
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      on: (event: string, handler: (e: { preventDefault: () => void }) => void) => handler({ preventDefault: () => prevented.push(event) }),
    };
    appHandlers[0]!({}, contents);
    expect(openHandler!()).toEqual({ action: 'deny' });
    expect(prevented).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
  });
});
