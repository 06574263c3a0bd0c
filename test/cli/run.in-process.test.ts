import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRunner, type RunnerIO } from '../../src/cli/run';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { MemoryKeychain } from '../support/memory-keychain';
import { tempDir } from '../support/temp';

/**
 * The runner in this process, through runRunner with its ports filled in: the same commands the
 * child-process tests run as a status bar would, here where each branch can be reached quickly
 * and measured. The keychain is in memory (its real behaviour has its own tests).
 */
interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

let dir: ReturnType<typeof tempDir>;
let keychain: MemoryKeychain;
beforeEach(() => {
  dir = tempDir('runner-in-process-');
  keychain = new MemoryKeychain();
});
afterEach(() => dir.remove());

async function run(argv: string[], options: { env?: Record<string, string>; token?: string; stop?: AbortSignal } = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const io: RunnerIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { DATAFAST_MENUBAR_CONFIG_DIR: dir.path, ...options.env },
    // macOS: no Secret Service lock to ask D-Bus about; the keychain is the one in memory.
    platform: 'darwin',
    homedir: dir.path,
    loadKeychain: () => Promise.resolve(keychain),
    readToken: () => Promise.resolve(options.token ?? ''),
    ...(options.stop !== undefined && { stopSignal: options.stop }),
  };
  const code = await runRunner(argv, io);
  return { code, stdout: out.map((line) => `${line}\n`).join(''), stderr: err.join('\n') };
}

const key = { DATAFAST_API_KEY: TEST_TOKENS.shopKey };

describe('runner, in process', () => {
  it('reads once in every format', async () => {
    expect(await run(['--once', '--api-url', fake.url], { env: key })).toMatchObject({ code: 0, stdout: '42\n' });
    expect(JSON.parse((await run(['--once', '--format', 'json', '--api-url', fake.url], { env: key })).stdout)).toMatchObject({ visitors: 42 });
    expect(JSON.parse((await run(['--once', '--format', 'waybar', '--api-url', fake.url], { env: key })).stdout)).toMatchObject({ text: '42', class: 'ok' });
    expect((await run(['--format', 'xbar', '--api-url', fake.url], { env: key })).stdout).toMatch(/^42\n---\nShop — 42 visitors/);
    expect((await run(['--format', 'i3blocks', '--api-url', fake.url], { env: key })).stdout).toBe('42\n42\n');
    expect((await run(['--once', '--format', 'polybar', '--api-url', fake.url], { env: key })).stdout).toBe('42\n');
  });

  it('says its version and usage, and refuses a token in argv', async () => {
    expect((await run(['--version'])).stdout).toMatch(/^datafast-menubar \d+\.\d+\.\d+\n$/);
    expect((await run(['--help'])).stdout).toContain('Status-bar recipes');
    const refused = await run([TEST_TOKENS.shopKey]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Tokens are not accepted as arguments');
  });

  it('adds, lists, reads, removes and restores websites through the keychain', async () => {
    expect(await run(['add', '--api-url', fake.url], { token: TEST_TOKENS.shopKey })).toMatchObject({ code: 0, stdout: 'Added Shop (shop.example.com).\n' });
    const chooser = await run(['add'], { token: TEST_TOKENS.account });
    expect(chooser.code).toBe(2);
    expect(chooser.stderr).toContain('site_docs  docs.example.com  (Docs)');
    expect((await run(['add', '--website-id', 'site_docs'], { token: TEST_TOKENS.account })).stdout).toBe('Added Docs (docs.example.com).\n');
    expect((await run(['list'])).stdout).toMatch(/^\* Shop {2}shop\.example\.com .*df_…1234\n {2}Docs {2}docs\.example\.com .*dft_…9999\n$/);
    expect(JSON.parse((await run(['list', '--format', 'json'])).stdout)).toHaveLength(2);
    expect((await run(['--once', '--website', 'Docs'])).stdout).toBe('1.2k\n');
    expect((await run(['remove', 'docs.example.com'])).stdout).toBe('Removed Docs (docs.example.com) and its token.\n');

    writeFileSync(join(dir.path, 'config.json'), '{"websites": 5}');
    const after = await run(['--once', '--api-url', fake.url]);
    expect(after.stderr).toMatch(/Restored 1 website from the keychain: Shop \(shop\.example\.com\)\. The damaged settings file is kept as /);
    expect(after.stdout).toBe('42\n');
    expect(readdirSync(dir.path).some((name) => name.startsWith('config.corrupt-'))).toBe(true);
    expect((await run(['restore'])).stdout).toContain('Nothing to restore');
  });

  it('restores a website at the API address its token was added for, named by DataFast there, after config.json is deleted', async () => {
    expect((await run(['add', '--api-url', fake.url], { token: TEST_TOKENS.shopKey })).code).toBe(0);
    rmSync(join(dir.path, 'config.json'));
    // No --api-url: the keychain entry says where its token belongs.
    expect(await run(['restore'])).toMatchObject({ code: 0, stdout: 'Restored 1 website from the keychain: Shop (shop.example.com).\n' });
    expect(await run(['--once'])).toMatchObject({ code: 0, stdout: '42\n' });
    expect([...keychain.entries.values()]).toEqual([`${TEST_TOKENS.shopKey} api:${new URL(fake.url).origin}`]);
  });

  it('names a website restored while DataFast could not be asked at its first reading', async () => {
    expect((await run(['add', '--api-url', fake.url], { token: TEST_TOKENS.shopKey })).code).toBe(0);
    rmSync(join(dir.path, 'config.json'));
    fake.queueFault({ type: 'reset' }, '/api/v1/analytics/metadata');
    expect((await run(['restore'])).stdout).toBe('Restored 1 website from the keychain: Restored website (df_…1234).\n');
    expect(await run(['--once'])).toMatchObject({ code: 0, stdout: '42\n' });
    expect((await run(['list'])).stdout).toMatch(/^\* Shop {2}shop\.example\.com /);
  });

  it('lists websites without tokens when the keychain is out of reach, and refuses to add', async () => {
    await run(['add', '--api-url', fake.url], { token: TEST_TOKENS.shopKey });
    keychain.unavailable = true;
    const listed = await run(['list']);
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stdout).toContain('token: keychain unavailable');
    expect((await run(['add'], { token: TEST_TOKENS.blogKey })).code).toBe(5);
    const bar = await run(['--format', 'xbar']);
    expect(bar.code).toBe(0);
    expect(bar.stdout).toMatch(/^⚠ \| color=#e5484d\n---\n/);
  });

  it('watches until stopped, one line per reading', async () => {
    const stop = new AbortController();
    const lines: string[] = [];
    const io: RunnerIO = {
      stdout: (text) => {
        lines.push(text);
        stop.abort();
      },
      stderr: () => undefined,
      env: { DATAFAST_MENUBAR_CONFIG_DIR: dir.path },
      stopSignal: stop.signal,
    };
    expect(await runRunner(['--demo', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ type: 'reading', website: 'Demo website (demo)' });
  });

  it('ends a watch with the reason when the token is rejected', async () => {
    const watched = await run(['--api-url', fake.url], { env: { DATAFAST_API_KEY: TEST_TOKENS.revoked } });
    expect(watched.code).toBe(3);
    expect(watched.stdout).toBe('⚠\n');
    expect(watched.stderr).toContain('401');
  });

  it('keeps stderr empty for polybar, which draws it on the bar, while the text format names the reason', async () => {
    const unreachable = ['--api-url', 'http://127.0.0.1:9'];
    const stop = AbortSignal.timeout(1_500);
    const polybar = await run(['--format', 'polybar', ...unreachable], { env: key, stop });
    expect(polybar.stdout.split('\n')[0]).toBe('%{F#e5484d}⚠%{F-}');
    expect(polybar.stderr).toBe('');
    const text = await run(['--once', ...unreachable], { env: key });
    expect(text.stderr).toContain('Could not reach DataFast');
  });
});
