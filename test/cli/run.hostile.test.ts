import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { lstatSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';
import { childEnv } from '../support/child-env';
import { TEST_TOKENS } from '../support/fake-datafast';
import { HostileDataFast } from '../support/hostile-datafast';
import { CLI } from '../support/run-cli';
import { tempDir } from '../support/temp';
import { shopWebsite } from '../support/settings-fixtures';

let hostile: HostileDataFast;
const config = tempDir('runner-hostile-');
beforeAll(async () => {
  hostile = await HostileDataFast.start();
});
afterAll(async () => {
  await hostile.close();
  config.remove();
});
afterEach(() => {
  hostile.requests.length = 0;
});

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds from the signal (or from the start, without one) to the process ending. */
  readonly elapsedMs: number;
}

/**
 * Runs the built runner; stdin stays open (as a status bar's pipe would) unless `stdin` is given.
 * `signalAfterMs` sends `signal` that long after the start; `killAfterMs` is the backstop that
 * tells "ended" from "had to be killed".
 */
function runner(
  args: readonly string[],
  env: Record<string, string>,
  options: { stdin?: string; signal?: NodeJS.Signals; signalAfterMs?: number; killAfterMs?: number } = {},
): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: childEnv({ DATAFAST_MENUBAR_CONFIG_DIR: config.path, ...env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let from = Date.now();
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    const signalTimer =
      options.signalAfterMs === undefined
        ? null
        : setTimeout(() => {
            from = Date.now();
            child.kill(options.signal ?? 'SIGTERM');
          }, options.signalAfterMs);
    const killTimer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signalTimer) clearTimeout(signalTimer);
      clearTimeout(killTimer);
      child.stdin.destroy();
      resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - from });
    });
  });
}

const withKey = { DATAFAST_API_KEY: TEST_TOKENS.shopKey };

describe('runner --once against a hostile DataFast', () => {
  it('gives up on a reply whose body never ends at the 10 s deadline, exit 4', async () => {
    const ended = await runner(['--once', '--api-url', hostile.url('endless')], withKey);
    expect(ended.signal).toBeNull();
    expect(ended).toMatchObject({ code: 4, stderr: 'datafast-menubar: DataFast did not answer within 10 s. Check your connection, then run it again.\n' });
  }, 30_000);

  it('says when to try again after a 429, not that it is pausing a process that has ended', async () => {
    const ended = await runner(['--once', '--api-url', hostile.url('retry-after/90')], withKey);
    expect(ended).toMatchObject({ code: 4, stderr: 'datafast-menubar: DataFast asked us to slow down (429); try again in 90 s.\n' });
  });

  it('does not read a 400 MB reply, exit 4', async () => {
    const ended = await runner(['--once', '--api-url', hostile.url('huge')], withKey);
    expect(ended).toMatchObject({ code: 4, stderr: expect.stringContaining('larger than 256 KiB') as unknown });
  });

  it('stops inflating a gzip bomb at the cap, exit 4', async () => {
    hostile.bombBytes = 256 * 1024 * 1024;
    try {
      const ended = await runner(['--once', '--api-url', hostile.url('gzip-bomb')], withKey);
      expect(ended).toMatchObject({ code: 4, stderr: expect.stringContaining('larger than 256 KiB') as unknown });
    } finally {
      hostile.bombBytes = 1024 * 1024 * 1024;
    }
  }, 30_000);
});

describe('runner watch mode against absurd retry times', () => {
  it.each(['retry-after/99999999999', 'reset/99999999999999'])('waits quietly after a 429 with %s: one request, no timer overflow', async (mode) => {
    const ended = await runner(['--format', 'json', '--api-url', hostile.url(mode)], withKey, { signalAfterMs: 1_500 });
    expect(ended.stderr).not.toContain('TimeoutOverflowWarning');
    expect(ended.stderr.length).toBeLessThan(2_000);
    expect(hostile.requests).toHaveLength(1);
    expect(ended.stdout).toContain('pausing this token for 60 min');
  });
});

describe('runner signals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('ends within 2 s of %s while a reply trickles in', async (signal) => {
    const ended = await runner(['--once', '--api-url', hostile.url('endless')], withKey, { signal, signalAfterMs: 500, killAfterMs: 5_000 });
    expect(ended.signal).not.toBe('SIGKILL');
    expect(ended.elapsedMs).toBeLessThan(2_000);
  });

  it('ends within 2 s of SIGTERM while it waits for a token on standard input', async () => {
    const ended = await runner(['add'], {}, { signalAfterMs: 500, killAfterMs: 5_000 });
    expect(ended.signal).not.toBe('SIGKILL');
    expect(ended.elapsedMs).toBeLessThan(2_000);
  });
});

// FIFOs and symbolic links as an unprivileged user are POSIX things.
describe.runIf(process.platform !== 'win32')('runner with a settings file that is not a regular file', () => {
  const folder = tempDir('runner-unsafe-');
  afterAll(() => folder.remove());

  it('refuses a FIFO in place of config.json without blocking, keeps it, and ends on SIGTERM', async () => {
    const dir = join(folder.path, 'fifo');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mkfifo', [join(dir, 'config.json')]);
    const ended = await runner(['list'], { DATAFAST_MENUBAR_CONFIG_DIR: dir }, { signalAfterMs: 3_000, killAfterMs: 6_000 });
    expect(ended.signal).toBeNull();
    expect(ended.code).toBe(2);
    expect(ended.stderr).toMatch(/config\.json is a named pipe \(FIFO\), not a regular file\. It was left as it is/);
    expect(lstatSync(join(dir, 'config.json')).isFIFO()).toBe(true);
  });

  it('refuses a config.json that links outside its folder', async () => {
    const dir = join(folder.path, 'link');
    execFileSync('mkdir', ['-p', dir]);
    const elsewhere = join(folder.path, 'elsewhere.json');
    writeFileSync(elsewhere, JSON.stringify(DEFAULT_SETTINGS));
    symlinkSync(elsewhere, join(dir, 'config.json'));
    const ended = await runner(['list'], { DATAFAST_MENUBAR_CONFIG_DIR: dir });
    expect(ended.code).toBe(2);
    expect(ended.stderr).toContain('is a link that leads outside its folder');
  });

  it('refuses a folder in place of config.json', async () => {
    const dir = join(folder.path, 'folder');
    execFileSync('mkdir', ['-p', join(dir, 'config.json')]);
    const ended = await runner(['list'], { DATAFAST_MENUBAR_CONFIG_DIR: dir });
    expect(ended.code).toBe(2);
    expect(ended.stderr).toContain('config.json is a folder, not a regular file');
  });
});

describe('runner and the API address', () => {
  it('sends a stored token only to the origin it was added for', async () => {
    const dir = tempDir();
    try {
      const website = shopWebsite();
      writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, websites: [website], activeWebsiteKey: 'w_shop' }));
      const ended = await runner(['--once', '--api-url', hostile.url('ok')], { DATAFAST_MENUBAR_CONFIG_DIR: dir.path });
      expect(ended.code).toBe(2);
      expect(ended.stderr).toContain(`Shop's token was added for https://datafa.st; add it again to use ${new URL(hostile.url('ok')).origin}`);
      expect(hostile.requests).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it.each(['http://datafa.st', 'http://192.0.2.1:8080', 'ftp://datafa.st'])(
    'refuses %s as an API address: https, or plain http on this computer only',
    async (address) => {
      const ended = await runner(['--once', '--api-url', address], withKey);
      expect(ended.code).toBe(2);
      expect(ended.stderr).toMatch(/must use https/);
    },
  );
});
