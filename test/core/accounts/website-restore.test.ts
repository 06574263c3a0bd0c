import { describe, expect, it } from 'vitest';
import { hasPlaceholderName, restoreNotice } from '../../../src/core/accounts/website-restore';
import type { WebsiteSettings } from '../../../src/core/storage/settings-schema';
import { websiteKey } from '../../../src/shared/website-ids';
import { harnessesOnStandardFake } from '../../support/app-harness';
import { TEST_TOKENS } from '../../support/fake-datafast';
import { MemoryKeychain } from '../../support/memory-keychain';
import { shopWebsite } from '../../support/settings-fixtures';

const harnesses = harnessesOnStandardFake();

const website = (label: string, domain: string | null): WebsiteSettings => shopWebsite({ id: websiteKey(`w_${label.toLowerCase()}`), label, domain });

describe('websites brought back from the keychain', () => {
  it('come back with their ids and their names from DataFast, once each', async () => {
    const keychain = new MemoryKeychain();
    const app = await harnesses.open({ keychain, start: false });
    await app.addToken(TEST_TOKENS.shopKey);
    await app.addToken(TEST_TOKENS.blogKey);
    const before = app.settings
      .read()
      .websites.map((each) => each.id)
      .sort();
    // The settings lose their websites; the keychain keeps the tokens.
    await app.settings.update((settings) => ({ ...settings, websites: [], activeWebsiteKey: null }));
    const outcome = await app.accounts.restoreLost();
    expect(outcome.restored.map((each) => each.id).sort()).toEqual(before);
    expect(outcome.restored.map((each) => each.label).sort()).toEqual(['Blog', 'Shop']);
    expect((await app.accounts.restoreLost()).restored).toEqual([]);
  });

  it('are told in one sentence: what came back, what could not, and where the damaged file went', () => {
    expect(restoreNotice({ restored: [], unplaced: 0, keptAs: '/x/config.corrupt.json' })).toBeNull();
    expect(restoreNotice({ restored: [website('Shop', 'shop.example.com'), website('Blog', null)], unplaced: 1, keptAs: '/x/config.corrupt.json' })).toBe(
      'Restored 2 websites from the keychain: Shop (shop.example.com), Blog. 1 account token in the keychain could not be matched to a website (the token sees several): add it again. The damaged settings file is kept as /x/config.corrupt.json.',
    );
  });
});

describe('the name a website is restored under', () => {
  it('is known as a placeholder until DataFast names it, and a name the user gave is theirs', () => {
    expect(hasPlaceholderName({ label: 'Restored website (df_…1234)', domain: null })).toBe(true);
    expect(hasPlaceholderName({ label: 'Restored website site_shop', domain: null })).toBe(true);
    expect(hasPlaceholderName({ label: 'My shop', domain: null })).toBe(false);
    expect(hasPlaceholderName({ label: 'Restored website (df_…1234)', domain: 'shop.example.com' })).toBe(false);
  });
});
