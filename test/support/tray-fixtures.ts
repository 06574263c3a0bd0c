import { trayModel, type TrayMenuItem, type TrayModel, type TrayModelInputs } from '../../src/core/app/tray-model';
import type { TrayView } from '../../src/core/presenting/presenter';
import { websiteKey } from '../../src/shared/settings-shapes';

/** The presenter's view of two websites, Shop (active, 42) and Blog (failing, 7), unless the test says otherwise. */
export function trayView(overrides: Partial<TrayView> = {}): TrayView {
  return {
    title: '42',
    visitors: 42,
    status: 'ok',
    tooltip: 'Shop — 42 visitors\nupdated just now',
    headline: 'Shop — 42 visitors',
    detail: 'updated just now',
    problem: null,
    websites: [
      { websiteKey: websiteKey('shop'), label: 'Shop', menuLabel: 'Shop — 42', countText: '42', checked: true, status: 'ok', problem: null },
      { websiteKey: websiteKey('blog'), label: 'Blog', menuLabel: 'Blog — ⚠ 7', countText: '7', checked: false, status: 'error', problem: 'Token rejected' },
    ],
    sumSelected: false,
    activeKey: websiteKey('shop'),
    ageChangesAt: null,
    ...overrides,
  };
}

/** The tray model of `trayView()`: a dashboard to open, notifications on, no highlight, no updates. */
export function trayModelOf(overrides: Partial<TrayModelInputs> = {}): TrayModel {
  return trayModel({
    view: trayView(),
    lastHour: [],
    dashboardAvailable: true,
    notificationsQuiet: false,
    launchAtLogin: false,
    highlight: null,
    updates: null,
    live: null,
    today: null,
    sale: null,
    ...overrides,
  });
}

/** The menu as a person reads it, one line per item, submenus indented: for a look without Electron. */
export function menuText(items: readonly TrayMenuItem[], depth = 0): string {
  const indent = '    '.repeat(depth);
  return items
    .map((item) => {
      switch (item.type) {
        case 'separator':
          return `${indent}────────`;
        case 'info':
          return `${indent}${item.label}`;
        case 'sparkline':
          return `${indent}[chart: ${item.label}]`;
        case 'action':
          return `${indent}${item.label}${item.enabled ? '' : '  (disabled)'}${item.accelerator ? `  ${item.accelerator}` : ''}`;
        case 'radio':
        case 'checkbox':
          return `${indent}${item.checked ? '●' : '○'} ${item.label}${item.sublabel ? `\n${indent}    ${item.sublabel}` : ''}`;
        case 'submenu':
          return `${indent}${item.label} ▸\n${menuText(item.items, depth + 1)}`;
      }
    })
    .join('\n');
}
