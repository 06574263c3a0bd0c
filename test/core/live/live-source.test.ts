import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataFastClient } from '../../../src/core/datafast/client';
import { nodeTransport } from '../../../src/core/datafast/node-transport';
import { liveSourceOf } from '../../../src/core/live/live-source';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../../support/fake-datafast';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
  fake.setLive('site_shop', {
    visitors: [{ currentUrl: 'https://shop.example.com/a', referrer: null, location: { countryCode: 'FR' }, customerEmail: 'x@example.com' }],
    payments: [],
  });
});
afterAll(() => fake.close());

describe("a website's live details", () => {
  it('come from its realtime map, reduced to counts as they arrive, and its time zone from its metadata', async () => {
    const source = liveSourceOf(createDataFastClient({ apiUrl: fake.url, transport: nodeTransport() }), { token: TEST_TOKENS.shopKey });
    const map = await source.readMap(AbortSignal.timeout(2_000));
    expect(map.summary.countries).toEqual([{ country: 'FR', visitors: 1 }]);
    expect(JSON.stringify(map)).not.toContain('x@example.com');
    await expect(source.timeZone(AbortSignal.timeout(2_000))).resolves.toBe('Europe/Paris');
  });
});
