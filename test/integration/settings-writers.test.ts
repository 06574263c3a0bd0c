import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings-schema';
import { tempDir } from '../support/temp';

const run = promisify(execFile);
const work = tempDir('settings-writers-');
const writer = join(work.path, 'settings-writer.js');

beforeAll(async () => {
  // The writer runs the repository's own code, bundled as the runner's is.
  await build({ entryPoints: [resolve(__dirname, '../support/settings-writer.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: writer, logLevel: 'silent' });
});
afterAll(() => work.remove());

describe('settings written by several processes at once', () => {
  it('keeps every change of 3 processes making 20 read-modify-write changes each', async () => {
    const dir = join(work.path, 'config');
    const ids = ['w_a', 'w_b', 'w_c'];
    const websites = ids.map((id, order) => ({ id, label: id, websiteId: null, domain: `${id}.example.com`, tokenKind: 'website-key' as const, order, spikeThreshold: null, apiOrigin: 'https://datafa.st' }));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, websites, activeWebsiteId: 'w_a' }));
    await Promise.all(ids.map((id) => run(process.execPath, [writer, dir, id, '20'])));
    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Settings;
    expect(saved.websites.map((website) => [website.id, website.spikeThreshold])).toEqual(ids.map((id) => [id, 20]));
  }, 60_000);
});
