// Composition root: builds every object once and wires Electron to the core. Decides nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, session, shell, Tray, type NativeImage } from 'electron';
import ElectronStore from 'electron-store';
import { autoUpdater } from 'electron-updater';
import { AppController } from '../core/app/app-controller';
import { AppLog } from '../core/app/app-log';
import { openLogFile } from './log-file';
import { createDataFastClient } from '../core/datafast/client';
import { reportUnexpectedErrors } from '../core/app/crash-guard';
import { errorMessage } from '../core/datafast/errors';
import { repeatEvery, systemClock } from '../core/polling/clock';
import { PauseReasons } from '../core/polling/pause-reasons';
import { HistoryFile } from '../core/storage/history-file';
import { configDirectory } from '../core/storage/paths';
import { keychainService, loadKeytar, SecretStore } from '../core/storage/secret-store';
import { ERROR_MARK } from '../core/readings/presenter';
import { setAside } from '../core/storage/quarantine';
import { SETTINGS_FILE_NAME, SettingsRepository, SETTINGS_STORE_NAME, sharedStoreOptions } from '../core/storage/settings-repository';
import { WebsiteAccounts } from '../core/accounts/website-accounts';
import { APP_ID } from '../shared/app-identity';
import { AppShell } from './app-shell';
import { autostartFilePath, setLinuxAutostart } from './autostart';
import { countIconFactory, sparklineImage } from './images';
import { registerIpcHandlers } from './ipc';
import { createHandlers } from './ipc-handlers';
import { followPower, retryKeychainOnUnlock, watchOnline } from './lifecycle';
import { NotificationService } from './notification-service';
import { openDataFastUrl } from './open-external';
import { lockDownWebContents } from './security';
import { SettingsWindow } from './settings-window';
import { showStartupFailure } from './startup-failure';
import { TrayService } from './tray-service';
import { updateSupport, UpdateService } from './updater';

const AGE_REFRESH_MS = 15_000;

interface Launch {
  readonly platform: NodeJS.Platform;
  readonly directory: string;
  readonly tray: Tray;
  readonly countImage: ReturnType<typeof countIconFactory>;
  readonly templateIcon: () => NativeImage;
  readonly log: AppLog;
}

/**
 * The tray comes first, before anything that can fail, so that whatever goes wrong while
 * starting is shown there with a way out, rather than leaving no app at all.
 */
function launch(): void {
  const log = new AppLog(openLogFile(app.getPath('logs')));
  // Logged, and the tray lives on: one failed promise must not take the whole app down.
  reportUnexpectedErrors(process, (message) => log.error(message));
  const platform = process.platform;
  // The app lives in the menu bar: no dock icon (LSUIElement does the same in packaged builds).
  app.dock?.hide();
  const directory = configDirectory({ env: process.env, platform, homedir: app.getPath('home') });
  const countImage = countIconFactory(nativeImage);
  const templateIcon = (): NativeImage => {
    const icon = nativeImage.createFromPath(join(__dirname, 'assets', 'trayTemplate.png'));
    icon.setTemplateImage(true);
    return icon;
  };
  const tray = new Tray(platform === 'darwin' ? templateIcon() : countImage(null, 'loading'));
  const failed = (error: unknown): void => {
    if (platform === 'darwin') tray.setTitle(ERROR_MARK);
    const message = showStartupFailure(tray, {
      error,
      image: platform === 'darwin' ? null : countImage(null, 'error'),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      actions: {
        openSettingsFolder: () => void shell.openPath(directory),
        resetSettings: () => {
          try {
            const path = join(directory, SETTINGS_FILE_NAME);
            if (existsSync(path)) setAside(path, Date.now());
            app.relaunch();
            app.exit(0);
          } catch (resetError) {
            failed(resetError);
          }
        },
        quit: () => app.quit(),
      },
    });
    log.error(`could not start: ${message}`);
  };
  void start({ platform, directory, tray, countImage, templateIcon, log }).catch(failed);
}

async function start({ platform, directory, tray, countImage, templateIcon, log }: Launch): Promise<void> {
  lockDownWebContents(app, session.defaultSession);

  // Problems found before the controller exists are collected, later ones go straight to it.
  const notices: string[] = [];
  let reportProblem = (message: string): void => void notices.push(message);
  const settings = SettingsRepository.open({
    directory,
    createBackend: (dir) =>
      // Watched, so changes made by the runner show up without a restart.
      new ElectronStore<Record<string, unknown>>({ ...sharedStoreOptions(dir, true), name: SETTINGS_STORE_NAME }),
    onProblem: (message) => reportProblem(message),
  });
  const fetchThroughProxy = (input: string, init: RequestInit): Promise<Response> => net.fetch(input, init);
  const createClient = (apiUrl: string) => createDataFastClient({ apiUrl, fetch: fetchThroughProxy });
  const accounts = new WebsiteAccounts({
    settings,
    secrets: new SecretStore({
      loadBackend: loadKeytar,
      platform,
      service: keychainService(process.env),
    }),
    sessionFallback: true,
    client: () => createClient(settings.read().apiUrl),
  });
  const historyFile = new HistoryFile(directory);
  const controller = new AppController({
    settings,
    accounts,
    createClient,
    clock: systemClock,
    history: historyFile.load(Date.now(), (message) => reportProblem(message)),
    historyFile,
    locale: app.getLocale(),
    notices,
    log,
    loginItem: {
      set: (enabled) => {
        if (platform === 'linux') setLinuxAutostart(autostartFilePath(process.env, app.getPath('home')), process.env['APPIMAGE'] ?? process.execPath, enabled);
        else app.setLoginItemSettings({ openAtLogin: enabled });
      },
    },
  });

  reportProblem = (message) => controller.notice(message);

  const rendererDir = join(__dirname, 'renderer');
  const pagePath = join(rendererDir, 'index.html');
  const settingsWindow = new SettingsWindow({
    BrowserWindow,
    pagePath,
    preloadPath: join(__dirname, 'preload.js'),
    backgroundColor: () => (nativeTheme.shouldUseDarkColors ? '#1d1d1f' : '#ffffff'),
    onCrash: (message) => {
      log.error(`settings window: ${message}`);
      controller.notice(message);
    },
  });

  const trayService = new TrayService({ tray, platform, buildMenu: (template) => Menu.buildFromTemplate(template), countImage, templateIcon });

  const support = updateSupport({ isPackaged: app.isPackaged, platform, env: process.env });
  const updates = support.supported
    ? new UpdateService({
        updater: autoUpdater,
        timers: systemClock,
        onStatus: () => appShell.scheduleRender(),
      })
    : null;

  const appShell = new AppShell({
    controller,
    tray: trayService,
    sparkline: (points, now) => sparklineImage(nativeImage, points, now),
    now: () => Date.now(),
    openInBrowser: (url) => openDataFastUrl(shell, url),
    openSettings: () => settingsWindow.open(),
    sendToWindow: (channel, payload) => settingsWindow.send(channel, payload),
    windowOpen: () => settingsWindow.isOpen,
    quit: () => app.quit(),
    onError: (error) => log.error(errorMessage(error)),
    openLogFolder: () => void shell.openPath(app.getPath('logs')),
    updates,
  });

  const notifications = new NotificationService({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    openUrl: (url) => appShell.openUrl(url),
    fallback: (request) => appShell.highlight(request),
  });
  controller.onNotify((request) => notifications.show(request));

  registerIpcHandlers(
    ipcMain,
    { windowId: () => settingsWindow.webContentsId(), pageUrl: pathToFileURL(pagePath).href },
    createHandlers(controller, { openInBrowser: (url) => appShell.openUrl(url) }),
    (reason) => log.warn(`refused IPC call: ${reason}`),
  );

  const pauses = new PauseReasons(controller);
  followPower(powerMonitor, pauses, platform);
  retryKeychainOnUnlock(powerMonitor, () => void controller.retryKeychain());
  const stopOnlineWatch = watchOnline({ isOnline: () => net.isOnline(), pauses, timers: systemClock });
  // "updated 12 s ago" has to move even when no poll changes anything.
  const stopAgeTicks = repeatEvery(systemClock, AGE_REFRESH_MS, () => appShell.scheduleRender());

  app.on('second-instance', () => settingsWindow.open());
  // Closing the settings window must not quit: the app lives in the tray.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    updates?.stop();
    stopAgeTicks();
    stopOnlineWatch();
    controller.shutdown();
  });

  await controller.start();
  appShell.render();
  if (controller.settings.websites.length === 0 && !process.argv.includes('--hidden')) settingsWindow.open();
  updates?.start();
}

// Windows shows notifications only for an AppUserModelID that matches the installed app.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running one (which opens its settings) and leaves.
  app.quit();
} else {
  void app.whenReady().then(launch);
}
