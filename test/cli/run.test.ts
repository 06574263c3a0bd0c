import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, watchCli } from '../support/run-cli';
import { childEnv } from '../support/child-env';
import { FakeDataFast, standardFake, TEST_TOKENS } from '../support/fake-datafast';
import { tempDir } from '../support/temp';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

const withKey = (token: string): Record<string, string> => ({ DATAFAST_API_KEY: token });

describe('runner --once', () => {
  it('prints the count and exits 0', async () => {
    const result = await runCli(['--once', '--api-url', fake.url], withKey(TEST_TOKENS.shopKey));
    expect(result).toMatchObject({ code: 0, stdout: '42\n', stderr: '' });
  });

  it('prints one JSON reading', async () => {
    const result = await runCli(['--once', '--format', 'json', '--api-url', fake.url, '--website-id', 'site_docs'], withKey(TEST_TOKENS.account));
    expect(result.code).toBe(0);
    const reading = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(reading).toMatchObject({ type: 'reading', visitors: 1234, stale: false, error: null });
    expect(typeof reading['fetchedAt']).toBe('string');
  });

  it('prints waybar JSON with a class', async () => {
    const result = await runCli(['--once', '--format', 'waybar', '--api-url', fake.url], withKey(TEST_TOKENS.shopKey));
    expect(JSON.parse(result.stdout)).toEqual({ text: '42', tooltip: expect.stringContaining('42 visitors') as unknown, class: 'ok', alt: 'ok' });
  });

  it('prints an xbar plugin with a dashboard link', async () => {
    const result = await runCli(['--format', 'xbar', '--api-url', fake.url, '--website-id', 'site_shop'], withKey(TEST_TOKENS.account));
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('42');
    expect(lines[1]).toBe('---');
    expect(lines).toContain('Open dashboard | href=https://datafa.st/dashboard/site_shop');
  });

  it('names a website known only by its account token from DataFast in xbar and waybar, not by its id', async () => {
    const xbar = await runCli(['--format', 'xbar', '--api-url', fake.url, '--website-id', 'site_docs'], withKey(TEST_TOKENS.account));
    expect(xbar.stdout.split('\n')[2]).toBe('Docs — 1.2k visitors | emojize=false symbolize=false');
    const waybar = await runCli(['--once', '--format', 'waybar', '--api-url', fake.url, '--website-id', 'site_docs'], withKey(TEST_TOKENS.account));
    expect((JSON.parse(waybar.stdout) as { tooltip: string }).tooltip).toMatch(/^Docs — 1\.2k visitors\n/);
  });

  it('draws ⚠ and exits 0 in every bar format when the read fails, and keeps the status for text and json', async () => {
    const expected: Record<string, { code: number; first: string }> = {
      text: { code: 3, first: '⚠' },
      json: { code: 3, first: '{"type":"reading"' },
      waybar: { code: 0, first: '{"text":"⚠","tooltip":' },
      polybar: { code: 0, first: '%{F#e5484d}⚠%{F-}' },
      i3blocks: { code: 0, first: '⚠' },
      xbar: { code: 0, first: '⚠ | color=#e5484d' },
    };
    for (const [format, { code, first }] of Object.entries(expected)) {
      const result = await runCli(['--once', '--format', format, '--api-url', fake.url], withKey(TEST_TOKENS.revoked));
      expect({ format, code: result.code, first: result.stdout.split('\n')[0]?.slice(0, first.length) }).toEqual({ format, code, first });
      // polybar draws stderr on the bar, over the count: it gets none.
      if (format === 'polybar') expect(result.stderr).toBe('');
      else expect(result.stderr).toContain('401');
    }
  });

  it('draws ⚠ with the reason for a bar when there is nothing to read yet', async () => {
    const dir = tempDir();
    try {
      const xbar = await runCli(['--format', 'xbar'], { DATAFAST_MENUBAR_CONFIG_DIR: dir.path });
      expect(xbar.code).toBe(0);
      expect(xbar.stdout).toMatch(/^⚠ \| color=#e5484d\n---\nNo website configured\..* \| emojize=false symbolize=false\n---\nRefresh \| refresh=true\n$/);
      const text = await runCli(['--once'], { DATAFAST_MENUBAR_CONFIG_DIR: dir.path });
      expect(text).toMatchObject({ code: 2, stdout: '⚠\n' });
    } finally {
      dir.remove();
    }
  });

  it('exits 3 on a rejected token, drawing ⚠ on stdout and naming the reason on stderr without the token', async () => {
    const result = await runCli(['--once', '--api-url', fake.url], withKey(TEST_TOKENS.revoked));
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('⚠\n');
    expect(result.stderr).toContain('401');
    expect(result.stderr).not.toContain(TEST_TOKENS.revoked);
  });

  it('exits 3 when the token may not read the website', async () => {
    const result = await runCli(['--once', '--api-url', fake.url, '--website-id', 'site_other'], withKey(TEST_TOKENS.account));
    expect(result.code).toBe(3);
  });

  it('exits 4 on a server error and on an unreachable API', async () => {
    fake.queueFault({ type: 'html', status: 502 });
    expect((await runCli(['--once', '--api-url', fake.url], withKey(TEST_TOKENS.shopKey))).code).toBe(4);
    const unreachable = await runCli(['--once', '--api-url', 'http://127.0.0.1:9'], withKey(TEST_TOKENS.shopKey));
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toContain('Could not reach DataFast at http://127.0.0.1:9 (ECONNREFUSED)');
  });

  it.each([
    ['no token', [], {}],
    ['a malformed token', [], withKey('df_oops')],
    ['an account token without --website-id', [], withKey(TEST_TOKENS.account)],
    ['a bad interval', ['--interval', '3'], withKey(TEST_TOKENS.shopKey)],
    ['a bad format', ['--format', 'csv'], withKey(TEST_TOKENS.shopKey)],
    ['an unknown option', ['--colour'], withKey(TEST_TOKENS.shopKey)],
    ['an API URL that is not one', ['--api-url', 'datafa.st'], withKey(TEST_TOKENS.shopKey)],
    ['a token in argv', ['--token', TEST_TOKENS.shopKey], {}],
    ['a bare token in argv', [TEST_TOKENS.shopKey], {}],
  ] as const)('exits 2 on %s, without any request', async (_name, args, env) => {
    const before = fake.requests.length;
    const result = await runCli(['--once', '--api-url', fake.url, ...args], { ...env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^datafast-menubar: .{20,}/);
    expect(result.stderr).not.toContain(TEST_TOKENS.shopKey);
    expect(fake.requests.length).toBe(before);
  });

  it('explains itself with --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const word of ['--once', '--format', 'waybar', 'xbar', '--interval', '--website-id', '--api-url', '--demo', 'DATAFAST_API_KEY', 'Exit status']) {
      expect(result.stdout).toContain(word);
    }
  });
});

describe('runner watch mode', () => {
  it('prints a line per update and follows the count', async () => {
    fake.setVisitors('site_blog', 7);
    const { lines, code } = await watchCli(
      ['--format', 'json', '--interval', '10', '--api-url', fake.url],
      withKey(TEST_TOKENS.blogKey),
      (seen) => seen.length >= 2,
      (seen) => {
        if (seen.length === 1) fake.setVisitors('site_blog', 11);
      },
    );
    // Windows has no SIGTERM handler to run: the process is ended outright.
    expect(code).toBe(process.platform === 'win32' ? null : 0);
    expect(lines.map((line) => (JSON.parse(line) as { visitors: number }).visitors)).toEqual([7, 11]);
  }, 30_000);

  it('stops with exit 3 when the token is rejected, since nothing will change', async () => {
    const result = await watchCli(['--api-url', fake.url], withKey(TEST_TOKENS.revoked), () => false);
    expect(result.code).toBe(3);
    expect(result.lines).toEqual(['⚠']);
    expect(result.stderr).toContain('did not accept this token');
  });

  it('streams demo readings with no token and no network', async () => {
    const { lines } = await watchCli(['--demo', '--format', 'json'], {}, (seen) => seen.length >= 1);
    const reading = JSON.parse(lines[0] ?? '{}') as { type: string; visitors: number; website: string };
    expect(reading.type).toBe('reading');
    expect(Number.isInteger(reading.visitors)).toBe(true);
    expect(reading.website).toContain('demo');
  });
});

// Pointing the session bus nowhere makes the Secret Service unreachable, as on a machine
// without a running keychain.
describe.runIf(process.platform === 'linux')('runner list without a keychain', () => {
  const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };

  it('says there are no websites yet without touching the keychain', async () => {
    const dir = tempDir();
    try {
      const result = await runCli(['list'], { ...noKeychain, DATAFAST_MENUBAR_CONFIG_DIR: dir.path });
      expect(result).toEqual({ code: 0, stdout: 'No websites yet. Add one: printf %s "$TOKEN" | datafast-menubar add\n', stderr: '' });
    } finally {
      dir.remove();
    }
  });

  it('lists the websites with their tokens out of reach, and says why once', async () => {
    const dir = tempDir();
    try {
      copyFileSync(join(__dirname, '..', 'fixtures', 'settings-v2.json'), join(dir.path, 'config.json'));
      const result = await runCli(['list'], { ...noKeychain, DATAFAST_MENUBAR_CONFIG_DIR: dir.path });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('* Blog  blog.example.com  [w_blog]  token: keychain unavailable\n');
      expect(result.stderr.match(/keychain is not available/g)).toHaveLength(1);
      expect(result.stderr).toMatch(/gnome-keyring or KWallet/);
    } finally {
      dir.remove();
    }
  });
});

describe('runner with a settings folder it cannot use', () => {
  it('says what failed and how to fix it, exit 2, instead of an unexpected failure', async () => {
    const dir = tempDir();
    try {
      const notAFolder = join(dir.path, 'settings');
      writeFileSync(notAFolder, 'not a folder');
      const result = await runCli(['list'], { DATAFAST_MENUBAR_CONFIG_DIR: notAFolder });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^datafast-menubar: the settings folder cannot be used \(EEXIST.*\)\. Check that it is a folder you may write to, or choose another with DATAFAST_MENUBAR_CONFIG_DIR\.\n$/,
      );
    } finally {
      dir.remove();
    }
  });
});

describe('runner and failures nobody handled', () => {
  it.each(['rejection', 'exception'])('reports an unhandled %s once, token redacted, and exits 4', async (kind) => {
    const { spawn } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['-r', join(__dirname, '..', 'fixtures', 'throw-later.cjs'), CLI, '--demo', '--interval', '10'], {
        env: childEnv({ THROW_LATER: kind }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `datafast-menubar: unexpected failure: ${kind === 'rejection' ? 'unhandled promise rejection' : 'uncaught exception'}: a library failed with df_…1234. Please report it (with this message) if it persists.\n`,
    );
  });
});

describe('runner small courtesies', () => {
  it('says its version', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    await expect(runCli(['--version'])).resolves.toEqual({ code: 0, stdout: `datafast-menubar ${version}\n`, stderr: '' });
  });

  it('refuses DATAFAST_API_KEY with --website, naming the conflict, before any request', async () => {
    const before = fake.requests.length;
    const result = await runCli(['--once', '--website', 'Blog', '--api-url', fake.url], withKey(TEST_TOKENS.shopKey));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('⚠\n');
    expect(result.stderr).toMatch(/--website picks a configured website.*DATAFAST_API_KEY is set too/);
    expect(fake.requests.length).toBe(before);
  });

  it.runIf(process.platform === 'linux' && existsSync('/usr/bin/script'))('says no token was given when Ctrl-D ends the prompt, exit 2', async () => {
    const { spawn } = await import('node:child_process');
    const dir = tempDir();
    try {
      const result = await new Promise<{ code: number | null; output: string }>((done) => {
        // `script` gives the runner a terminal, as a person typing at the prompt has.
        const child = spawn('script', ['-qec', `"${process.execPath}" "${CLI}" add`, '/dev/null'], {
          env: childEnv({ DATAFAST_MENUBAR_CONFIG_DIR: dir.path }),
        });
        let output = '';
        let sent = false;
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (sent || !output.includes('press Enter')) return;
          sent = true;
          // The prompt is printed just before the terminal is read; give it a moment.
          setTimeout(() => child.stdin.write('\u0004'), 300);
        });
        child.on('close', (code) => done({ code, output }));
      });
      expect(result.code).toBe(2);
      expect(result.output).toContain('No token on standard input');
    } finally {
      dir.remove();
    }
  });
});

describe('runner with settings from a newer version', () => {
  it('exits 2 saying to update, and leaves the file exactly as it was', async () => {
    const dir = tempDir();
    try {
      const newer = '{"schemaVersion":99,"websites":[]}';
      writeFileSync(join(dir.path, 'config.json'), newer);
      const result = await runCli(['list'], { DATAFAST_MENUBAR_CONFIG_DIR: dir.path });
      expect(result.code).toBe(2);
      expect(result.stderr.match(/made by a newer version of DataFast Menubar/g)).toHaveLength(1);
      expect(readFileSync(join(dir.path, 'config.json'), 'utf8')).toBe(newer);
    } finally {
      dir.remove();
    }
  });
});

describe('runner with a hand-edited settings file', () => {
  it('keeps every website, repairs the one bad value and names it, keeping the original', async () => {
    const dir = tempDir();
    try {
      const stored = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'settings-v3.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...stored, refreshIntervalSeconds: 5 }));
      const result = await runCli(['list'], { DATAFAST_MENUBAR_CONFIG_DIR: dir.path, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Blog  blog.example.com  [w_blog]');
      expect(result.stderr).toContain('The refresh interval must be at least 10 seconds; it was set back to 30 seconds.');
      expect(readdirSync(dir.path).filter((name) => name.startsWith('config.backup-'))).toHaveLength(1);
    } finally {
      dir.remove();
    }
  });
});

describe('runner watch mode and settings changed by another program', () => {
  const demo = (label: string) => ({
    id: 'demo',
    label,
    dataFastSiteId: null,
    domain: null,
    tokenKind: 'demo' as const,
    order: 0,
    spikeThreshold: null,
    notifySales: true,
    apiOrigin: 'https://datafa.st',
  });
  const writeSettings = (dir: string, websites: readonly ReturnType<typeof demo>[]) =>
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, websites, activeWebsiteKey: websites[0]?.id ?? null }));

  it('follows a rename, then ends with the reason when its website is removed', async () => {
    const dir = tempDir();
    try {
      writeSettings(dir.path, [demo('Shop window')]);
      let step = 0;
      const result = await watchCli(
        ['--format', 'json', '--website', 'demo'],
        { DATAFAST_MENUBAR_CONFIG_DIR: dir.path },
        () => false,
        (lines) => {
          const labels = lines.map((line) => (JSON.parse(line) as { website?: string }).website);
          if (step === 0 && labels.includes('Shop window (demo)')) {
            step = 1;
            writeSettings(dir.path, [demo('Renamed shop')]);
          } else if (step === 1 && labels.includes('Renamed shop (demo)')) {
            step = 2;
            writeSettings(dir.path, []);
          }
        },
      );
      expect(step).toBe(2);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/datafast-menubar: .*demo/);
    } finally {
      dir.remove();
    }
  }, 40_000);
});

describe('the SwiftBar stream and settings changed by another program', () => {
  const demoWebsite = (id: string, label: string, order: number) => ({
    id,
    label,
    dataFastSiteId: null,
    domain: null,
    tokenKind: 'demo' as const,
    order,
    spikeThreshold: null,
    notifySales: true,
    apiOrigin: 'https://datafa.st',
  });
  const settingsWith = (shopLabel: string) =>
    JSON.stringify({
      ...DEFAULT_SETTINGS,
      refreshIntervalSeconds: 10,
      websites: [demoWebsite('w_shop', shopLabel, 0), demoWebsite('w_docs', 'Docs', 1)],
      activeWebsiteKey: 'w_shop',
    });

  it('still lists every website with its count after another program rewrites the settings file', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'config.json'), settingsWith('Shop'));
      // Each block begins with ~~~ and ends with the Refresh line; its websites read "✓ Shop (demo) — 12 | href=…",
      // or "Docs (demo) — — | href=…" without a count.
      const blocks = (lines: readonly string[]): Array<Map<string, string>> =>
        lines
          .join('\n')
          .split(/^~~~$/m)
          .filter((block) => block.includes('Refresh | refresh=true'))
          .map((block) => new Map([...block.matchAll(/^(?:✓ )?(.+?) \(demo\) — (.+?) \| href=/gm)].map((match) => [match[1] ?? '', match[2] ?? ''])));
      let rewritten = false;
      const renamed = (seen: readonly string[]) => blocks(seen).filter((block) => block.has('Shop renamed'));
      const { lines } = await watchCli(
        ['--format', 'swiftbar'],
        { DATAFAST_MENUBAR_CONFIG_DIR: dir.path },
        // The block the change itself prints, and the next reading's.
        (seen) => renamed(seen).length >= 2,
        (seen) => {
          if (!rewritten && blocks(seen).some((block) => /^\d+$/.test(block.get('Docs') ?? ''))) {
            rewritten = true;
            writeFileSync(join(dir.path, 'config.json'), settingsWith('Shop renamed'));
          }
        },
      );
      const after = renamed(lines);
      expect(after.length).toBeGreaterThanOrEqual(2);
      for (const block of after) expect(block.get('Docs')).toMatch(/^\d+$/);
    } finally {
      dir.remove();
    }
  }, 40_000);
});

describe('runner formats with a website name built to break them', () => {
  const NAME = 'Tom & Jerry | color=red <b>\n"x" \'y\'';
  const TOKEN = 'dft_test_hostile_name_000000000001';
  let hostile: FakeDataFast;
  beforeAll(async () => {
    hostile = await FakeDataFast.start(
      [{ id: 'site_evil', domain: 'evil.example.com', name: NAME, visitors: 5 }],
      [{ token: TOKEN, kind: 'account-token', websiteIds: ['site_evil'] }],
    );
  });
  afterAll(() => hostile.close());
  const read = (format: string) => runCli(['--once', '--format', format, '--api-url', hostile.url, '--website-id', 'site_evil'], withKey(TOKEN));

  it('keeps waybar JSON one line, its markup escaped', async () => {
    const result = await read('waybar');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const { tooltip } = JSON.parse(result.stdout) as { tooltip: string };
    expect(tooltip.split('\n')[0]).toBe('Tom &amp; Jerry | color=red &lt;b&gt; &quot;x&quot; &#39;y&#39; — 5 visitors');
  });

  it('keeps the xbar name on its own line, unable to add a parameter', async () => {
    const lines = (await read('xbar')).stdout.trim().split('\n');
    expect(lines[2]).toBe('Tom & Jerry │ color=red <b> "x" \'y\' — 5 visitors | emojize=false symbolize=false');
  });

  it('keeps text, polybar and i3blocks to the count', async () => {
    expect((await read('text')).stdout).toBe('5\n');
    expect((await read('polybar')).stdout).toBe('5\n');
    expect((await read('i3blocks')).stdout).toBe('5\n5\n');
  });

  it('keeps the name whole in JSON', async () => {
    expect(JSON.parse((await read('json')).stdout)).toMatchObject({ website: 'site_evil', visitors: 5 });
  });
});
