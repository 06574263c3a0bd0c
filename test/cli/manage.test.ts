import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKeytar } from '../../src/core/storage/secret-store';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { keychainProblem, removeService, requireKeychain, testServiceName } from '../support/keychain';
import { runCli } from '../support/run-cli';
import { filesBelow, tempDir } from '../support/temp';

const problem = await keychainProblem();

describe.skipIf(problem !== null && !requireKeychain)('runner with the keychain and settings', () => {
  let fake: FakeDataFast;
  let dir: ReturnType<typeof tempDir>;
  let service: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (problem) throw new Error(`CI needs a working Secret Service: ${problem}`);
    fake = await standardFake();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    dir = tempDir();
    service = testServiceName();
    env = { DATAFAST_MENUBAR_CONFIG_DIR: dir.path, DATAFAST_MENUBAR_KEYCHAIN_SERVICE: service };
  });
  afterEach(async () => {
    await removeService(service);
    dir.remove();
  });

  const cli = (args: string[], stdin = '', extra: Record<string, string> = {}) => runCli(args, { ...env, ...extra }, stdin);
  const settingsFile = () =>
    JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8')) as {
      websites: Array<{ id: string; label: string; domain: string | null; dataFastSiteId: string | null }>;
      activeWebsiteKey: string | null;
    };

  it('adds a website key from stdin, labels it from metadata, and reads it back after a restart', async () => {
    const added = await cli(['add', '--api-url', fake.url], `${TEST_TOKENS.shopKey}\n`);
    expect(added).toMatchObject({ code: 0, stdout: 'Added Shop (shop.example.com).\n' });
    const [website] = settingsFile().websites;
    expect(website).toMatchObject({ label: 'Shop', domain: 'shop.example.com', dataFastSiteId: null });
    const keytar = await loadKeytar();
    // The entry also names the custom API address the key was added for.
    expect(await keytar.getPassword(service, website?.id ?? '')).toBe(`${TEST_TOKENS.shopKey} api:${new URL(fake.url).origin}`);

    // A new process, no DATAFAST_API_KEY: the website and its token come from settings and keychain.
    const read = await cli(['--once', '--api-url', fake.url]);
    expect(read).toMatchObject({ code: 0, stdout: '42\n' });
    const listed = await cli(['list']);
    expect(listed.stdout).toMatch(/^\* Shop {2}shop\.example\.com {2}\[w_[0-9a-f]{12}\] {2}df_…1234\n$/);
    expect(listed.stdout).not.toContain(TEST_TOKENS.shopKey);
  });

  it('prints names from DataFast on one line each, with no control character reaching the terminal', async () => {
    const shop = fake.websites.get('site_shop');
    if (!shop) throw new Error('the standard fake has site_shop');
    fake.websites.set('site_shop', { ...shop, name: 'Sh\u001b[2Jop\nrm -rf ~\u0007' });
    try {
      // eslint-disable-next-line no-control-regex -- control characters are what must not get through
      const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
      const escapeOrBreak = new RegExp(`${control.source}|\\n(?!$)`);
      const added = await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/^Added Sh.*op rm -rf ~ \(shop\.example\.com\)\.\n$/);
      expect(added.stdout).not.toMatch(escapeOrBreak);
      const listed = await cli(['list']);
      expect(listed.stdout.split('\n')).toHaveLength(2);
      expect(listed.stdout).not.toMatch(escapeOrBreak);
      const account = await cli(['add', '--api-url', fake.url], TEST_TOKENS.account);
      expect(account.stderr).toContain('site_shop  shop.example.com');
      expect(account.stderr).not.toMatch(control);
      const removed = await cli(['remove', 'shop.example.com']);
      expect(removed.stdout).not.toMatch(escapeOrBreak);
    } finally {
      fake.websites.set('site_shop', shop);
    }
  });

  it('asks DataFast once per thing it needs to know while adding, and nothing for a usage mistake', async () => {
    const count = (path: string): number => fake.requestsTo(path).length;
    const [metadata, websites] = ['/api/v1/analytics/metadata', '/api/v1/admin/websites'];
    let before = [count(metadata), count(websites)];
    expect((await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey)).code).toBe(0);
    expect([count(metadata) - (before[0] ?? 0), count(websites) - (before[1] ?? 0)]).toEqual([1, 0]);
    before = [count(metadata), count(websites)];
    expect((await cli(['add', '--api-url', fake.url, '--website-id', 'site_docs'], TEST_TOKENS.account)).code).toBe(0);
    expect([count(metadata) - (before[0] ?? 0), count(websites) - (before[1] ?? 0)]).toEqual([1, 1]);
    const requests = fake.requests.length;
    const misuse = await cli(['add', '--api-url', fake.url, '--all'], TEST_TOKENS.blogKey);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('--website-id and --all are for account tokens');
    expect(fake.requests.length).toBe(requests);
  });

  it('says Updated, not Added, when a website that exists gets its key again, and keeps one website', async () => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    const again = await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    expect(again).toMatchObject({ code: 0, stdout: 'Updated Shop (shop.example.com).\n' });
    expect(settingsFile().websites).toHaveLength(1);
  });

  it('lists what an account token can see, then adds the chosen websites or all of them', async () => {
    const ask = await cli(['add', '--api-url', fake.url], TEST_TOKENS.account);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('site_docs  docs.example.com');
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);

    const some = await cli(['add', '--api-url', fake.url, '--website-id', 'site_docs', '--website-id', 'site_blog'], TEST_TOKENS.account);
    expect(some.code).toBe(0);
    expect(settingsFile().websites.map((w) => w.dataFastSiteId)).toEqual(['site_docs', 'site_blog']);

    const all = await cli(['add', '--api-url', fake.url, '--all'], TEST_TOKENS.account);
    expect(all.code).toBe(0);
    expect(settingsFile().websites.map((w) => w.dataFastSiteId)).toEqual(['site_docs', 'site_blog', 'site_shop']);

    const docs = await cli(['--once', '--api-url', fake.url, '--website', 'docs.example.com']);
    expect(docs.stdout).toBe('1.2k\n');
    const unknown = await cli(['add', '--api-url', fake.url, '--website-id', 'site_other'], TEST_TOKENS.account);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('cannot see site_other');
  });

  it('removes a website by domain, label or id, with its keychain entry', async () => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.blogKey);
    const [shop, blog] = settingsFile().websites;
    const removed = await cli(['remove', 'shop.example.com']);
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed Shop (shop.example.com) and its token.\n' });
    const keytar = await loadKeytar();
    expect(await keytar.getPassword(service, shop?.id ?? '')).toBeNull();
    expect(settingsFile().websites.map((w) => w.id)).toEqual([blog?.id]);
    expect(settingsFile().activeWebsiteKey).toBe(blog?.id);
    expect((await cli(['remove', 'Blog'])).code).toBe(0);
    expect((await cli(['remove', 'nothing-like-it'])).code).toBe(2);
  });

  it('rejects a bad token without saving anything', async () => {
    const rejected = await cli(['add', '--api-url', fake.url], TEST_TOKENS.revoked);
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toContain('Invalid or missing API key');
    const malformed = await cli(['add', '--api-url', fake.url], 'not-a-token');
    expect(malformed.code).toBe(2);
    const empty = await cli(['add', '--api-url', fake.url], '');
    expect(empty.code).toBe(2);
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
    expect(await (await loadKeytar()).findCredentials(service)).toEqual([]);
  });

  it('leaves no byte of any token anywhere under the settings folder', async () => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    await cli(['add', '--api-url', fake.url, '--all'], TEST_TOKENS.account);
    await cli(['--once', '--api-url', fake.url]);
    const files = filesBelow(dir.path);
    expect(files.length).toBeGreaterThan(0);
    for (const token of [TEST_TOKENS.shopKey, TEST_TOKENS.account]) {
      const secretPart = token.slice(token.indexOf('_') + 1);
      for (const file of files) {
        for (const encoding of ['utf8', 'utf16le', 'base64'] as const) {
          expect(
            file.bytes.includes(
              Buffer.from(encoding === 'base64' ? Buffer.from(secretPart).toString('base64') : secretPart, encoding === 'base64' ? 'utf8' : encoding),
            ),
          ).toBe(false);
        }
      }
    }
  });

  // Pointing the session bus nowhere makes the Secret Service unreachable; macOS and Windows
  // keychains have no such switch, and the store's error path is tested directly there.
  it.runIf(process.platform === 'linux')('exits 5 and writes nothing when the keychain is unavailable', async () => {
    const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const result = await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey, noKeychain);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/keychain is not available.*gnome-keyring or KWallet/);
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('says on stderr when it set a damaged settings file aside, and carries on', async () => {
    writeFileSync(join(dir.path, 'config.json'), '{"schemaVersion": 2, "websites": [');
    const listed = await cli(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('No websites yet');
    expect(listed.stderr).toMatch(
      /settings file could not be read \(it is not valid JSON\); starting with defaults\. The old file was kept as .*config\.corrupt-.*\.json/,
    );
    expect(readdirSync(dir.path).filter((name) => name.startsWith('config.corrupt-'))).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 3, "websites": ['],
    ['a list', '[]'],
    ['a website list that is a number', '{"schemaVersion": 3, "websites": 5}'],
  ])('restores every website from the keychain when the settings file is %s, and says so', async (_name, damage) => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    await cli(['add', '--api-url', fake.url, '--website-id', 'site_docs', '--website-id', 'site_blog'], TEST_TOKENS.account);
    const before = settingsFile().websites.map(({ id, label, domain, dataFastSiteId }) => ({ id, label, domain, dataFastSiteId }));
    writeFileSync(join(dir.path, 'config.json'), damage);

    // The first command after the damage brings them back, named by DataFast, and goes on.
    const read = await cli(['--once', '--api-url', fake.url, '--website', 'docs.example.com']);
    expect(read).toMatchObject({ code: 0, stdout: '1.2k\n' });
    expect(read.stderr).toMatch(
      /Restored 3 websites from the keychain: (Shop \(shop\.example\.com\)|Docs|Blog).*\. The damaged settings file is kept as .*config\.corrupt-/,
    );
    for (const name of ['Shop (shop.example.com)', 'Docs (docs.example.com)', 'Blog (blog.example.com)']) expect(read.stderr).toContain(name);
    const listed = await cli(['list', '--format', 'json']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(listed.stdout) as Array<{ id: string; label: string; domain: string; dataFastSiteId: string | null; tokenState: string }>;
    expect(
      rows.map(({ id, label, domain, dataFastSiteId }) => ({ id, label, domain, dataFastSiteId: dataFastSiteId })).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([...before].sort((a, b) => a.id.localeCompare(b.id)));
    expect(rows.every((row) => row.tokenState === 'stored')).toBe(true);
    // The old file is kept as it was, and the restored websites read as before.
    const [aside] = readdirSync(dir.path).filter((name) => name.startsWith('config.corrupt-'));
    expect(readFileSync(join(dir.path, aside ?? ''), 'utf8')).toBe(damage);
    // The address they were restored from is remembered.
    expect((await cli(['--once', '--website', 'shop.example.com'])).stdout).toBe('42\n');
  });

  it('restores by hand what the keychain holds beyond the settings, and says when there is nothing', async () => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.blogKey);
    const [blog] = settingsFile().websites;
    writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...settingsFile(), websites: [], activeWebsiteKey: null }));
    const restored = await cli(['restore']);
    expect(restored).toMatchObject({ code: 0, stdout: 'Restored 1 website from the keychain: Blog (blog.example.com).\n' });
    expect(settingsFile().websites.map((w) => w.id)).toEqual([blog?.id]);
    expect((await cli(['restore'])).stdout).toContain('Nothing to restore');
  });

  it('keeps one website per DataFast site whichever token added it, and finds it by any name', async () => {
    expect((await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey)).stdout).toBe('Added Shop (shop.example.com).\n');
    const all = await cli(['add', '--api-url', fake.url, '--all'], TEST_TOKENS.account);
    expect(all.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'Added Blog (blog.example.com).',
      'Added Docs (docs.example.com).',
      'Updated Shop (shop.example.com).',
    ]);
    const websites = settingsFile().websites;
    expect(websites.map((w) => w.domain).sort()).toEqual(['blog.example.com', 'docs.example.com', 'shop.example.com']);
    // The key's entry became the account token's, and learnt DataFast's id on the way.
    expect(websites.find((w) => w.domain === 'shop.example.com')).toMatchObject({ dataFastSiteId: 'site_shop' });
    for (const name of ['Shop', 'shop.example.com', 'site_shop']) {
      expect(await cli(['--once', '--website', name])).toMatchObject({ code: 0, stdout: '42\n' });
    }
    expect((await cli(['remove', 'Shop'])).code).toBe(0);
  });

  it('answers for one site when old settings hold it twice, and names the choice when two sites share a label', async () => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.blogKey);
    const settings = settingsFile();
    const [shop, blog] = settings.websites;
    // As an older version could leave it: the same site twice, and another site under the same label.
    const twin = { ...shop, id: 'w_twin00000000', order: 5 };
    writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...settings, websites: [shop, { ...blog, label: 'Shop' }, twin] }));
    expect(await cli(['--once', '--website', 'shop.example.com'])).toMatchObject({ code: 0, stdout: '42\n' });
    const ambiguous = await cli(['--once', '--website', 'Shop']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"Shop" names different websites: Shop \(shop\.example\.com\), Shop \(blog\.example\.com\).*Use the domain or the id/);
  });

  it('remembers the API address a website was added with, and refuses a second address for other websites', async () => {
    await cli(['add', '--api-url', fake.url], TEST_TOKENS.shopKey);
    expect(JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8'))).toMatchObject({ apiUrl: fake.url });
    expect(await cli(['--once'])).toMatchObject({ code: 0, stdout: '42\n' });
    const elsewhere = await cli(['add', '--api-url', 'http://127.0.0.1:9'], TEST_TOKENS.blogKey);
    expect(elsewhere.code).toBe(4);
    expect(settingsFile().websites).toHaveLength(1);
  });

  it('keeps both changes when the runner and another writer change settings at once', async () => {
    const adds = [TEST_TOKENS.shopKey, TEST_TOKENS.blogKey].map((token) => cli(['add', '--api-url', fake.url], token));
    const all = cli(['add', '--api-url', fake.url, '--website-id', 'site_docs'], TEST_TOKENS.account);
    const results = await Promise.all([...adds, all]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(
      settingsFile()
        .websites.map((w) => w.domain)
        .sort(),
    ).toEqual(['blog.example.com', 'docs.example.com', 'shop.example.com']);
  });
});
