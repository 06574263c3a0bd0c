import { trayModel, type TrayModel, type TrayModelInputs } from '../../src/core/app/tray-model';
import type { TrayView } from '../../src/core/readings/presenter';
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
