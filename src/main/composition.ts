// Composition root: builds every object once and wires Electron to the core. Decides nothing.
// Electron arrives as ports (index.ts passes the real modules, tests pass typed fakes).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Menu, MenuItemConstructorOptions, NativeImage, NativeTheme, NotificationConstructorOptions, Session, Shell } from 'electron';
import { AppController } from '../core/app/app-controller';
import { AppLog } from '../core/app/app-log';
import { reportUnexpectedErrors, type UnexpectedErrorSource } from '../core/app/crash-guard';
import { fetchTransport } from '../core/datafast/fetch-transport';
import { createDataFastClient } from '../core/datafast/client';
import { errorMessage } from '../core/datafast/errors';
import { WebsiteAccounts } from '../core/accounts/website-accounts';
import { systemClock } from '../core/time/clock';
import { PauseReasons } from '../core/polling/pause-reasons';
import { ERROR_MARK } from '../core/presenting/presenter';
import { HistoryFile } from '../core/storage/history-file';
import { SalesSeenFile } from '../core/storage/sales-seen-file';
import { configDirectory } from '../core/storage/paths';
import { keychainService, loadKeytar, SecretStore, type SecretStoreOptions } from '../core/storage/secret-store';
import { SettingsRepository, type SettingsBackend } from '../core/storage/settings-repository';
import { AppShell } from './app-shell';
import { opensSettingsAtStart } from './first-run';
import { countIconFactory, sparklineImage, type ImageFactory } from './images';
import { registerIpcHandlers, type IpcRegistrar } from './ipc';
import { createHandlers } from './ipc-handlers';
import { followPower, OnlineGate, retryKeychainOnUnlock, type PowerEvents } from './lifecycle';
import { openLogFile } from './log-file';
import { NotificationService, type NotificationHandle } from './notification-service';
import { openDataFastUrl } from './open-external';
import { loginItemFor } from './login-item';
import { resetSettings } from './reset-settings';
import { lockDownWebContents } from './security';
import { SettingsWindow, type SettingsWindowOptions } from './settings-window';
import { showStartupFailure } from './startup-failure';
import { TrayService, type TrayHandle } from './tray-service';
import { updateSupport, UpdateService, type UpdaterHandle } from './updater';

/** The parts of Electron (and of the process) the app is wired to. */
export interface ElectronPorts {
  readonly app: Pick<App, 'getPath' | 'getLocale' | 'on' | 'relaunch' | 'exit' | 'quit' | 'isPackaged' | 'setLoginItemSettings'> & {
    readonly dock?: { hide(): void } | undefined;
  };
  readonly BrowserWindow: SettingsWindowOptions['BrowserWindow'];
  readonly ipcMain: IpcRegistrar;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  readonly images: ImageFactory & { createFromPath(path: string): NativeImage };
  readonly createTray: (image: NativeImage) => TrayHandle;
  readonly nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'>;
  /** Electron's network stack, which follows the system's proxy settings. */
  readonly net: { fetch(input: string, init: RequestInit): Promise<Response>; isOnline(): boolean };
  readonly notifications: { isSupported(): boolean; create(options: NotificationConstructorOptions): NotificationHandle };
  readonly powerMonitor: PowerEvents;
  readonly session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  readonly shell: Pick<Shell, 'openPath' | 'openExternal'>;
  readonly autoUpdater: UpdaterHandle;
  /** electron-store in the app: the settings file (other programs' changes are watched for separately). */
  readonly createSettingsBackend: (directory: string) => SettingsBackend;
  /** The keychain: keytar, asked over D-Bus first on Linux, unless a test brings its own. */
  readonly keychain?: Pick<SecretStoreOptions, 'loadBackend' | 'lockState'>;
  readonly process: UnexpectedErrorSource & {
    readonly platform: NodeJS.Platform;
    readonly env: NodeJS.ProcessEnv;
    readonly argv: readonly string[];
    readonly execPath: string;
  };
  /** The folder holding main.js, preload.js, renderer/ and assets/. */
  readonly appDirectory: string;
}

/** What a started app is made of, for the shell's lifetime and for tests. */
export interface RunningApp {
  readonly controller: AppController;
  readonly shell: AppShell;
  readonly settingsWindow: SettingsWindow;
}

interface Launch {
  readonly directory: string;
  readonly tray: TrayHandle;
  readonly countImage: ReturnType<typeof countIconFactory>;
  readonly templateIcon: () => NativeImage;
  readonly log: AppLog;
}

/**
 * The tray comes first, before anything that can fail, so that whatever goes wrong while
 * starting is shown there with a way out, rather than leaving no app at all. Resolves with the
 * running app, or null when starting failed and the tray shows why.
 */
export async function launch(electron: ElectronPorts): Promise<RunningApp | null> {
  const { app, process: host } = electron;
  const log = new AppLog(openLogFile(app.getPath('logs')));
  // Logged, and the tray lives on: one failed promise must not take the whole app down.
  reportUnexpectedErrors(host, (message) => log.error(message));
  const platform = host.platform;
  // The app lives in the menu bar: no dock icon (LSUIElement does the same in packaged builds).
  app.dock?.hide();
  const directory = configDirectory({ env: host.env, platform, homedir: app.getPath('home') });
  const countImage = countIconFactory(electron.images);
  const templateIcon = (): NativeImage => {
    const icon = electron.images.createFromPath(join(electron.appDirectory, 'assets', 'trayTemplate.png'));
    icon.setTemplateImage(true);
    return icon;
  };
  const tray = electron.createTray(platform === 'darwin' ? templateIcon() : countImage(null, 'loading'));
  const failed = (error: unknown): null => {
    if (platform === 'darwin') tray.setTitle(ERROR_MARK);
    const message = showStartupFailure(tray, {
      error,
      image: platform === 'darwin' ? null : countImage(null, 'error'),
      buildMenu: electron.buildMenu,
      actions: {
        openSettingsFolder: () => void electron.shell.openPath(directory),
        resetSettings: () => {
          try {
            resetSettings({
              directory,
              now: () => Date.now(),
              restart: () => {
                app.relaunch();
                app.exit(0);
              },
            });
          } catch (resetError) {
            failed(resetError);
          }
        },
        quit: () => app.quit(),
      },
    });
    log.error(`could not start: ${message}`);
    return null;
  };
  return start(electron, { directory, tray, countImage, templateIcon, log }).catch(failed);
}

async function start(electron: ElectronPorts, { directory, tray, countImage, templateIcon, log }: Launch): Promise<RunningApp> {
  const { app, process: host } = electron;
  const platform = host.platform;
  lockDownWebContents(app, electron.session);

  // Problems found before the controller exists are collected, later ones go straight to it.
  const notices: string[] = [];
  let reportProblem = (message: string): void => void notices.push(message);
  const settings = SettingsRepository.open({
    directory,
    createBackend: electron.createSettingsBackend,
    onProblem: (message) => reportProblem(message),
    // Changes the runner or an editor makes show up within a second, from file-system events.
    watchOtherWriters: true,
  });
  const createClient = (apiUrl: string) => createDataFastClient({ apiUrl, transport: fetchTransport((input, init) => electron.net.fetch(input, init)) });
  const accounts = new WebsiteAccounts({
    settings,
    secrets: new SecretStore({ loadBackend: loadKeytar, platform, service: keychainService(host.env), ...electron.keychain }),
    sessionFallback: true,
    client: (apiUrl) => createClient(apiUrl ?? settings.read().apiUrl),
  });
  const historyFile = new HistoryFile(directory);
  // Made once polling can be paused; a network failure before then has nothing to hold yet.
  let online: OnlineGate | null = null;
  const controller = new AppController({
    settings,
    accounts,
    createClient,
    clock: systemClock,
    history: historyFile.load(Date.now(), (message) => reportProblem(message)),
    historyFile,
    salesSeen: new SalesSeenFile(directory),
    locale: app.getLocale(),
    notices,
    log,
    onPoll: (outcome) => {
      if (!outcome.ok && outcome.error.kind === 'network') online?.networkFailed();
    },
    loginItem: loginItemFor({
      platform,
      env: host.env,
      homedir: app.getPath('home'),
      executable: host.env['APPIMAGE'] ?? host.execPath,
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    }),
  });
  reportProblem = (message) => controller.notice(message);

  const pagePath = join(electron.appDirectory, 'renderer', 'index.html');
  const settingsWindow = new SettingsWindow({
    BrowserWindow: electron.BrowserWindow,
    pagePath,
    preloadPath: join(electron.appDirectory, 'preload.js'),
    backgroundColor: () => (electron.nativeTheme.shouldUseDarkColors ? '#1d1d1f' : '#ffffff'),
    onCrash: (message) => {
      log.error(`settings window: ${message}`);
      controller.notice(message);
    },
  });

  const support = updateSupport({ isPackaged: app.isPackaged, platform, env: host.env });
  const updates = support.supported ? new UpdateService({ updater: electron.autoUpdater, timers: systemClock, onStatus: () => shell.scheduleRender() }) : null;

  const shell: AppShell = new AppShell({
    controller,
    tray: new TrayService({ tray, platform, buildMenu: electron.buildMenu, countImage, templateIcon, onMenuOpen: () => controller.menuOpened() }),
    sparkline: (points, now) => sparklineImage(electron.images, points, now),
    now: () => Date.now(),
    timers: systemClock,
    openInBrowser: (url) => openDataFastUrl(electron.shell, url),
    openSettings: () => settingsWindow.open(),
    sendToWindow: (channel, payload) => settingsWindow.send(channel, payload),
    windowOpen: () => settingsWindow.isOpen,
    quit: () => app.quit(),
    // A command from the tray that fails is told where the window's are, not only written to the log.
    onError: (error) => {
      log.error(`tray command failed: ${errorMessage(error)}`);
      controller.notice(errorMessage(error));
    },
    openLogFolder: () => void electron.shell.openPath(app.getPath('logs')),
    updates,
  });

  const notifications = new NotificationService({
    isSupported: () => electron.notifications.isSupported(),
    create: (options) => electron.notifications.create(options),
    openUrl: (url) => shell.openUrl(url),
    fallback: (request) => shell.highlight(request),
  });
  controller.onNotify((request) => notifications.show(request));

  registerIpcHandlers(
    electron.ipcMain,
    { windowId: () => settingsWindow.webContentsId(), pageUrl: pathToFileURL(pagePath).href },
    createHandlers(controller, { openInBrowser: (url) => shell.openUrl(url) }),
    (reason) => log.warn(`refused IPC call: ${reason}`),
  );

  const pauses = new PauseReasons(controller);
  followPower(electron.powerMonitor, pauses, platform);
  // What is waiting in memory goes to disk before the computer sleeps (and perhaps never wakes).
  electron.powerMonitor.on('suspend', () => void controller.saveHistory());
  retryKeychainOnUnlock(electron.powerMonitor, () => void controller.retryKeychain());
  online = new OnlineGate({ isOnline: () => electron.net.isOnline(), pauses, timers: systemClock });

  app.on('second-instance', () => settingsWindow.open());
  // Closing the settings window must not quit: the app lives in the tray.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    // A change is shown before it is on disk; one still being written holds the quit until it is.
    if (controller.writing) {
      event.preventDefault();
      void controller.settled().finally(() => app.quit());
      return;
    }
    updates?.stop();
    shell.stop();
    online.stop();
    controller.shutdown();
  });

  await controller.start();
  shell.render();
  if (opensSettingsAtStart(controller.settings.websites.length, host.argv)) settingsWindow.open();
  updates?.start();
  return { controller, shell, settingsWindow };
}
