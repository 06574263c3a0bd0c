import { vi } from 'vitest';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  Notification,
  NotificationConstructorOptions,
  PowerMonitor,
} from 'electron';
import type { TrayHandle } from '../../src/main/tray-service';
import type { IpcRegistrar } from '../../src/main/ipc';

/**
 * One small fake of the Electron surface main/ uses. Each piece is typed against electron.d.ts
 * (`Pick<Tray, …>` and friends), so a change in Electron's API breaks these tests at compile time.
 */
export class FakeTray implements TrayHandle {
  readonly titles: Array<{ title: string; fontType: string | undefined }> = [];
  readonly images: NativeImage[] = [];
  readonly tooltips: string[] = [];
  readonly menus: FakeMenu[] = [];
  destroyed = false;

  setTitle(title: string, options?: { fontType?: 'monospaced' | 'monospacedDigit' }): void {
    this.titles.push({ title, fontType: options?.fontType });
  }

  setImage(image: NativeImage | string): void {
    if (typeof image !== 'string') this.images.push(image);
  }

  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip);
  }

  setContextMenu(menu: Menu | null): void {
    if (menu) this.menus.push(menu as unknown as FakeMenu);
  }

  destroy(): void {
    this.destroyed = true;
  }

  get menu(): FakeMenu {
    const menu = this.menus.at(-1);
    if (!menu) throw new Error('no context menu was set');
    return menu;
  }
}

/** Stands in for Electron's Menu: keeps the template so tests can read and click it. */
export class FakeMenu {
  readonly #openListeners: Array<() => void> = [];

  constructor(readonly template: MenuItemConstructorOptions[]) {}

  on(event: string, listener: () => void): this {
    if (event === 'menu-will-show') this.#openListeners.push(listener);
    return this;
  }

  /** The person opens the menu. */
  open(): void {
    for (const listener of this.#openListeners) listener();
  }

  /** An item by id, in the menu or any of its submenus. */
  item(id: string): MenuItemConstructorOptions {
    const all = (entries: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      entries.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? all(entry.submenu) : [])]);
    const found = all(this.template).find((entry) => entry.id === id);
    if (!found)
      throw new Error(
        `no menu item ${id}: ${all(this.template)
          .map((entry) => entry.id ?? entry.type)
          .join(', ')}`,
      );
    return found;
  }

  click(id: string): void {
    const item = this.item(id);
    const checked = item.type === 'checkbox' ? !item.checked : true;
    // Electron passes the MenuItem; our handlers read only `checked`.
    item.click?.({ checked } as Electron.MenuItem, undefined, {});
  }

  labels(): string[] {
    return this.template.filter((entry) => entry.type !== 'separator').map((entry) => entry.label ?? '');
  }

  /** Every label, those inside submenus too, as a person opening each submenu would read them. */
  allLabels(template: readonly MenuItemConstructorOptions[] = this.template): string[] {
    return template
      .filter((entry) => entry.type !== 'separator')
      .flatMap((entry) => [entry.label ?? '', ...(Array.isArray(entry.submenu) ? this.allLabels(entry.submenu) : [])]);
  }
}

export function buildMenu(template: MenuItemConstructorOptions[]): Menu {
  return new FakeMenu(template) as unknown as Menu;
}

/** A NativeImage stand-in that records its representations (scale factor and PNG bytes). */
export class FakeImage {
  readonly representations: Array<{ scaleFactor: number; buffer: Buffer }> = [];
  template = false;

  setTemplateImage(template: boolean): void {
    this.template = template;
  }

  addRepresentation(options: { scaleFactor?: number; buffer?: Buffer }): void {
    this.representations.push({ scaleFactor: options.scaleFactor ?? 1, buffer: options.buffer ?? Buffer.alloc(0) });
  }
}

export const fakeImages = {
  createEmpty: (): NativeImage => new FakeImage() as unknown as NativeImage,
  createFromPath: (): NativeImage => new FakeImage() as unknown as NativeImage,
};

export function asFakeImage(image: NativeImage): FakeImage {
  return image as unknown as FakeImage;
}

type Listener = () => void;

/** Event emitter typed by the Electron class whose `on` it stands in for. */
class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}

export class FakeNotification extends FakeEmitter implements Pick<Notification, 'show'> {
  shown = false;

  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }

  show(): void {
    this.shown = true;
  }
}

export function notificationHandle(notification: FakeNotification): Pick<Notification, 'show' | 'on'> {
  return notification as unknown as Pick<Notification, 'show' | 'on'>;
}

export class FakePowerMonitor extends FakeEmitter {
  asPowerMonitor(): Pick<PowerMonitor, 'on'> {
    return this as unknown as Pick<PowerMonitor, 'on'>;
  }
}

export class FakeIpcMain implements IpcRegistrar {
  readonly handlers = new Map<string, (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Calls a handler as Electron would, from a sender described by these facts. */
  invoke(channel: string, sender: { id: number; url: string | null; mainFrame: boolean }, payload: unknown): unknown {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const frame = sender.url === null ? null : { url: sender.url, parent: sender.mainFrame ? null : {} };
    return handler({ sender: { id: sender.id }, senderFrame: frame } as unknown as Electron.IpcMainInvokeEvent, payload);
  }
}

/** A BrowserWindow stand-in: records how it was made, shown and loaded, and its web contents' handlers. */
export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly handlers = new Map<string, () => void>();
  destroyed = false;
  shown = 0;
  loaded: string | null = null;
  readonly webContents = {
    id: 7,
    send: vi.fn(),
    reload: vi.fn(),
    handlers: new Map<string, (event: unknown, details: { reason: string; exitCode: number }) => void>(),
    on(event: string, handler: (event: unknown, details: { reason: string; exitCode: number }) => void) {
      this.handlers.set(event, handler);
    },
  };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.created.push(this);
  }
  once(event: string, handler: () => void) {
    this.handlers.set(event, handler);
  }
  on(event: string, handler: () => void) {
    this.handlers.set(event, handler);
  }
  loadFile(path: string) {
    this.loaded = path;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.shown += 1;
  }
  focus() {}
  close() {
    this.destroyed = true;
    this.handlers.get('closed')?.();
  }
}

/** The fake as the class main/ is handed. */
export const fakeBrowserWindowClass = FakeBrowserWindow as unknown as typeof BrowserWindow;
