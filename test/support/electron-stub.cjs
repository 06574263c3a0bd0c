// Stands in for the `electron` module so the built main bundle (dist/main.js) can run under plain
// Node: loaded with `node -r`, it answers require('electron') with small fakes that record what
// the app does, then quits the app after STUB_RUN_MS and writes the record to STUB_REPORT.
// STUB_LOCK=refused makes it a second copy, refused the single-instance lock.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const report = {
  trayImages: 0,
  trayTitles: [],
  tooltips: [],
  menus: [],
  windows: [],
  ipc: [],
  notifications: [],
  loginItems: [],
  dockHidden: false,
  quit: false,
};
const appHandlers = new Map();
const on = (map) => (event, handler) => {
  map.set(event, [...(map.get(event) ?? []), handler]);
};

class FakeImage {
  constructor() {
    this.representations = [];
  }
  addRepresentation(options) {
    this.representations.push(options.scaleFactor);
  }
  setTemplateImage() {}
  isEmpty() {
    return false;
  }
}

const app = {
  dock: { hide: () => (report.dockHidden = true) },
  isPackaged: false,
  // Logs go below HOME, which each test run points at its own folder.
  getPath: (name) =>
    name === 'home' ? require('node:os').homedir() : name === 'logs' ? require('node:path').join(process.env.HOME, 'logs') : require('node:os').tmpdir(),
  getVersion: () => '0.0.0-test',
  getLocale: () => 'en-US',
  on: on(appHandlers),
  once: on(appHandlers),
  quit: () => {
    report.quit = true;
  },
  // STUB_LOCK=refused plays the second copy: another one already holds the lock.
  requestSingleInstanceLock: () => process.env.STUB_LOCK !== 'refused',
  whenReady: () => Promise.resolve(),
  setAppUserModelId: () => undefined,
  setLoginItemSettings: (settings) => report.loginItems.push(settings),
};

class Tray {
  setImage() {
    report.trayImages += 1;
  }
  setTitle(title) {
    report.trayTitles.push(title);
  }
  setToolTip(text) {
    report.tooltips.push(text);
  }
  setContextMenu(menu) {
    report.menus.push(menu.template.filter((item) => item.type !== 'separator').map((item) => item.label));
  }
  destroy() {}
}

class BrowserWindow {
  constructor(options) {
    report.windows.push(options.webPreferences);
    this.webContents = { id: 1, send: () => undefined, on: () => undefined, reload: () => undefined };
  }
  once() {}
  on() {}
  loadFile() {
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  show() {}
}

class Notification {
  static isSupported() {
    return true;
  }
  constructor(options) {
    report.notifications.push(options.title);
  }
  on() {}
  show() {}
}

const electron = {
  app,
  BrowserWindow,
  Tray,
  Notification,
  ipcMain: { handle: (channel) => report.ipc.push(channel), removeHandler: () => undefined, on: () => undefined },
  Menu: { buildFromTemplate: (template) => ({ template, on: () => undefined }) },
  nativeImage: { createEmpty: () => new FakeImage(), createFromPath: () => new FakeImage() },
  nativeTheme: { shouldUseDarkColors: false },
  net: { fetch: (input, init) => fetch(input, init), isOnline: () => true },
  powerMonitor: { on: () => undefined },
  session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
  shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return electron;
  return originalLoad.call(this, request, parent, isMain);
};

setTimeout(
  () => {
    for (const handler of appHandlers.get('before-quit') ?? []) handler({ preventDefault: () => undefined });
    writeFileSync(process.env.STUB_REPORT, JSON.stringify(report));
    process.exit(0);
  },
  Number(process.env.STUB_RUN_MS ?? 3000),
);
