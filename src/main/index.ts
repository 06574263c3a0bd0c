// The app's entry: hands Electron's modules to the composition root once Electron is ready.
import { app, BrowserWindow, ipcMain, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, session, shell, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { autoUpdater } from 'electron-updater';
import { SETTINGS_STORE_NAME, sharedStoreOptions } from '../core/storage/settings-repository';
import { APP_ID } from '../shared/app-identity';
import { launch } from './composition';

// Windows shows notifications only for an AppUserModelID that matches the installed app.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running one (which opens its settings) and leaves.
  app.quit();
} else {
  void app.whenReady().then(() =>
    launch({
      app,
      BrowserWindow,
      ipcMain,
      buildMenu: (template) => Menu.buildFromTemplate(template),
      images: nativeImage,
      createTray: (image) => new Tray(image),
      nativeTheme,
      net: { fetch: (input, init) => net.fetch(input, init), isOnline: () => net.isOnline() },
      notifications: { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
      powerMonitor,
      session: session.defaultSession,
      shell,
      autoUpdater,
      // conf's own watch polls the file every 5 s on Linux; the composition watches the folder for events instead.
      createSettingsBackend: (directory) => new ElectronStore<Record<string, unknown>>({ ...sharedStoreOptions(directory, false), name: SETTINGS_STORE_NAME }),
      process,
      appDirectory: __dirname,
    }),
  );
}
