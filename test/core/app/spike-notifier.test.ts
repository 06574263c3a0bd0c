import { describe, expect, it } from 'vitest';
import { SpikeNotifier, websiteName, type NotificationRequest } from '../../../src/core/app/spike-notifier';
import type { SpikeEvent } from '../../../src/core/readings/spike-detector';
import { DEFAULT_SETTINGS, type Settings, type WebsiteSettings } from '../../../src/core/storage/settings-schema';
import { dataFastSiteId, websiteKey } from '../../../src/shared/website-ids';

const NOW = Date.UTC(2026, 11, 2, 15, 0, 0);
const shop: WebsiteSettings = {
  id: websiteKey('w_shop'),
  label: 'My shop',
  dataFastSiteId: dataFastSiteId('site_shop'),
  domain: 'shop.example.com',
  tokenKind: 'account-token',
  order: 0,
  spikeThreshold: null,
  notifySales: true,
  apiOrigin: 'https://datafa.st',
};
const demo: WebsiteSettings = { ...shop, id: websiteKey('demo'), label: 'Demo website', dataFastSiteId: null, domain: null, tokenKind: 'demo', order: 1 };
const spike: SpikeEvent = { websiteKey: shop.id, visitors: 128, baseline: 30, reason: 'above-usual', at: NOW };

function notifier(settings: Partial<Settings> = {}) {
  const sent: NotificationRequest[] = [];
  const current: Settings = { ...DEFAULT_SETTINGS, websites: [shop, demo], activeWebsiteKey: shop.id, ...settings };
  const spikes = new SpikeNotifier({
    settings: () => current,
    clock: { now: () => NOW, setTimeout: () => 0, clearTimeout: () => undefined, random: () => 0 },
    locale: 'en-US',
    notify: (request) => void sent.push(request),
  });
  return { spikes, sent };
}

describe('spike notifications', () => {
  it('name the website by its domain and open its dashboard', () => {
    const { spikes, sent } = notifier();
    spikes.onSpike(spike);
    expect(sent).toEqual([
      {
        websiteKey: shop.id,
        title: expect.stringContaining('shop.example.com') as unknown,
        body: expect.any(String) as unknown,
        url: 'https://datafa.st/dashboard/site_shop',
      },
    ]);
  });

  it('stay quiet while off or snoozed, and for a website no longer configured', () => {
    const off = notifier({ notifications: { ...DEFAULT_SETTINGS.notifications, enabled: false } });
    off.spikes.onSpike(spike);
    const snoozed = notifier({ notifications: { ...DEFAULT_SETTINGS.notifications, snoozedUntil: NOW + 60_000 } });
    snoozed.spikes.onSpike(spike);
    expect(snoozed.spikes.snoozed()).toBe(true);
    const gone = notifier({ websites: [demo] });
    gone.spikes.onSpike(spike);
    expect([...off.sent, ...snoozed.sent, ...gone.sent]).toEqual([]);
    expect(notifier({ notifications: { ...DEFAULT_SETTINGS.notifications, snoozedUntil: NOW - 1 } }).spikes.snoozed()).toBe(false);
  });

  it('send a sample marked as a test, for the active website or example.com', () => {
    const { spikes, sent } = notifier();
    spikes.test();
    const none = notifier({ websites: [], activeWebsiteKey: null });
    none.spikes.test();
    expect(sent[0]?.title).toMatch(/shop\.example\.com.*\(test\)$/);
    expect(none.sent[0]).toMatchObject({ title: expect.stringMatching(/example\.com.*\(test\)$/) as unknown, url: null });
  });

  it("offer no dashboard for the demo, and DataFast's list for a website without its id", () => {
    const { spikes } = notifier({ websites: [{ ...shop, dataFastSiteId: null, tokenKind: 'website-key' }, demo] });
    expect(spikes.dashboardUrlFor(demo.id)).toBeNull();
    expect(spikes.dashboardUrlFor(shop.id)).toBe('https://datafa.st/dashboard');
    expect(websiteName(demo)).toBe('Demo website (demo)');
  });
});
