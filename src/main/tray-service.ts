import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayModel } from '../core/app/tray-model';
import type { ReadingStatus } from '../shared/settings-shapes';
import { menuKey } from './tray-menu';

export type TrayHandle = Pick<Tray, 'setImage' | 'setTitle' | 'setToolTip' | 'setContextMenu' | 'destroy'>;

export interface TrayServiceOptions {
  readonly tray: TrayHandle;
  readonly platform: NodeJS.Platform;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** The count drawn into an image (Windows, Linux), or the template icon (macOS). */
  readonly countImage: (visitors: number | null, status: ReadingStatus, sale?: boolean) => NativeImage;
  readonly templateIcon: () => NativeImage;
  /** The menu is about to show (macOS and Windows tell; Linux trays do not). */
  readonly onMenuOpen?: () => void;
}

/**
 * Renders the tray from one model. Skips what did not change, so a poll that changes nothing
 * costs nothing, and re-sets the menu after every change (Linux needs that to show it).
 */
export class TrayService {
  readonly #options: TrayServiceOptions;
  #title: string | null = null;
  #imageKey: string | null = null;
  #tooltip: string | null = null;
  #menuKey: string | null = null;

  constructor(options: TrayServiceOptions) {
    this.#options = options;
    if (options.platform === 'darwin') options.tray.setImage(options.templateIcon());
  }

  render(model: Pick<TrayModel, 'title' | 'tooltip' | 'image'>, template: MenuItemConstructorOptions[], sparklineKey: string): void {
    const { tray, platform } = this.#options;
    if (platform === 'darwin') {
      if (model.title !== this.#title) {
        // Monospaced digits keep the menu bar from jittering as the count changes.
        tray.setTitle(model.title, { fontType: 'monospacedDigit' });
        this.#title = model.title;
      }
    } else {
      const { visitors, status, sale } = model.image;
      const imageKey = `${visitors ?? 'none'}|${status}|${sale}`;
      if (imageKey !== this.#imageKey) {
        tray.setImage(this.#options.countImage(visitors, status, sale));
        this.#imageKey = imageKey;
      }
    }
    if (model.tooltip !== this.#tooltip) {
      tray.setToolTip(model.tooltip);
      this.#tooltip = model.tooltip;
    }
    const key = menuKey(template, sparklineKey);
    if (key !== this.#menuKey) {
      const menu = this.#options.buildMenu(template);
      const { onMenuOpen } = this.#options;
      if (onMenuOpen) menu.on('menu-will-show', () => onMenuOpen());
      tray.setContextMenu(menu);
      this.#menuKey = key;
    }
  }

  destroy(): void {
    this.#options.tray.destroy();
  }
}
