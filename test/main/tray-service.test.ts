import { websiteKey } from '../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import type { TrayView } from '../../src/core/readings/presenter';
import { trayMenuTemplate, type TrayActions } from '../../src/main/tray-menu';
import { TrayService } from '../../src/main/tray-service';
import { countIconFactory, sparklineImage } from '../../src/main/images';
import { asFakeImage, buildMenu, FakeImage, FakeTray, fakeImages, type FakeMenu } from '../support/fake-electron';
import { PNG } from 'pngjs';

function view(overrides: Partial<TrayView> = {}): TrayView {
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
    ...overrides,
  };
}

const calls: string[] = [];
const actions: TrayActions = {
  switchWebsite: (id) => calls.push(`switch:${id}`),
  showSum: () => calls.push('sum'),
  refresh: () => calls.push('refresh'),
  openDashboard: () => calls.push('dashboard'),
  snooze: () => calls.push('snooze'),
  resumeNotifications: () => calls.push('resume'),
  openSettings: () => calls.push('settings'),
  setLaunchAtLogin: (enabled) => calls.push(`login:${enabled}`),
  openHighlight: () => calls.push('highlight'),
  checkForUpdates: () => calls.push('updates'),
  openLogFolder: () => calls.push('log-folder'),
  quit: () => calls.push('quit'),
};

function template(overrides: Partial<Parameters<typeof trayMenuTemplate>[0]> = {}) {
  return trayMenuTemplate(
    { view: view(), sparkline: null, dashboardAvailable: true, notificationsQuiet: false, launchAtLogin: false, highlight: null, updates: null, ...overrides },
    actions,
  );
}

function service(platform: NodeJS.Platform, tray = new FakeTray()) {
  const images: Array<[number | null, string]> = [];
  const trayService = new TrayService({
    tray,
    platform,
    buildMenu,
    countImage: (visitors, status) => {
      images.push([visitors, status]);
      return fakeImages.createEmpty();
    },
    templateIcon: () => fakeImages.createEmpty(),
  });
  return { tray, trayService, images };
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
    const single = view({ websites: view().websites.slice(0, 1) });
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

describe('tray service', () => {
  it('on macOS sets a template icon once and the count as a monospaced-digit title', () => {
    const { tray, trayService, images } = service('darwin');
    trayService.render(view(), template(), 'k');
    trayService.render(view({ title: '43', visitors: 43 }), template(), 'k');
    expect(tray.titles).toEqual([
      { title: '42', fontType: 'monospacedDigit' },
      { title: '43', fontType: 'monospacedDigit' },
    ]);
    expect(tray.images).toHaveLength(1);
    expect(images).toEqual([]);
  });

  it.each(['linux', 'win32'] as const)('on %s draws the count into the image and never sets a title', (platform) => {
    const { tray, trayService, images } = service(platform);
    trayService.render(view(), template(), 'k');
    trayService.render(view({ title: '~42', status: 'stale' }), template(), 'k');
    expect(tray.titles).toEqual([]);
    expect(images).toEqual([
      [42, 'ok'],
      [42, 'stale'],
    ]);
    expect(tray.images).toHaveLength(2);
    expect(tray.tooltips).toEqual(['Shop — 42 visitors\nupdated just now']);
  });

  it('skips updates that change nothing, and sets the menu again after every change', () => {
    const { tray, trayService } = service('linux');
    trayService.render(view(), template(), 'k');
    trayService.render(view(), template(), 'k');
    expect(tray.menus).toHaveLength(1);
    expect(tray.images).toHaveLength(1);
    const changed = view({ detail: 'updated 15 s ago' });
    trayService.render(changed, template({ view: changed }), 'k');
    expect(tray.menus).toHaveLength(2);
    expect(tray.menu.labels()).toContain('updated 15 s ago');
    trayService.render(changed, template({ view: changed }), 'k2');
    expect(tray.menus).toHaveLength(3);
  });
});

describe('count icon image', () => {
  it('has 1x, 1.25x, 1.5x and 2x representations drawn at their own pixel sizes', () => {
    const make = countIconFactory(fakeImages);
    const image = asFakeImage(make(1234, 'ok'));
    expect(image).toBeInstanceOf(FakeImage);
    const sizes = image.representations.map(({ scaleFactor, buffer }) => [scaleFactor, PNG.sync.read(buffer).width]);
    expect(sizes).toEqual([
      [1, 16],
      [1.25, 20],
      [1.5, 24],
      [2, 32],
    ]);
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
