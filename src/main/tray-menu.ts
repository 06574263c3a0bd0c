import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { TrayCommand, TrayMenuItem } from '../core/app/tray-model';

/**
 * Electron's menu template from the tray model. It translates and decides nothing: what the
 * menu holds and what each item does are the model's.
 */
export function menuTemplate(items: readonly TrayMenuItem[], sparkline: NativeImage | null, run: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.flatMap((item): MenuItemConstructorOptions[] => {
    switch (item.type) {
      case 'separator':
        return [{ type: 'separator' }];
      case 'info':
        return [{ id: item.id, label: item.label, enabled: false }];
      case 'sparkline':
        // Before there are two readings there is no chart to draw.
        return sparkline ? [{ id: item.id, label: item.label, icon: sparkline, enabled: false }] : [];
      case 'action':
        return [
          {
            id: item.id,
            label: item.label,
            enabled: item.enabled,
            ...(item.accelerator !== undefined && { accelerator: item.accelerator }),
            click: () => run(item.command),
          },
        ];
      case 'radio':
      case 'checkbox':
        return [
          {
            id: item.id,
            label: item.label,
            type: item.type,
            checked: item.checked,
            ...(item.sublabel !== undefined && { sublabel: item.sublabel }),
            ...(item.toolTip !== undefined && { toolTip: item.toolTip }),
            click: () => run(item.command),
          },
        ];
      case 'submenu':
        return [{ id: item.id, label: item.label, submenu: menuTemplate(item.items, sparkline, run) }];
    }
  });
}

/**
 * What a menu shows, without its callbacks: two equal keys mean an identical menu, submenus
 * included, so a change that is only in "Live now" still sets the menu again.
 */
export function menuKey(template: readonly MenuItemConstructorOptions[], sparklineKey: string): string {
  return JSON.stringify([sparklineKey, shownItems(template)]);
}

function shownItems(template: readonly MenuItemConstructorOptions[]): unknown[] {
  return template.map(({ id, label, sublabel, toolTip, accelerator, type, checked, enabled, icon, submenu }) => [
    id,
    label,
    sublabel,
    toolTip,
    typeof accelerator === 'string' ? accelerator : undefined,
    type,
    checked,
    enabled,
    icon !== undefined,
    Array.isArray(submenu) ? shownItems(submenu) : undefined,
  ]);
}
