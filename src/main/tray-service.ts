import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayView } from '../core/readings/presenter';
import { menuKey } from './tray-menu';

export type TrayHandle = Pick<Tray, 'setImage' | 'setTitle' | 'setToolTip' | 'setContextMenu' | 'destroy'>;

export interface TrayServiceOptions {
  readonly tray: TrayHandle;
  readonly platform: NodeJS.Platform;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** The count drawn into an image (Windows, Linux), or the template icon (macOS). */
  readonly countImage: (visitors: number | null, status: TrayView['status']) => NativeImage;
  readonly templateIcon: () => NativeImage;
}

/**
 * Renders the tray from one view. Skips what did not change, so a poll that changes nothing
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

  render(view: TrayView, template: MenuItemConstructorOptions[], sparklineKey: string): void {
    const { tray, platform } = this.#options;
    if (platform === 'darwin') {
      if (view.title !== this.#title) {
        // Monospaced digits keep the menu bar from jittering as the count changes.
        tray.setTitle(view.title, { fontType: 'monospacedDigit' });
        this.#title = view.title;
      }
    } else {
      const imageKey = `${view.visitors ?? 'none'}|${view.status}`;
      if (imageKey !== this.#imageKey) {
        tray.setImage(this.#options.countImage(view.visitors, view.status));
        this.#imageKey = imageKey;
      }
    }
    if (view.tooltip !== this.#tooltip) {
      tray.setToolTip(view.tooltip);
      this.#tooltip = view.tooltip;
    }
    const key = menuKey(template, sparklineKey);
    if (key !== this.#menuKey) {
      tray.setContextMenu(this.#options.buildMenu(template));
      this.#menuKey = key;
    }
  }

  destroy(): void {
    this.#options.tray.destroy();
  }
}
