import { describe, expect, it } from 'vitest';
import { spikeMessage } from '../../../src/core/readings/spike-message';
import { websiteKey } from '../../../src/shared/website-ids';

const spike = { websiteKey: websiteKey('w'), visitors: 1280, baseline: 30.4, reason: 'above-usual', at: 0 } as const;

describe('a spike in words', () => {
  it('says how many now and what is usual, in the locale', () => {
    expect(spikeMessage(spike, 'shop.example.com', null)).toEqual({
      title: 'Traffic spike on shop.example.com',
      body: '1,280 visitors now (usually about 30)',
    });
    expect(spikeMessage(spike, 'shop.example.com', null, 'de-DE').body).toBe('1.280 visitors now (usually about 30)');
  });

  it("names the person's alert level when that is why, and says only the count with nothing to compare", () => {
    expect(spikeMessage({ ...spike, reason: 'threshold' }, 'Shop', 1000).body).toBe('1,280 visitors now (your alert level is 1,000)');
    expect(spikeMessage({ ...spike, visitors: 1, baseline: null }, 'Shop', null).body).toBe('1 visitor now');
  });
});
