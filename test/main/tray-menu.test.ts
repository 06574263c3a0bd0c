import type { NativeImage } from 'electron';
import { describe, expect, it } from 'vitest';
import type { TrayCommand, TrayModelInputs } from '../../src/core/app/tray-model';
import { menuTemplate } from '../../src/main/tray-menu';
import { asFakeImage, buildMenu, fakeImages, type FakeMenu } from '../support/fake-electron';
import { sparklineImage } from '../../src/main/images';
import { trayModelOf, trayView } from '../support/tray-fixtures';

const calls: string[] = [];
/** Each command as the shell would carry it out, written down. */
function record(command: TrayCommand): void {
  if (command.kind === 'switch-website') calls.push(`switch:${command.websiteKey}`);
  else if (command.kind === 'open-website-dashboard') calls.push(`dashboard:${command.websiteKey}`);
  else if (command.kind === 'set-launch-at-login') calls.push(`login:${command.enabled}`);
  else calls.push(SHORT_NAMES[command.kind]);
}
const SHORT_NAMES: Record<Exclude<TrayCommand['kind'], 'switch-website' | 'set-launch-at-login' | 'open-website-dashboard'>, string> = {
  'show-sum': 'sum',
  refresh: 'refresh',
  'open-dashboard': 'dashboard',
  snooze: 'snooze',
  'resume-notifications': 'resume',
  'open-settings': 'settings',
  'open-highlight': 'highlight',
  'check-for-updates': 'updates',
  'open-log-folder': 'log-folder',
  quit: 'quit',
};

function template(overrides: Partial<TrayModelInputs> & { sparkline?: NativeImage | null } = {}) {
  const { sparkline = null, ...inputs } = overrides;
  // A sparkline image goes with readings in the last hour.
  const lastHour = sparkline
    ? [
        { at: 0, visitors: 1 },
        { at: 60_000, visitors: 5 },
      ]
    : [];
  return menuTemplate(trayModelOf({ lastHour, ...inputs }).items, sparkline, record);
}

describe('tray menu', () => {
  it('lists the active website, every website as a radio item, and the commands', () => {
    const menu = buildMenu(template()) as unknown as FakeMenu;
    expect(menu.labels()).toEqual([
      'Shop — 42 visitors',
      'updated just now',
      'Shop — 42',
      'Blog — ⚠ 7',
      'Sum of all websites',
      'Refresh now',
      'Open dashboard',
      'Snooze notifications for 1 hour',
      'Settings…',
      'Launch at login',
      'Help',
      'Quit DataFast Menubar',
    ]);
    expect(menu.item('log-folder').label).toBe('Open log folder');
    expect(menu.item('website:shop')).toMatchObject({ type: 'radio', checked: true });
    expect(menu.item('website:blog')).toMatchObject({ type: 'radio', checked: false, sublabel: 'Token rejected' });
    expect(menu.item('headline').enabled).toBe(false);
    expect(menu.item('refresh').accelerator).toBe('CmdOrCtrl+R');
    expect(menu.item('settings').accelerator).toBe('CmdOrCtrl+,');
  });

  it('turns clicks into actions', () => {
    calls.length = 0;
    const menu = buildMenu(template({ launchAtLogin: false })) as unknown as FakeMenu;
    for (const id of ['website:blog', 'sum', 'refresh', 'dashboard', 'notifications', 'settings', 'login', 'log-folder', 'quit']) menu.click(id);
    expect(calls).toEqual(['switch:blog', 'sum', 'refresh', 'dashboard', 'snooze', 'settings', 'login:true', 'log-folder', 'quit']);
  });

  it('offers to turn notifications back on when they are quiet, and shows a waiting spike', () => {
    const menu = buildMenu(template({ notificationsQuiet: true, highlight: 'Traffic spike on shop.example.com: 128 visitors now' })) as unknown as FakeMenu;
    expect(menu.item('notifications').label).toBe('Notifications on');
    expect(menu.template[0]).toMatchObject({ id: 'highlight', label: '⚡ Traffic spike on shop.example.com: 128 visitors now' });
  });

  it('has no dashboard to open without a website, and no sum item for one website', () => {
    const single = trayView({ websites: trayView().websites.slice(0, 1) });
    const menu = buildMenu(template({ view: single, dashboardAvailable: false })) as unknown as FakeMenu;
    expect(menu.item('dashboard').enabled).toBe(false);
    expect(() => menu.item('sum')).toThrow();
  });

  it('adds the sparkline as an image item when there is one', () => {
    const image = sparklineImage(
      fakeImages,
      [
        { at: 0, visitors: 1 },
        { at: 60_000, visitors: 5 },
      ],
      3_600_000,
    );
    expect(image).not.toBeNull();
    expect(asFakeImage(image!).representations.map((r) => r.scaleFactor)).toEqual([1, 2]);
    const menu = buildMenu(template({ sparkline: image })) as unknown as FakeMenu;
    expect(menu.item('sparkline').icon).toBe(image);
    expect(sparklineImage(fakeImages, [], 3_600_000)).toBeNull();
  });
});

describe('update item', () => {
  it('appears only where the app can update itself, and checks on click', () => {
    calls.length = 0;
    const menu = buildMenu(template({ updates: 'Check for updates…' })) as unknown as FakeMenu;
    expect(menu.item('updates').label).toBe('Check for updates…');
    menu.click('updates');
    expect(calls).toEqual(['updates']);
    expect(() => (buildMenu(template()) as unknown as FakeMenu).item('updates')).toThrow();
  });
});
