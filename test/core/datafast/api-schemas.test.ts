import { describe, expect, it } from 'vitest';
import { metadataResponseSchema, visitorCountSchema, websitesResponseSchema } from '../../../src/core/datafast/api-schemas';

describe("DataFast's metadata and website list", () => {
  it('read metadata as a list, as documented, or a bare object', () => {
    const row = { domain: 'shop.example.com', name: 'Shop', timezone: 'Europe/Paris', logo: null };
    expect(metadataResponseSchema.parse({ status: 'success', data: [row] }).data).toEqual([row]);
    expect(metadataResponseSchema.parse({ status: 'success', data: row }).data).toEqual(row);
    expect(metadataResponseSchema.safeParse({ status: 'success', data: [] }).success).toBe(false);
    expect(metadataResponseSchema.safeParse({ status: 'success', data: [{ domain: '' }] }).success).toBe(false);
  });

  it('refuse a website without an id or a domain, keep one without a name', () => {
    expect(websitesResponseSchema.parse({ status: 'success', data: [{ _id: 'site_shop', domain: 'shop.example.com' }] }).data).toEqual([
      { _id: 'site_shop', domain: 'shop.example.com' },
    ]);
    expect(websitesResponseSchema.safeParse({ status: 'success', data: [{ domain: 'shop.example.com' }] }).success).toBe(false);
    expect(websitesResponseSchema.safeParse({ status: 'success', data: [{ _id: 'x'.repeat(65), domain: 'a' }] }).success).toBe(false);
  });

  it('check a count inside larger replies by the same rule as the realtime count', () => {
    expect(visitorCountSchema.safeParse(10_000_000).success).toBe(true);
    const refused = visitorCountSchema.safeParse(10_000_001);
    expect(refused.success ? null : refused.error.issues[0]?.message).toBe('is more than 10,000,000 visitors');
  });
});
