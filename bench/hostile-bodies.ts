/**
 * What a hostile DataFast costs the runner: peak memory (max RSS) of `--once` against a 400 MB
 * body, a body that never ends and a gzip body that inflates to 1 GiB, against a normal reply,
 * and how long each run took. Goal: under 100 MB above the normal read, ended by the 10 s deadline.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HostileDataFast } from '../test/support/hostile-datafast';
import { peakMemoryReporter, peakMiBFrom } from './peak-memory';

const CLI = resolve(__dirname, '../dist/cli.mjs');

async function peakOf(folder: string, apiUrl: string): Promise<{ maxRssMiB: number; seconds: number; code: number | null }> {
  const report = peakMemoryReporter(folder);
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--require', report, CLI, '--once', '--api-url', apiUrl], {
      env: { PATH: process.env['PATH'] ?? '', HOME: folder, DATAFAST_MENUBAR_CONFIG_DIR: folder, DATAFAST_API_KEY: 'df_bench_0000000000000000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      done({ maxRssMiB: peakMiBFrom(stderr), seconds: (Date.now() - started) / 1000, code });
    });
  });
}

export async function benchHostileBodies(): Promise<void> {
  const hostile = await HostileDataFast.start();
  const folder = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  try {
    await hostile.gzipBomb(); // compressed once up front, so its time is not the runner's
    const normal = await peakOf(folder, hostile.url('ok'));
    const cases = [
      ['400 MB body', 'huge'],
      ['endless body', 'endless'],
      ['1 GiB gzip bomb', 'gzip-bomb'],
    ] as const;
    const parts: string[] = [];
    for (const [name, mode] of cases) {
      const run = await peakOf(folder, hostile.url(mode));
      parts.push(`${name} +${(run.maxRssMiB - normal.maxRssMiB).toFixed(1)} MiB in ${run.seconds.toFixed(1)} s (exit ${run.code})`);
    }
    console.log(`hostile replies, runner --once peak memory above a normal read (${normal.maxRssMiB.toFixed(0)} MiB): ${parts.join('; ')}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await hostile.close();
  }
}
