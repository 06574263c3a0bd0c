import { describe, expect, it } from 'vitest';
import { activeWebsiteOf, DEFAULT_SETTINGS, withActiveWebsite, type WebsiteSettings } from '../../../src/core/storage/settings-schema';
import { websiteKey } from '../../../src/shared/website-ids';
import { shopWebsite } from '../../support/settings-fixtures';

const site = (id: string, order: number): WebsiteSettings => shopWebsite({ id: websiteKey(id), label: id, domain: `${id}.example.com`, order });

describe('the active website', () => {
  const websites = [site('w_blog', 1), site('w_shop', 0), site('w_docs', 2)];

  it('is the one the settings name while it is configured', () => {
    expect(activeWebsiteOf({ websites, activeWebsiteKey: websiteKey('w_docs') })?.id).toBe('w_docs');
  });

  it('is the first in the order the person chose when none is named, or the named one is gone', () => {
    expect(activeWebsiteOf({ websites, activeWebsiteKey: null })?.id).toBe('w_shop');
    expect(activeWebsiteOf({ websites, activeWebsiteKey: websiteKey('w_gone') })?.id).toBe('w_shop');
  });

  it('is none without websites, and is what a change to the list saves', () => {
    expect(activeWebsiteOf({ websites: [], activeWebsiteKey: websiteKey('w_gone') })).toBeNull();
    expect(withActiveWebsite({ ...DEFAULT_SETTINGS, websites, activeWebsiteKey: websiteKey('w_gone') }).activeWebsiteKey).toBe('w_shop');
    expect(withActiveWebsite({ ...DEFAULT_SETTINGS, websites: [], activeWebsiteKey: websiteKey('w_gone') }).activeWebsiteKey).toBeNull();
  });
});
