import { describe, expect, it } from 'vitest';
import { repairSettings } from '../../../src/core/storage/settings-repair';
import { DEFAULT_SETTINGS } from '../../../src/core/storage/settings-schema';

const shop = { id: 'w_shop', label: 'Shop', dataFastSiteId: null, domain: 'shop.example.com', tokenKind: 'website-key', order: 0, spikeThreshold: null };

describe('settings edited by hand', () => {
  it('keep every good value and name each bad one as it is set back', () => {
    const repaired = repairSettings({
      ...DEFAULT_SETTINGS,
      websites: [shop],
      activeWebsiteKey: 'w_shop',
      refreshIntervalSeconds: 5,
      numberFormat: 'huge',
      notifications: { ...DEFAULT_SETTINGS.notifications, minimum: -3 },
    });
    expect(repaired?.settings).toMatchObject({
      refreshIntervalSeconds: 30,
      numberFormat: 'compact',
      activeWebsiteKey: 'w_shop',
      websites: [{ id: 'w_shop', label: 'Shop' }],
    });
    expect(repaired?.settings.notifications.minimum).toBe(DEFAULT_SETTINGS.notifications.minimum);
    expect(repaired?.repairs).toEqual([
      'The refresh interval must be at least 10 seconds; it was set back to 30 seconds.',
      expect.stringMatching(/; it was set back to compact\.$/) as unknown,
      expect.stringMatching(/; it was set back to \d+\.$/) as unknown,
    ]);
    expect(repaired?.websitesLeftOut).toBe(false);
  });

  it('leave out an account-token website without its id, and say so; the next one becomes active', () => {
    const blog = { ...shop, id: 'w_blog', label: 'Blog', domain: 'blog.example.com', order: 1 };
    const account = { ...shop, id: 'w_acct', label: 'Account site', tokenKind: 'account-token', order: 0 };
    const repaired = repairSettings({ ...DEFAULT_SETTINGS, websites: [account, blog], activeWebsiteKey: 'w_acct', refreshIntervalSeconds: 5 });
    expect(repaired?.settings.websites.map((website) => website.id)).toEqual(['w_blog']);
    expect(repaired?.settings.activeWebsiteKey).toBe('w_blog');
    expect(repaired?.repairs).toContain('Account site was left out: its account token needs the website ID, which was missing.');
    expect(repaired?.websitesLeftOut).toBe(true);
  });

  it('bind a website whose address is broken to DataFast itself, never to the broken one', () => {
    const repaired = repairSettings({ ...DEFAULT_SETTINGS, websites: [{ ...shop, apiOrigin: 'not an address' }] });
    expect(repaired?.settings.websites[0]?.apiOrigin).toBe('https://datafa.st');
  });

  it.each([[[]], ['text'], [{ ...DEFAULT_SETTINGS, websites: 5 }]])('give up on what is not settings at all: %j', (stored) => {
    expect(repairSettings(stored)).toBeNull();
  });
});
