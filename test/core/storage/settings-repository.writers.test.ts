import { websiteKey } from '../../../src/shared/settings-shapes';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { History } from '../../../src/core/readings/history';
import { HistoryFile } from '../../../src/core/storage/history-file';
import { SALES_SEEN_FILE_NAME, SalesSeenFile } from '../../../src/core/storage/sales-seen-file';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../src/core/storage/settings-schema';
import { tempDir } from '../../support/temp';
import { inRepo } from '../../support/repo-paths';

const run = promisify(execFile);
const work = tempDir('file-writers-');
const writer = join(work.path, 'file-writer.js');

beforeAll(async () => {
  // The writer runs the app's own storage code, bundled as the runner's is.
  await build({
    entryPoints: [inRepo('test', 'support', 'file-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: writer,
    logLevel: 'silent',
  });
});
afterAll(() => work.remove());

function settingsFolder(name: string, ids: readonly string[]): string {
  const dir = join(work.path, name);
  mkdirSync(dir, { recursive: true });
  const websites = ids.map((id, order) => ({
    id,
    label: id,
    dataFastSiteId: null,
    domain: `${id}.example.com`,
    tokenKind: 'website-key' as const,
    order,
    spikeThreshold: null,
    notifySales: true,
    apiOrigin: 'https://datafa.st',
  }));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, websites, activeWebsiteKey: ids[0] ?? null }));
  return dir;
}

const KILL_MID_WRITE = inRepo('test', 'fixtures', 'kill-mid-write.cjs');

/** Runs a writer that is SIGKILLed halfway through its `atWrite`-th write of `file`. */
function killedMidWrite(args: readonly string[], file: string, atWrite: number): Promise<NodeJS.Signals | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', KILL_MID_WRITE, writer, ...args], {
      env: { ...process.env, KILL_WRITING: file, KILL_AT_WRITE: String(atWrite) },
      stdio: 'ignore',
    });
    child.on('error', fail);
    child.on('close', (_code, signal) => done(signal));
  });
}

describe('settings written by several processes at once', () => {
  it('keeps every change of 3 processes making 20 read-modify-write changes each', async () => {
    const ids = ['w_a', 'w_b', 'w_c'];
    const dir = settingsFolder('concurrent', ids);
    await Promise.all(ids.map((id) => run(process.execPath, [writer, 'settings', dir, id, '20'])));
    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Settings;
    expect(saved.websites.map((website) => [website.id, website.spikeThreshold])).toEqual(ids.map((id) => [id, 20]));
  }, 60_000);
});

describe('a writer killed in the middle of a write', () => {
  it.each([2, 3, 5])(
    'keeps every reading appended before a writer was killed halfway through append %i, and reads the cut line as not written',
    async (atWrite) => {
      const dir = join(work.path, `history-${atWrite}`);
      mkdirSync(dir, { recursive: true });
      // The first write is the compaction when the log is loaded; each one after is a round's append.
      expect(await killedMidWrite(['history', dir], 'history.log', atWrite)).toBe('SIGKILL');
      const problems: string[] = [];
      const loaded: History = new HistoryFile(dir).load(Date.now(), (message) => problems.push(message));
      expect(problems).toEqual([]);
      const completeRounds = atWrite - 2;
      const counts = (id: string): number[] => loaded.between(websiteKey(id), 0, Infinity).map((sample) => sample.visitors);
      const rounds = (length: number): number[] => Array.from({ length }, (_, i) => i + 1);
      // The cut round reached the first websites of its one write, not the last ones.
      expect(counts('w_0')).toEqual(rounds(completeRounds + 1));
      expect(counts('w_49')).toEqual(rounds(completeRounds));
      for (let i = 0; i < 50; i++) expect([rounds(completeRounds), rounds(completeRounds + 1)]).toContainEqual(counts(`w_${i}`));
    },
    30_000,
  );

  it.each([
    ['app', 2],
    ['app', 7],
    ['runner', 2],
    ['runner', 7],
  ])(
    "leaves the settings file whole when the %s's writer is killed halfway through change %i",
    async (backend, atWrite) => {
      const dir = settingsFolder(`settings-${backend}-${atWrite}`, ['w_a']);
      expect(await killedMidWrite(['settings', dir, 'w_a', '20', backend], 'config.json', atWrite)).toBe('SIGKILL');
      const saved = settingsSchema.parse(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')));
      expect(saved.websites[0]?.spikeThreshold).toBe(atWrite - 1);
    },
    30_000,
  );

  it.each([2, 5])(
    'leaves the seen sales whole when killed halfway through save %i, as they were one save before',
    async (atWrite) => {
      const dir = join(work.path, `sales-seen-${atWrite}`);
      mkdirSync(dir, { recursive: true });
      expect(await killedMidWrite(['sales-seen', dir], SALES_SEEN_FILE_NAME, atWrite)).toBe('SIGKILL');
      const saved = new SalesSeenFile(dir).load();
      const ids = Array.from({ length: atWrite - 1 }, (_, i) => `pay_${i + 1}`);
      expect(saved.get(websiteKey('w_a'))).toEqual({ ids, checkedAt: atWrite - 1 });
    },
    30_000,
  );
});
