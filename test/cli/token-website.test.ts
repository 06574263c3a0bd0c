import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunnerArgs, type WatchOptions } from '../../src/cli/args';
import { websiteFromToken } from '../../src/cli/token-website';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

function options(...argv: string[]): WatchOptions {
  const command = parseRunnerArgs([...argv, '--api-url', fake.url]);
  if (command.command !== 'watch') throw new Error('not a watch command');
  return command;
}
const io = { stdout: () => undefined, stderr: () => undefined, env: {} };

describe('the website DATAFAST_API_KEY reads', () => {
  it("is a website key's own, read through node:http", async () => {
    const website = websiteFromToken(TEST_TOKENS.shopKey, options('--once'), io);
    expect(website).toMatchObject({ label: 'DataFast website', dataFastSiteId: null, demo: false, intervalMs: 30_000 });
    await expect(website.read(AbortSignal.timeout(2_000))).resolves.toBe(42);
    expect(website.describe).toBeUndefined();
  });

  it('is the one --website-id names for an account token, named by DataFast where a person reads the name', async () => {
    const website = websiteFromToken(TEST_TOKENS.account, options('--website-id', 'site_docs', '--format', 'waybar'), io);
    await expect(website.read(AbortSignal.timeout(2_000))).resolves.toBe(1234);
    await expect(website.describe?.(AbortSignal.timeout(2_000))).resolves.toBe('Docs');
  });

  it('says what is missing or too much, before anything is sent', () => {
    const before = fake.requests.length;
    expect(() => websiteFromToken(TEST_TOKENS.account, options(), io)).toThrow('An account token (dft_…) needs --website-id ID to say which website to watch.');
    expect(() => websiteFromToken(TEST_TOKENS.shopKey, options('--website-id', 'site_shop'), io)).toThrow(/--website-id is only for account tokens/);
    expect(() => websiteFromToken('not-a-token', options(), io)).toThrow(/That is not a DataFast API key/);
    expect(fake.requests.length).toBe(before);
  });
});
