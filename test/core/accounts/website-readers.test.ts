import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenBudgetKey } from '../../../src/core/accounts/token-checks';
import { WebsiteReaders } from '../../../src/core/accounts/website-readers';
import { createDataFastClient } from '../../../src/core/datafast/client';
import { nodeTransport } from '../../../src/core/datafast/node-transport';
import { KeychainUnavailableError } from '../../../src/core/storage/keychain-errors';
import type { WebsiteSettings } from '../../../src/core/storage/settings-schema';
import { systemClock } from '../../../src/core/time/clock';
import { websiteKey } from '../../../src/shared/website-ids';
import { failureOf } from '../../support/failure-of';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../../support/fake-datafast';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

const website = (id: string, overrides: Partial<WebsiteSettings> = {}): WebsiteSettings => ({
  id: websiteKey(id),
  label: id,
  dataFastSiteId: null,
  domain: `${id}.example.com`,
  tokenKind: 'website-key',
  order: 0,
  spikeThreshold: null,
  notifySales: true,
  apiOrigin: new URL(fake.url).origin,
  ...overrides,
});

function readers(tokens: Record<string, string | Error>) {
  const asked: string[] = [];
  const instance = new WebsiteReaders({
    accounts: {
      tokenFor: (id) => {
        asked.push(id);
        const token = tokens[id];
        return token instanceof Error ? Promise.reject(token) : Promise.resolve(token ?? null);
      },
    },
    createClient: (apiUrl) => createDataFastClient({ apiUrl, transport: nodeTransport() }),
    clock: systemClock,
  });
  return { instance, asked };
}

describe('configured websites as readers', () => {
  it('read each token from the keychain once, until told to forget, and share a budget by token fingerprint', async () => {
    const { instance, asked } = readers({ shop: TEST_TOKENS.shopKey, docs: TEST_TOKENS.shopKey });
    const loaded = await instance.load([website('shop'), website('docs')], fake.url);
    await instance.load([website('shop'), website('docs')], fake.url);
    expect(asked).toEqual(['shop', 'docs']);
    expect(loaded.websites.map((each) => each.budgetKey)).toEqual([tokenBudgetKey(TEST_TOKENS.shopKey), tokenBudgetKey(TEST_TOKENS.shopKey)]);
    await expect(loaded.websites[0]?.read(AbortSignal.timeout(2_000))).resolves.toBe(42);
    instance.forget('shop');
    await instance.load([website('shop'), website('docs')], fake.url);
    expect(asked).toEqual(['shop', 'docs', 'shop']);
  });

  it('refuse to send a token to an address other than its own, and say so once per load', async () => {
    const { instance } = readers({ shop: TEST_TOKENS.shopKey });
    const loaded = await instance.load([website('shop', { apiOrigin: 'https://datafa.st' })], fake.url);
    expect(loaded.refusals).toEqual([expect.stringMatching(/^shop's token was added for https:\/\/datafa\.st; add it again/) as unknown]);
    expect((await failureOf(loaded.websites[0]!.read(AbortSignal.timeout(1_000)))).kind).toBe('wrong-origin');
    expect(loaded.websites[0]?.live).toBeUndefined();
  });

  it('go on without a token the keychain cannot give, naming the problem', async () => {
    const { instance } = readers({ shop: new KeychainUnavailableError('no Secret Service', 'linux') });
    const loaded = await instance.load([website('shop')], fake.url);
    expect(loaded.keychainProblem).toBeInstanceOf(KeychainUnavailableError);
    expect(loaded.tokens.get('shop')).toBeNull();
    expect(await failureOf(loaded.websites[0]!.read(AbortSignal.timeout(1_000)))).toMatchObject({
      kind: 'missing-token',
      message: 'No token is available for shop. Add the website again.',
    });
  });

  it('keep the demo as one simulation across loads, with no token asked for', async () => {
    const { instance, asked } = readers({});
    const demo = website('demo', { tokenKind: 'demo', domain: null });
    const first = await instance.load([demo], fake.url);
    const second = await instance.load([demo], fake.url);
    expect(asked).toEqual([]);
    expect(first.websites[0]).toMatchObject({ budgetKey: 'demo', revision: 'demo' });
    expect(typeof (await second.websites[0]!.read(AbortSignal.timeout(1_000)))).toBe('number');
  });
});
