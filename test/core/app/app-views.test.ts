import { describe, expect, it } from 'vitest';
import { appStateOf, historyPoints, lastHourOf, trayViewOf, type ViewInputs } from '../../../src/core/app/app-views';
import { History } from '../../../src/core/readings/history';
import { DEFAULT_SETTINGS, type WebsiteSettings } from '../../../src/core/storage/settings-schema';
import { websiteKey } from '../../../src/shared/website-ids';
import { pollState, shopWebsite } from '../../support/settings-fixtures';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const MINUTE = 60_000;
const site = (id: string, label: string, order: number): WebsiteSettings => shopWebsite({ id: websiteKey(id), label, domain: `${id}.example.com`, order });
const shop = site('w_shop', 'Shop', 0);
const blog = site('w_blog', 'Blog', 1);

function inputs(overrides: Partial<ViewInputs> = {}): ViewInputs {
  return {
    settings: { ...DEFAULT_SETTINGS, websites: [shop, blog], activeWebsiteKey: null },
    loaded: [
      { settings: shop, maskedToken: 'df_…1234', tokenInSessionOnly: false },
      { settings: blog, maskedToken: null, tokenInSessionOnly: false },
    ],
    states: [pollState({ websiteKey: shop.id, fetchedAt: NOW - 5_000, visitors: 42 }), pollState({ websiteKey: blog.id, fetchedAt: NOW - 5_000, visitors: 7 })],
    paused: false,
    now: NOW,
    locale: 'en-US',
    ...overrides,
  };
}

describe("the window's and the tray's views", () => {
  it('show the active website, the first in order when none is named', () => {
    expect(trayViewOf(inputs()).headline).toBe('Shop — 42 visitors');
    const blogActive = inputs({ settings: { ...DEFAULT_SETTINGS, websites: [shop, blog], activeWebsiteKey: blog.id } });
    expect(trayViewOf(blogActive).headline).toBe('Blog — 7 visitors');
  });

  it('give the window each website with its count and state, tokens masked, and the settings without the websites and address', () => {
    const view = inputs();
    const state = appStateOf(view, trayViewOf(view), new History(), ['A notice.'], { live: null, today: null });
    expect(state.websites.map((website) => [website.label, website.countText, website.status, website.maskedToken])).toEqual([
      ['Shop', '42', 'ok', 'df_…1234'],
      ['Blog', '7', 'ok', null],
    ]);
    expect(state.activeWebsiteKey).toBe(shop.id);
    expect(state.notices).toEqual(['A notice.']);
    for (const kept of ['websites', 'apiUrl', 'activeWebsiteKey', 'schemaVersion']) expect(state.settings).not.toHaveProperty(kept);
    expect(state.settings).toHaveProperty('refreshIntervalSeconds', 30);
  });

  it("chart the active website's last hour as it is, and its day one point per five minutes, the highest", () => {
    const history = new History();
    for (const [minutesAgo, visitors] of [
      [90, 5],
      [30, 10],
      [29, 30],
      [2, 8],
    ] as const)
      history.add(shop.id, NOW - minutesAgo * MINUTE, visitors);
    expect(lastHourOf(inputs(), history).map((point) => point.visitors)).toEqual([10, 30, 8]);
    const day = historyPoints(history, shop.id, NOW - 24 * 60 * MINUTE, NOW, 5 * MINUTE);
    expect(day.map((point) => point.visitors)).toEqual([5, 30, 8]);
  });
});
