import { websiteKey } from '../../src/shared/settings-shapes';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Shell } from 'electron';
import { openDataFastUrl } from '../../src/main/open-external';
import { AppShell, type ShellPorts } from '../../src/main/app-shell';
import { TrayService } from '../../src/main/tray-service';
import { NotificationService } from '../../src/main/notification-service';
import { followPower, OnlineGate, retryKeychainOnUnlock } from '../../src/main/lifecycle';
import { PauseReasons } from '../../src/core/polling/pause-reasons';
import { autostartEntry, autostartFilePath, setLinuxAutostart } from '../../src/main/autostart';
import { SettingsWindow } from '../../src/main/settings-window';
import { lockDownWebContents } from '../../src/main/security';
import { sparklineImage } from '../../src/main/images';
import type { NotificationRequest } from '../../src/core/app/spike-notifier';
import { STATE_EVENT } from '../../src/shared/ipc-contract';
import { spikeMessage } from '../../src/core/readings/spike-message';
import { systemClock } from '../../src/core/time/clock';
import { appHarness, eventually, type AppHarness } from '../support/app-harness';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import {
  buildMenu,
  FakeBrowserWindow,
  fakeBrowserWindowClass,
  FakeNotification,
  FakePowerMonitor,
  FakeTray,
  fakeImages,
  notificationHandle,
} from '../support/fake-electron';
import { tempDir } from '../support/temp';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

describe('tray from the running controller', () => {
  let app: AppHarness;
  let tray: FakeTray;
  let shell: AppShell;
  let ports: ShellPorts;
  let sparklinesDrawn: number;
  let windowIsOpen: boolean;
  const opened: string[] = [];
  const sentToWindow: unknown[] = [];

  beforeEach(async () => {
    app = await appHarness(fake.url);
    for (const token of [TEST_TOKENS.shopKey, TEST_TOKENS.blogKey]) {
      await app.addToken(token);
    }
    tray = new FakeTray();
    sparklinesDrawn = 0;
    windowIsOpen = false;
    sentToWindow.length = 0;
    ports = {
      controller: app.controller,
      tray: new TrayService({ tray, platform: 'linux', buildMenu, countImage: () => fakeImages.createEmpty(), templateIcon: () => fakeImages.createEmpty() }),
      sparkline: (points, now) => {
        sparklinesDrawn += 1;
        return sparklineImage(fakeImages, points, now);
      },
      now: () => Date.now(),
      timers: systemClock,
      openInBrowser: (url) => opened.push(url),
      openSettings: () => opened.push('settings'),
      openLogFolder: () => opened.push('log folder'),
      sendToWindow: (channel, payload) => sentToWindow.push([channel, payload]),
      windowOpen: () => windowIsOpen,
      quit: () => opened.push('quit'),
      onError: (error) => {
        throw error;
      },
      updates: null,
    };
    shell = new AppShell(ports);
    // Both websites have been read once (the second is read on the background schedule's first turn).
    await eventually(() => app.controller.engine.states().every((state) => state.visitors !== null));
    shell.render();
  });
  afterEach(() => app.close());

  it('shows the active website and switches from the radio items at once', async () => {
    expect(tray.menu.item('headline').label).toBe('Shop — 42 visitors');
    expect(tray.menu.labels()).toEqual(expect.arrayContaining(['Shop — 42', 'Blog — 7', 'Sum of all websites']));
    const before = fake.requestsTo('/api/v1/analytics/realtime').length;
    tray.menu.click(`website:${app.settings.read().websites[1]?.id ?? ''}`);
    await eventually(() => app.controller.trayView().headline === 'Blog — 7 visitors');
    shell.render();
    expect(tray.menu.item('headline').label).toBe('Blog — 7 visitors');
    // Switching reads the newly chosen website at once (the headline changes before that read lands).
    await eventually(() => fake.requestsTo('/api/v1/analytics/realtime').length > before);
    expect(tray.tooltips.at(-1)).toContain('Blog — 7 visitors');
  });

  it('draws the last-hour image again only for another website or another minute, not for every reading', async () => {
    const drawn = sparklinesDrawn;
    shell.render();
    shell.render();
    expect(sparklinesDrawn).toBe(drawn);
    const newest = (): number | undefined => app.controller.appState().lastHour.at(-1)?.at;
    const before = newest() ?? 0;
    await app.controller.commands.refreshNow();
    await eventually(() => newest() !== before);
    shell.render();
    const sameMinute = Math.floor((newest() ?? 0) / 60_000) === Math.floor(before / 60_000);
    expect(sparklinesDrawn).toBe(sameMinute ? drawn : drawn + 1);
    const afterRefresh = sparklinesDrawn;
    await app.controller.commands.switchWebsite(app.settings.read().websites[1]!.id);
    await eventually(() => app.controller.appState().lastHour.length > 0);
    shell.render();
    expect(sparklinesDrawn).toBe(afterRefresh + 1);
  });

  it('draws the tray from the last hour alone, and builds the window state with its day only while the window is open', () => {
    const between = vi.spyOn(app.controller.engine.history, 'between');
    const hourAgo = Date.now() - 60 * 60_000;
    shell.render();
    expect(between).toHaveBeenCalled();
    expect(between.mock.calls.every(([, from]) => from >= hourAgo)).toBe(true);
    expect(sentToWindow).toEqual([]);

    windowIsOpen = true;
    between.mockClear();
    shell.render();
    expect(between.mock.calls.some(([, from]) => from < hourAgo - 22 * 60 * 60_000)).toBe(true);
    expect(sentToWindow).toEqual([[STATE_EVENT, expect.objectContaining({ headline: 'Shop — 42 visitors' })]]);
    between.mockRestore();
  });

  it('keeps one timer, for when the age the tray shows next changes, and none after it stops', () => {
    const armed: number[] = [];
    const cleared: unknown[] = [];
    const timers = {
      setTimeout: (_callback: () => void, delayMs: number) => armed.push(delayMs),
      clearTimeout: (handle: unknown) => void cleared.push(handle),
    };
    const quiet = new AppShell({ ...ports, timers });
    quiet.render();
    quiet.render();
    // Read moments ago: "updated just now" turns into "1 min ago" within the minute.
    expect(armed).toHaveLength(1);
    expect(armed[0]).toBeGreaterThan(50_000);
    expect(armed[0]).toBeLessThanOrEqual(60_000);
    quiet.stop();
    expect(cleared).toEqual([1]);
  });

  it('sums all websites when chosen', async () => {
    tray.menu.click('sum');
    await eventually(() => app.controller.trayView().sumSelected);
    shell.render();
    expect(tray.menu.item('headline').label).toBe('All websites (2) — 49 visitors');
    expect(tray.menu.item('sum').checked).toBe(true);
  });

  it('snoozes notifications for an hour and turns them back on', async () => {
    tray.menu.click('notifications');
    // Shown at once, and then written to the settings file.
    expect(app.controller.notificationsSnoozed()).toBe(true);
    await eventually(() => app.settings.read().notifications.snoozedUntil !== null);
    const until = app.settings.read().notifications.snoozedUntil ?? 0;
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    shell.render();
    expect(tray.menu.item('notifications').label).toBe('Notifications on');
    tray.menu.click('notifications');
    await eventually(() => !app.controller.notificationsSnoozed());
  });

  it('opens only DataFast URLs, and the settings window from the menu', () => {
    shell.openUrl('https://evil.example.com/');
    shell.openUrl('http://datafa.st/dashboard');
    shell.openUrl('https://datafa.st/dashboard/site_shop');
    tray.menu.click('settings');
    expect(opened).toEqual(['https://datafa.st/dashboard/site_shop', 'settings']);
  });

  it('toggles launch at login through the login-item port', async () => {
    tray.menu.click('login');
    await eventually(() => app.loginItem.length === 1);
    expect(app.loginItem).toEqual([true]);
    expect(app.settings.read().launchAtLogin).toBe(true);
  });

  it('shows a spike that could not be notified at the top of the menu', () => {
    const request: NotificationRequest = {
      websiteKey: websiteKey('x'),
      title: 'Traffic spike on shop.example.com',
      body: '128 visitors now (usually about 30)',
      url: 'https://datafa.st/dashboard/site_shop',
    };
    shell.highlight(request);
    shell.render();
    expect(tray.menu.template[0]?.label).toBe('⚡ Traffic spike on shop.example.com: 128 visitors now (usually about 30)');
    tray.menu.click('highlight');
    expect(opened.at(-1)).toBe('https://datafa.st/dashboard/site_shop');
  });
});

describe('notifications', () => {
  const request: NotificationRequest = {
    websiteKey: websiteKey('w'),
    title: 'Traffic spike on example.com',
    body: '128 visitors now (usually about 30)',
    url: 'https://datafa.st/dashboard/site_shop',
  };

  function notificationService(supported: boolean) {
    const created: FakeNotification[] = [];
    const opened: string[] = [];
    const fallbacks: NotificationRequest[] = [];
    const service = new NotificationService({
      isSupported: () => supported,
      create: (options) => {
        const notification = new FakeNotification(options);
        created.push(notification);
        return notificationHandle(notification);
      },
      openUrl: (url) => opened.push(url),
      fallback: (fallback) => fallbacks.push(fallback),
    });
    return { service, created, opened, fallbacks };
  }

  it('shows the spike and opens the dashboard when clicked', () => {
    const { service, created, opened } = notificationService(true);
    service.show(request);
    expect(created[0]?.options).toMatchObject({ title: 'Traffic spike on example.com', body: '128 visitors now (usually about 30)' });
    expect(created[0]?.shown).toBe(true);
    expect(service.pending).toBe(1);
    created[0]?.emit('click');
    expect(opened).toEqual(['https://datafa.st/dashboard/site_shop']);
    expect(service.pending).toBe(0);
  });

  it('falls back to the tray when a notification fails or is unsupported', () => {
    const failing = notificationService(true);
    failing.service.show(request);
    failing.created[0]?.emit('failed');
    expect(failing.fallbacks).toEqual([request]);
    const unsupported = notificationService(false);
    unsupported.service.show(request);
    expect(unsupported.created).toEqual([]);
    expect(unsupported.fallbacks).toEqual([request]);
  });

  it('words a spike as people read it', () => {
    const spike = { websiteKey: websiteKey('w'), visitors: 128, baseline: 30, reason: 'above-usual' as const, at: 0 };
    expect(spikeMessage(spike, 'example.com', null)).toEqual({ title: 'Traffic spike on example.com', body: '128 visitors now (usually about 30)' });
    expect(spikeMessage({ ...spike, reason: 'threshold', baseline: null }, 'example.com', 100).body).toBe('128 visitors now (your alert level is 100)');
  });

  it('respects off and snooze, and sends a test notification on request', async () => {
    const app = await appHarness(fake.url);
    try {
      app.controller.testNotification();
      expect(app.notifications[0]).toMatchObject({ title: 'Traffic spike on example.com (test)' });
      await app.controller.commands.updateSettings({ notifications: { enabled: false } });
      expect(app.controller.settings.notifications.enabled).toBe(false);
      await app.controller.commands.snoozeNotifications(60_000);
      expect(app.controller.notificationsSnoozed()).toBe(true);
      await app.controller.commands.resumeNotifications();
      expect(app.controller.settings.notifications).toMatchObject({ enabled: true, snoozedUntil: null });
    } finally {
      await app.close();
    }
  });
});

describe('lifecycle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const recorder = (calls: string[]) => new PauseReasons({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });

  it.each([
    ['darwin', ['pause', 'resume', 'pause', 'resume']],
    ['win32', ['pause', 'resume', 'pause', 'resume']],
    ['linux', ['pause', 'resume']],
  ] as const)('on %s pauses on suspend and while the screen is locked (where Electron reports it), one resume each', (platform, expected) => {
    const power = new FakePowerMonitor();
    const calls: string[] = [];
    followPower(power.asPowerMonitor(), recorder(calls), platform);
    power.emit('suspend');
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('lock-screen');
    power.emit('unlock-screen');
    expect(calls).toEqual(expected);
  });

  it('stays paused when the screen is unlocked while still offline, and reads once when back online', () => {
    vi.useFakeTimers();
    let online = true;
    const calls: string[] = [];
    const pauses = recorder(calls);
    const power = new FakePowerMonitor();
    followPower(power.asPowerMonitor(), pauses, 'darwin');
    const gate = new OnlineGate({ isOnline: () => online, pauses, timers: systemClock, everyMs: 1_000 });
    power.emit('lock-screen');
    online = false;
    gate.networkFailed();
    power.emit('unlock-screen');
    power.emit('suspend');
    power.emit('resume');
    expect(calls).toEqual(['pause']);
    online = true;
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['pause', 'resume']);
    gate.stop();
  });

  it('checks connectivity only at start and after a network failure, and on a timer only while offline', () => {
    let online = true;
    const calls: string[] = [];
    const armed: Array<() => void> = [];
    const timers = { setTimeout: (callback: () => void) => armed.push(callback), clearTimeout: () => undefined };
    const gate = new OnlineGate({ isOnline: () => online, pauses: recorder(calls), timers });
    gate.networkFailed();
    // Online, and DataFast alone was unreachable: nothing is held, nothing ticks.
    expect([calls, armed.length]).toEqual([[], 0]);
    online = false;
    gate.networkFailed();
    gate.networkFailed();
    expect([calls, armed.length]).toEqual([['pause'], 1]);
    armed[0]!();
    expect([calls, armed.length]).toEqual([['pause'], 2]);
    online = true;
    armed[1]!();
    expect([calls, armed.length]).toEqual([['pause', 'resume'], 2]);
  });

  it('holds polling from the start when the computer starts offline', () => {
    const calls: string[] = [];
    const gate = new OnlineGate({ isOnline: () => false, pauses: recorder(calls), timers: systemClock });
    expect(calls).toEqual(['pause']);
    gate.stop();
  });

  it('reads the keychain again when the screen is unlocked or the computer wakes', () => {
    const power = new FakePowerMonitor();
    let retries = 0;
    retryKeychainOnUnlock(power.asPowerMonitor(), () => (retries += 1));
    power.emit('unlock-screen');
    power.emit('resume');
    power.emit('suspend');
    expect(retries).toBe(2);
  });

  it('pauses while offline and resumes once when back online', () => {
    vi.useFakeTimers();
    let online = true;
    const calls: string[] = [];
    const gate = new OnlineGate({ isOnline: () => online, pauses: recorder(calls), timers: systemClock, everyMs: 1_000 });
    vi.advanceTimersByTime(3_000);
    online = false;
    gate.networkFailed();
    vi.advanceTimersByTime(3_000);
    online = true;
    vi.advanceTimersByTime(3_000);
    expect(calls).toEqual(['pause', 'resume']);
    gate.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauses and resumes the real engine with one fresh read', async () => {
    const app = await appHarness(fake.url);
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      await eventually(() => app.controller.trayView().visitors === 42);
      app.controller.pause();
      expect(app.controller.trayView().detail).toMatch(/^paused/);
      const before = fake.requestsTo('/api/v1/analytics/realtime').length;
      app.controller.resume();
      await eventually(() => fake.requestsTo('/api/v1/analytics/realtime').length === before + 1);
    } finally {
      await app.close();
    }
  });
});

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
