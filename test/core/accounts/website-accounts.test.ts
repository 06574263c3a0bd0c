import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHarness } from '../../support/app-harness';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../../support/fake-datafast';
import { MemoryKeychain } from '../../support/memory-keychain';

let first: FakeDataFast;
let second: FakeDataFast;
beforeAll(async () => {
  [first, second] = await Promise.all([standardFake(), standardFake()]);
});
afterAll(() => Promise.all([first.close(), second.close()]));

describe('website accounts', () => {
  it('refuses a token for a new API address while other websites are bound to the old one, and saves nothing', async () => {
    const keychain = new MemoryKeychain();
    const app = await appHarness(first.url, { keychain, start: false });
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      const before = app.settings.read().websites;
      await app.settings.update((settings) => ({ ...settings, apiUrl: second.url }));
      const checked = await app.controller.commands.checkToken(TEST_TOKENS.blogKey);
      await expect(app.controller.commands.addChecked(checked.pendingId, [])).rejects.toThrow(
        new RegExp(`^Shop was added for ${first.url.replace(/[.]/g, '\\.')}, and one API address serves every website\\..* Nothing was saved\\.$`),
      );
      expect(app.settings.read().websites).toEqual(before);
      expect([...keychain.entries.keys()]).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
