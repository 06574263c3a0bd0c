import { EventEmitter } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App, NotificationConstructorOptions } from 'electron';
import { launch, type ElectronPorts, type RunningApp } from '../../src/main/composition';
import { createConfBackend } from '../support/conf-backend';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';
import { channelName, STATE_EVENT } from '../../src/shared/ipc-contract';
import { requestValidators } from '../../src/shared/ipc-validators';
import { websiteKey } from '../../src/shared/settings-shapes';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import {
  buildMenu,
  FakeBrowserWindow,
  fakeBrowserWindowClass,
  FakeIpcMain,
  fakeImages,
  FakeNotification,
  FakePowerMonitor,
  FakeTray,
} from '../support/fake-electron';
import { MemoryKeychain } from '../support/memory-keychain';
import { shopWebsite } from '../support/settings-fixtures';
import { eventually } from '../support/app-harness';
import { filesBelow, tempDir } from '../support/temp';
import { createServer, type Server, type Socket } from 'node:net';

const LINUX: NodeJS.Platform = 'linux';
const APP_DIRECTORY = resolve(__dirname, '../../dist');
const PAGE_URL = `file://${join(APP_DIRECTORY, 'renderer', 'index.html')}`;

/** Electron as typed fakes, recording what the composition root does with each part. */
class FakeElectron {
  readonly tray = new FakeTray();
  readonly ipcMain = new FakeIpcMain();
  readonly power = new FakePowerMonitor();
  readonly process: EventEmitter & { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; argv: string[]; execPath: string } = Object.assign(new EventEmitter(), {
    platform: LINUX,
    env: {},
    argv: [],
    execPath: '/opt/app',
  });
  readonly appEvents = new Map<string, (event?: { preventDefault(): void }) => void>();
  readonly notifications: FakeNotification[] = [];
  readonly opened: string[] = [];
  readonly calls: string[] = [];
  readonly keychain = new MemoryKeychain();
  /** Set to make the settings file refuse every write, as a full disk would. */
  diskFull = false;
  /** What `net.isOnline()` answers, call by call. */
  isOnline: () => boolean = () => true;

  constructor(readonly home: string) {
    this.process.env = { HOME: home, DATAFAST_MENUBAR_CONFIG_DIR: join(home, 'config') };
  }

  get configDirectory(): string {
    return join(this.home, 'config');
  }

  ports(): ElectronPorts {
    const app = {
      getPath: (name: string) => (name === 'logs' ? join(this.home, 'logs') : this.home),
      getLocale: () => 'en-US',
      on: (event: string, listener: (event?: { preventDefault(): void }) => void) => {
        this.appEvents.set(event, listener);
        return app;
      },
      relaunch: () => void this.calls.push('relaunch'),
      exit: (code?: number) => void this.calls.push(`exit ${code ?? 0}`),
      quit: () => void this.calls.push('quit'),
      isPackaged: false,
      setLoginItemSettings: () => undefined,
      dock: { hide: () => void this.calls.push('dock hidden') },
    };
    return {
      app: app as unknown as ElectronPorts['app'] & Pick<App, 'on'>,
      BrowserWindow: fakeBrowserWindowClass,
      ipcMain: this.ipcMain,
      buildMenu,
      images: fakeImages,
      createTray: () => this.tray,
      nativeTheme: { shouldUseDarkColors: false },
      net: { fetch: (input, init) => fetch(input, init), isOnline: () => this.isOnline() },
      notifications: {
        isSupported: () => true,
        create: (options: NotificationConstructorOptions) => {
          const notification = new FakeNotification(options);
          this.notifications.push(notification);
          return notification as unknown as ReturnType<ElectronPorts['notifications']['create']>;
        },
      },
      powerMonitor: this.power.asPowerMonitor(),
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
      shell: {
        openPath: (path) => {
          this.opened.push(path);
          return Promise.resolve('');
        },
        openExternal: (url) => {
          this.opened.push(url);
          return Promise.resolve();
        },
      },
      autoUpdater: { checkForUpdatesAndNotify: () => Promise.resolve(null), on: () => undefined } as unknown as ElectronPorts['autoUpdater'],
      createSettingsBackend: (directory) => {
        const conf = createConfBackend(directory);
        const diskFull = (): boolean => this.diskFull;
        return {
          path: conf.path,
          get store() {
            return conf.store;
          },
          set store(value) {
            if (diskFull()) throw new Error('ENOSPC: no space left on device, write');
            conf.store = value;
          },
        };
      },
      keychain: { loadBackend: () => Promise.resolve(this.keychain), lockState: () => Promise.resolve('unlocked') },
      process: this.process,
      appDirectory: APP_DIRECTORY,
    };
  }

  /** Calls an IPC channel as the settings window's own page would. */
  invoke(channel: Parameters<typeof channelName>[0], payload: unknown): unknown {
    const window = FakeBrowserWindow.created.at(-1);
    return this.ipcMain.invoke(channelName(channel), { id: window?.webContents.id ?? -1, url: PAGE_URL, mainFrame: true }, payload);
  }

  /** Asks the app to quit, as Electron does; true when it held the quit (it calls app.quit again itself when ready). */
  quit(): boolean {
    let held = false;
    this.appEvents.get('before-quit')?.({ preventDefault: () => void (held = true) });
    return held;
  }
}

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

describe('the composition root, in process', () => {
  let home: ReturnType<typeof tempDir>;
  let electron: FakeElectron;
  let running: RunningApp | null = null;

  const start = async (argv: string[] = []): Promise<RunningApp> => {
    electron.process.argv = argv;
    running = await launch(electron.ports());
    if (!running) throw new Error(`did not start: ${electron.tray.tooltips.join(' ')}`);
    return running;
  };

  const configure = (settings: object): void => {
    mkdirSync(electron.configDirectory, { recursive: true });
    writeFileSync(join(electron.configDirectory, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, apiUrl: fake.url, ...settings }));
  };

  beforeEach(() => {
    home = tempDir();
    electron = new FakeElectron(home.path);
    FakeBrowserWindow.created = [];
    running = null;
  });
  afterEach(() => {
    electron.quit();
    home.remove();
  });

  it('starts a first run with the tray, every IPC channel, and the settings window open', async () => {
    await start();
    expect(electron.calls).toContain('dock hidden');
    expect(electron.tray.menu.labels()).toEqual(expect.arrayContaining(['No websites yet', 'Settings…', 'Quit DataFast Menubar']));
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(
      Object.keys(requestValidators)
        .map((channel) => channelName(channel as never))
        .sort(),
    );
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]?.loaded).toBe(join(APP_DIRECTORY, 'renderer', 'index.html'));
  });

  it('stays in the tray when started hidden at login', async () => {
    await start(['--hidden']);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    electron.appEvents.get('second-instance')?.();
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('reads a configured website, answers the window over IPC and pushes state while it is open', async () => {
    await electron.keychain.setPassword('DataFast Menubar', 'w_shop', TEST_TOKENS.shopKey);
    configure({ websites: [shopWebsite({ apiOrigin: new URL(fake.url).origin })], activeWebsiteKey: 'w_shop' });
    const app = await start(['--hidden']);
    await eventually(() => app.controller.trayView().visitors === 42);
    app.shell.render();
    expect(electron.tray.tooltips.at(-1)).toContain('42 visitors');

    electron.tray.menu.click('settings');
    const window = FakeBrowserWindow.created[0]!;
    await expect(electron.invoke('state:get', null)).resolves.toMatchObject({ ok: true, value: { headline: 'Shop — 42 visitors' } });
    app.shell.render();
    expect(window.webContents.send).toHaveBeenCalledWith(STATE_EVENT, expect.objectContaining({ headline: 'Shop — 42 visitors' }));
    // Another page in the same window is not ours to answer.
    await expect(
      electron.ipcMain.invoke(channelName('state:get'), { id: window.webContents.id, url: 'https://evil.example/', mainFrame: true }, null),
    ).resolves.toEqual({
      ok: false,
      error: 'Not allowed.',
    });
    expect(readFileSync(join(home.path, 'logs', 'main.log'), 'utf8')).toContain('refused IPC call: state:get: untrusted sender https://evil.example/');
  });

  it('pauses on suspend and writes the readings waiting in memory, resumes on wake, and writes the rest at quit', async () => {
    configure({ websites: [shopWebsite({ id: websiteKey('w_demo'), tokenKind: 'demo', label: 'Demo website', domain: null })], activeWebsiteKey: 'w_demo' });
    const app = await start(['--hidden']);
    const readings = (): string[] => readFileSync(join(electron.configDirectory, 'history.log'), 'utf8').trimEnd().split('\n').slice(1);
    await eventually(() => app.controller.trayView().visitors !== null);
    const firstRead = app.controller.engine.states()[0]?.fetchedAt;
    // Readings wait in memory for a few minutes...
    expect(readings()).toEqual([]);
    electron.power.emit('suspend');
    expect(app.controller.engine.paused).toBe(true);
    // ...and go to disk before the computer sleeps,
    await app.controller.saveHistory();
    expect(readings()).toEqual([expect.stringMatching(/^w_demo \d+ \d+$/)]);
    electron.power.emit('resume');
    expect(app.controller.engine.paused).toBe(false);
    // ...and at quit, after the fresh read that waking brings.
    await eventually(() => app.controller.engine.states()[0]?.fetchedAt !== firstRead);
    electron.quit();
    expect(readings()).toEqual([expect.stringMatching(/^w_demo \d+ \d+$/), expect.stringMatching(/^w_demo \d+ \d+$/)]);
  });

  it('keeps a token out of every file below its folders, settings and log alike, when the keychain is unavailable', async () => {
    electron.keychain.unavailable = true;
    configure({});
    const app = await start();
    const checked = (await electron.invoke('token:check', { token: TEST_TOKENS.shopKey })) as { ok: true; value: { pendingId: string } };
    await expect(electron.invoke('websites:add', { pendingId: checked.value.pendingId, dataFastSiteIds: [] })).resolves.toMatchObject({
      ok: true,
      value: { sessionOnly: true },
    });
    await eventually(() => app.controller.trayView().visitors === 42);
    electron.process.emit('unhandledRejection', new Error('something failed'));
    electron.quit();
    const files = filesBelow(home.path);
    // The settings, the history, the seen sales and the log were all written: the scan covers them.
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining([join(electron.configDirectory, 'config.json'), join(home.path, 'logs', 'main.log')]),
    );
    const secret = TEST_TOKENS.shopKey.slice('df_'.length);
    expect(files.filter((file) => file.bytes.includes(secret)).map((file) => file.path)).toEqual([]);
  });

  it('holds polling after a read fails for want of a network while the computer is offline, and sends nothing more', async () => {
    // A DataFast address that answers every connection with what is not HTTP: each read fails as a network failure.
    const sockets: Socket[] = [];
    const dropping: Server = createServer((socket) => {
      sockets.push(socket);
      socket.end('not http\r\n\r\n');
    });
    await new Promise<void>((listening) => dropping.listen(0, '127.0.0.1', listening));
    const origin = `http://127.0.0.1:${(dropping.address() as { port: number }).port}`;
    try {
      await electron.keychain.setPassword('DataFast Menubar', 'w_shop', TEST_TOKENS.shopKey);
      configure({ apiUrl: origin, websites: [shopWebsite({ apiOrigin: origin })], activeWebsiteKey: 'w_shop' });
      // Online while the app starts; the network goes before the first read comes back.
      let answers = 0;
      electron.isOnline = () => ++answers === 1;
      const app = await start(['--hidden']);
      await eventually(() => sockets.length > 0);
      // Time enough for the failure to land and for the first retry of a network failure to go out.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(app.controller.engine.paused).toBe(true);
      expect(sockets).toHaveLength(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => dropping.close(closed));
    }
  });

  it('holds a quit until a change it already shows is written, then quits', async () => {
    configure({});
    await start();
    const changed = electron.invoke('settings:update', { numberFormat: 'full' });
    expect(electron.quit()).toBe(true);
    await changed;
    await eventually(() => electron.calls.includes('quit'));
    expect(JSON.parse(readFileSync(join(electron.configDirectory, 'config.json'), 'utf8'))).toMatchObject({ numberFormat: 'full' });
    // With nothing left to write, the quit goes through.
    expect(electron.quit()).toBe(false);
  });

  it('tells a tray command that failed where the window tells its own, and takes the change back', async () => {
    configure({});
    const app = await start(['--hidden']);
    electron.diskFull = true;
    electron.tray.menu.click('notifications');
    await eventually(() => app.controller.appState().notices.some((notice) => /no space left on device/.test(notice)));
    expect(app.controller.notificationsSnoozed()).toBe(false);
    expect(readFileSync(join(home.path, 'logs', 'main.log'), 'utf8')).toContain('tray command failed: ENOSPC');
    electron.diskFull = false;
  });

  it('shows a sample notification through Electron when the window asks', async () => {
    await start(['--hidden']);
    electron.tray.menu.click('settings');
    await expect(electron.invoke('notifications:test', null)).resolves.toEqual({ ok: true, value: null });
    expect(electron.notifications.map((notification) => notification.options.title)).toEqual(['Traffic spike on example.com (test)']);
    expect(electron.notifications[0]?.shown).toBe(true);
  });

  it('opens the log folder from Help, and logs an unexpected error with its token redacted', async () => {
    await start(['--hidden']);
    electron.tray.menu.click('log-folder');
    expect(electron.opened).toEqual([join(home.path, 'logs')]);
    electron.process.emit('unhandledRejection', new Error(`refused ${TEST_TOKENS.shopKey}`));
    const log = readFileSync(join(home.path, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('unhandled promise rejection: refused df_…');
    expect(log).not.toContain(TEST_TOKENS.shopKey);
  });

  it('turns the tray into a report with a way out when it cannot start', async () => {
    // The settings folder is a file: nothing can be read or written there.
    writeFileSync(electron.configDirectory, 'not a folder');
    await expect(launch(electron.ports())).resolves.toBeNull();
    expect(electron.tray.tooltips.at(-1)).toMatch(
      /^DataFast Menubar could not start: .*Something that is not a folder stands where the settings folder should be\.$/,
    );
    expect(electron.tray.menu.labels()).toEqual(expect.arrayContaining(['Quit DataFast Menubar']));
    electron.tray.menu.click('open-folder');
    expect(electron.opened).toEqual([electron.configDirectory]);
    electron.tray.menu.click('reset');
    expect(electron.calls).toEqual(['dock hidden', 'relaunch', 'exit 0']);
    electron.tray.menu.click('quit');
    expect(electron.calls.at(-1)).toBe('quit');
    expect(readFileSync(join(home.path, 'logs', 'main.log'), 'utf8')).toContain('could not start');
  });

  it('runs on defaults and says why when the settings file is from a newer version, leaving the file as it is', async () => {
    mkdirSync(electron.configDirectory, { recursive: true });
    writeFileSync(join(electron.configDirectory, 'config.json'), '{"schemaVersion": 99}');
    const app = await start(['--hidden']);
    expect(app.controller.appState().notices.join(' ')).toMatch(/newer version/);
    expect(readFileSync(join(electron.configDirectory, 'config.json'), 'utf8')).toBe('{"schemaVersion": 99}');
    expect(readdirSync(electron.configDirectory).filter((name) => name !== 'config.json' && name.startsWith('config'))).toEqual([]);
  });
});
