import { websiteKey } from '../../src/shared/settings-shapes';
import type { PollState } from '../../src/core/polling/poll-entry';
import type { WebsiteSettings } from '../../src/core/storage/settings-schema';

/** The website most tests configure: Shop, added with its df_ key for DataFast itself. */
export function shopWebsite(overrides: Partial<WebsiteSettings> = {}): WebsiteSettings {
  return {
    id: websiteKey('w_shop'),
    label: 'Shop',
    dataFastSiteId: null,
    domain: 'shop.example.com',
    tokenKind: 'website-key',
    order: 0,
    spikeThreshold: null,
    notifySales: true,
    apiOrigin: 'https://datafa.st',
    ...overrides,
  };
}

/** The demo website: simulated visitors, no token. */
export function demoWebsite(overrides: Partial<WebsiteSettings> = {}): WebsiteSettings {
  return shopWebsite({ id: websiteKey('demo'), label: 'Demo website', domain: null, tokenKind: 'demo', ...overrides });
}

/** A website's polling state: 42 visitors, fresh, nothing wrong, unless the test says otherwise. */
export function pollState(overrides: Partial<PollState> & Pick<PollState, 'websiteKey' | 'fetchedAt'>): PollState {
  return { visitors: 42, lastAttemptAt: overrides.fetchedAt, error: null, stale: false, halted: false, nextPollAt: null, ...overrides };
}
