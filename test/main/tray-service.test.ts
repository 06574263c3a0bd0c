import { describe, expect, it } from 'vitest';
import { TrayService } from '../../src/main/tray-service';
import { menuTemplate } from '../../src/main/tray-menu';
import type { TrayView } from '../../src/core/presenting/presenter';
import { buildMenu, FakeTray, fakeImages } from '../support/fake-electron';
import { trayModelOf, trayView } from '../support/tray-fixtures';
import { websiteKey } from '../../src/shared/website-ids';

/** The tray model of a view, as the shell would render it. */
function view(overrides: Partial<TrayView> = {}) {
  return trayModelOf({ view: trayView(overrides) });
}

function template(overrides: { view?: ReturnType<typeof view> } = {}) {
  return menuTemplate((overrides.view ?? trayModelOf()).items, null, () => undefined);
}

function service(platform: NodeJS.Platform, tray = new FakeTray()) {
  const images: Array<[number | null, string, boolean]> = [];
  const trayService = new TrayService({
    tray,
    platform,
    buildMenu,
    countImage: (visitors, status, sale = false) => {
      images.push([visitors, status, sale]);
      return fakeImages.createEmpty();
    },
    templateIcon: () => fakeImages.createEmpty(),
  });
  return { tray, trayService, images };
}

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
      [42, 'ok', false],
      [42, 'stale', false],
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

describe('tray service and what is live', () => {
  const live = (pages: string[]) => ({ pages, referrers: ['Direct — 2'], countries: ['🇩🇪 Germany — 2'], customers: null });

  it('sets the menu again when only a line inside "Live now" changes, the count and every top-level item as they were', () => {
    const { tray, trayService } = service('linux');
    const before = trayModelOf({ live: live(['/pricing — 2']) });
    trayService.render(
      before,
      menuTemplate(before.items, null, () => undefined),
      'k',
    );
    const after = trayModelOf({ live: live(['/docs — 2']) });
    trayService.render(
      after,
      menuTemplate(after.items, null, () => undefined),
      'k',
    );
    expect(tray.menus).toHaveLength(2);
    expect(tray.menu.allLabels()).toContain('/docs — 2');
    trayService.render(
      after,
      menuTemplate(after.items, null, () => undefined),
      'k',
    );
    expect(tray.menus).toHaveLength(2);
  });
});

describe('tray service and sales', () => {
  it('draws the sale badge while a sale is marked, opens the menu mark on menu-will-show, and the plain badge after', () => {
    const opened: string[] = [];
    const tray = new FakeTray();
    const images: Array<[number | null, string, boolean]> = [];
    const trayService = new TrayService({
      tray,
      platform: 'linux',
      buildMenu,
      countImage: (visitors, status, sale = false) => {
        images.push([visitors, status, sale]);
        return fakeImages.createEmpty();
      },
      templateIcon: () => fakeImages.createEmpty(),
      onMenuOpen: () => opened.push('menu'),
    });
    const sale = { websiteKey: websiteKey('shop'), text: 'New sale on Shop: $49.00', until: 1 };
    const marked = trayModelOf({ sale });
    trayService.render(
      marked,
      menuTemplate(marked.items, null, () => undefined),
      'k',
    );
    tray.menu.open();
    const plain = trayModelOf();
    trayService.render(
      plain,
      menuTemplate(plain.items, null, () => undefined),
      'k',
    );
    expect(images).toEqual([
      [42, 'ok', true],
      [42, 'ok', false],
    ]);
    expect(opened).toEqual(['menu']);
    expect(marked.title).toBe('42 · $');
    expect(marked.tooltip).toBe('Shop — 42 visitors\nupdated just now\nNew sale on Shop: $49.00');
  });
});
