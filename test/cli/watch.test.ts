import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../bench/virtual-clock';
import { parseRunnerArgs, type WatchOptions } from '../../src/cli/args';
import { readOnce, RECHECK_REJECTED_MS, watch, type WatchedWebsite, type WatchIO } from '../../src/cli/watch';
import { DataFastError } from '../../src/core/datafast/errors';
import { websiteKey } from '../../src/shared/website-ids';

const START = Date.UTC(2026, 11, 2, 9, 0, 0);

function options(...argv: string[]): WatchOptions {
  const command = parseRunnerArgs(argv);
  if (command.command !== 'watch') throw new Error('not a watch command');
  return command;
}

function website(key: string, label: string, read: () => Promise<number>, extra: Partial<WatchedWebsite> = {}): WatchedWebsite {
  return { websiteKey: websiteKey(key), label, dataFastSiteId: null, demo: false, intervalMs: 30_000, numberFormat: 'compact', read, ...extra };
}

function io(
  clock = new VirtualClock(START),
  stop = new AbortController(),
): WatchIO & { out: string[]; err: string[]; stop: AbortController; clock: VirtualClock } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), env: {}, clock, stopSignal: stop.signal, out, err, stop };
}

const rejected = () => Promise.reject(new DataFastError({ kind: 'unauthorized', message: 'DataFast did not accept this token (401).' }));

describe('one reading', () => {
  it('prints the count and exits 0', async () => {
    const runner = io();
    await expect(
      readOnce(
        options('--once'),
        website('w_shop', 'Shop', () => Promise.resolve(42)),
        runner,
      ),
    ).resolves.toBe(0);
    expect(runner.out).toEqual(['42']);
    expect(runner.err).toEqual([]);
  });

  it('says a rejected token on stdout and stderr, exit 3 in text, but 0 in a status-bar format so the bar keeps its output', async () => {
    const text = io();
    await expect(readOnce(options('--once'), website('w_shop', 'Shop', rejected), text)).resolves.toBe(3);
    expect(text.out).toEqual(['⚠']);
    expect(text.err.join('')).toContain('DataFast did not accept this token (401)');
    const bar = io();
    await expect(readOnce(options('--once', '--format', 'polybar'), website('w_shop', 'Shop', rejected), bar)).resolves.toBe(0);
    expect(bar.out.join('')).toContain('⚠');
  });
});

describe('one reading, in the words of a command that exits', () => {
  const unreachable = () =>
    Promise.reject(
      new DataFastError({
        kind: 'network',
        message: 'Could not reach DataFast at https://datafa.st (ECONNRESET). Check your internet connection or proxy; we will try again.',
      }),
    );

  it.each(['xbar', 'waybar', 'text'])('says "run it again" in the %s output and on stderr alike, never "we will try again"', async (format) => {
    const runner = io();
    await readOnce(options('--once', '--format', format), website('w_shop', 'Shop', unreachable), runner);
    const said = [...runner.out, ...runner.err].join('\n');
    expect(said).not.toContain('we will try again');
    expect(runner.err.join('')).toContain('proxy, then run it again.');
    if (format !== 'text') expect(runner.out.join('')).toContain('proxy, then run it again.');
  });
});

describe('watch mode', () => {
  it('prints every reading as it comes, and ends with 0 when stopped', async () => {
    const runner = io();
    let visitors = 40;
    const watching = watch(
      options(),
      website('w_shop', 'Shop', () => Promise.resolve(visitors++)),
      runner,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    await runner.clock.runUntil(START + 61_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    runner.stop.abort();
    await expect(watching).resolves.toBe(0);
    expect(runner.out.slice(0, 3)).toEqual(['40', '41', '42']);
  });

  it('keeps reading every website the output lists after the settings change, with the new name', async () => {
    const runner = io();
    let follow: (next: WatchedWebsite) => void = () => undefined;
    const docs = website('w_docs', 'Docs', () => Promise.resolve(7));
    const shop = website('w_shop', 'Shop', () => Promise.resolve(42), {
      others: [docs],
      follow: (onChange) => {
        follow = onChange;
        return () => undefined;
      },
    });
    const watching = watch(options('--format', 'swiftbar'), shop, runner);
    await new Promise((resolve) => setTimeout(resolve, 10));
    follow({ ...shop, label: 'Shop renamed', others: [docs] });
    await runner.clock.runUntil(START + 31_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    runner.stop.abort();
    await watching;
    const last = runner.out.at(-1) ?? '';
    expect(last).toMatch(/^✓ Shop renamed — 42 \|/m);
    expect(last).toMatch(/^Docs — 7 \|/m);
  });

  it('stops with 3 on a rejected token in a terminal format, since nothing changes without the user', async () => {
    const runner = io();
    const watching = watch(options(), website('w_shop', 'Shop', rejected), runner);
    await expect(watching).resolves.toBe(3);
    expect(runner.out).toEqual(['⚠']);
  });

  it.each(['waybar', 'polybar', 'xbar', 'swiftbar'])(
    'keeps a %s bar running on a rejected token, asking again slowly until a read succeeds',
    async (format) => {
      const runner = io();
      let reads = 0;
      let accepted = false;
      const shop = website('w_shop', 'Shop', () => {
        reads += 1;
        return accepted ? Promise.resolve(42) : rejected();
      });
      let ended = false;
      const watching = watch(options('--format', format), shop, runner).then((code) => {
        ended = true;
        return code;
      });
      await runner.clock.runUntil(START + RECHECK_REJECTED_MS - 1_000);
      expect(ended).toBe(false);
      expect(reads).toBe(1);
      expect(runner.out.at(-1)).toContain('⚠');
      accepted = true;
      await runner.clock.runUntil(START + RECHECK_REJECTED_MS + 1_000);
      expect(reads).toBe(2);
      expect(runner.out.at(-1)).toContain('42');
      expect(runner.out.at(-1)).not.toContain('⚠');
      runner.stop.abort();
      await expect(watching).resolves.toBe(0);
    },
  );

  it('brings a bar back at once when the settings give its website a new token', async () => {
    const runner = io();
    let follow: (next: WatchedWebsite) => void = () => undefined;
    const shop = website('w_shop', 'Shop', rejected, {
      follow: (onChange) => {
        follow = onChange;
        return () => undefined;
      },
    });
    const watching = watch(options('--format', 'waybar'), shop, runner);
    await runner.clock.runUntil(START + 60_000);
    expect(runner.out.at(-1)).toContain('"class":"error"');
    follow({ ...shop, revision: '2', read: () => Promise.resolve(42) });
    await runner.clock.runUntil(START + 61_000);
    expect(JSON.parse(runner.out.at(-1) ?? '{}')).toMatchObject({ text: '42', class: 'ok' });
    runner.stop.abort();
    await expect(watching).resolves.toBe(0);
  });
});
