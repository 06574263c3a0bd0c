import { dataFastSiteId, websiteKey } from '../../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import { findWebsite, sameDomain, WebsiteNotFoundError } from '../../../src/core/accounts/website-lookup';
import type { WebsiteSettings } from '../../../src/core/storage/settings-schema';
import { shopWebsite } from '../../support/settings-fixtures';

function website(id: string, label: string, domain: string | null, siteId: string | null = null): WebsiteSettings {
  return shopWebsite({
    id: websiteKey(id),
    label,
    domain,
    dataFastSiteId: siteId === null ? null : dataFastSiteId(siteId),
    tokenKind: siteId ? 'account-token' : 'website-key',
  });
}

const shopKey = website('w_shop', 'Shop', 'shop.example.com');
const shopAccount = website('w_shop2', 'Shop', 'shop.example.com', 'site_shop');
const blog = website('w_blog', 'Blog', 'blog.example.com', 'site_blog');
const blogAsShop = website('w_blog2', 'Shop', 'blog.example.com');

describe('finding a website by what a person calls it', () => {
  it('finds by our id, DataFast id, domain or label, whatever the case', () => {
    for (const query of ['w_blog', 'SITE_BLOG', 'blog.example.com', ' blog ']) expect(findWebsite([shopKey, blog], query)).toBe(blog);
  });

  it('prefers an id over a domain, and a domain over a label', () => {
    const confusing = website('w_x', 'blog.example.com', 'x.example.com');
    expect(findWebsite([confusing, blog], 'blog.example.com')).toBe(blog);
  });

  it('answers with the first entry when one DataFast site is configured twice', () => {
    expect(findWebsite([shopKey, shopAccount], 'Shop')).toBe(shopKey);
    expect(findWebsite([shopKey, shopAccount], 'shop.example.com')).toBe(shopKey);
  });

  it('calls two different sites under one label ambiguous, naming both', () => {
    expect(() => findWebsite([shopKey, blogAsShop], 'Shop')).toThrow(
      /"Shop" names different websites: Shop \(shop\.example\.com\), Shop \(blog\.example\.com\)/,
    );
  });

  it('says what is configured when nothing matches', () => {
    expect(() => findWebsite([shopKey, blog], 'nope')).toThrow(WebsiteNotFoundError);
    expect(() => findWebsite([shopKey, blog], 'nope')).toThrow('Configured: shop.example.com, blog.example.com.');
    expect(() => findWebsite([], 'nope')).toThrow('none (add one first)');
  });

  it('compares domains without case, and never matches an unknown one', () => {
    expect(sameDomain('Shop.Example.com', 'shop.example.com')).toBe(true);
    expect(sameDomain(null, null)).toBe(false);
  });
});
