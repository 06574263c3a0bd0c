import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../bench/virtual-clock';
import { parseRunnerArgs, UsageError, type WatchOptions } from '../../src/cli/args';
import { configuredWebsite } from '../../src/cli/configured-website';
import { openContext } from '../../src/cli/context';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';
import { MemoryKeychain } from '../support/memory-keychain';
import { tempDir } from '../support/temp';

const demo = (id: string, label: string, order: number) => ({
  id,
  label,
  dataFastSiteId: null,
  domain: null,
  tokenKind: 'demo',
  order,
  spikeThreshold: null,
  notifySales: true,
  apiOrigin: 'https://datafa.st',
});

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

function options(...argv: string[]): WatchOptions {
  const command = parseRunnerArgs(argv);
  if (command.command !== 'watch') throw new Error('not a watch command');
  return command;
}

async function watched(settings: object, ...argv: string[]) {
  writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }));
  const keychain = new MemoryKeychain();
  const context = openContext({ env: { DATAFAST_MENUBAR_CONFIG_DIR: dir.path }, stderr: () => undefined, loadKeychain: () => Promise.resolve(keychain) }, null);
  const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
  return configuredWebsite(options(...argv), io, context, new VirtualClock(Date.now()));
}

describe('a configured website for the runner', () => {
  const websites = [demo('w_docs', 'Docs', 1), demo('w_shop', 'Shop', 0)];

  it('is the active one, at the rate the settings name, alone in a format that shows one', async () => {
    const website = await watched({ websites, activeWebsiteKey: 'w_docs', refreshIntervalSeconds: 60, numberFormat: 'full' });
    expect(website).toMatchObject({ label: 'Docs', intervalMs: 60_000, numberFormat: 'full', demo: true, others: [] });
  });

  it('is the first in order when none is active, with every other one where the output lists them all', async () => {
    const website = await watched({ websites, activeWebsiteKey: null }, '--format', 'xbar');
    expect(website.label).toBe('Shop');
    expect(website.others?.map((other) => other.label)).toEqual(['Docs']);
  });

  it('is the one --website names, and none at all says how to add one', async () => {
    await expect(watched({ websites, activeWebsiteKey: 'w_shop' }, '--website', 'docs')).resolves.toMatchObject({ label: 'Docs' });
    await expect(watched({ websites: [], activeWebsiteKey: null })).rejects.toThrow(UsageError);
  });
});
