/**
 * What starting the runner costs, since xbar and SwiftBar start one per refresh: `--demo --once`
 * in each format against bare `node -e 0`, as the median wall time of several starts, and the
 * runner's peak memory (max RSS, read as the process exits). A real read is one-shot.ts's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { peakMemoryReporter, peakMiBFrom } from './peak-memory';

const CLI = resolve('dist/cli.mjs');
const RUNS = 9;

interface Start {
  readonly ms: number;
  readonly stderr: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Started asynchronously, so a server in this process can answer the runner.
function startOnce(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Start> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => done({ ms: performance.now() - started, stderr }));
  });
}

async function medianStart(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await startOnce(args, env)).ms);
  return median(times);
}

async function peakMiB(report: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { stderr } = await startOnce(['--require', report, ...args], env);
  return peakMiBFrom(stderr);
}

export async function benchRunnerStart(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'datafast-bench-start-'));
  try {
    const env = { ...process.env, DATAFAST_MENUBAR_CONFIG_DIR: folder, HOME: folder };
    const report = peakMemoryReporter(folder);
    const bare = await medianStart(['-e', '0'], env);
    const parts: string[] = [];
    let worst = 0;
    for (const format of ['text', 'json', 'waybar', 'xbar']) {
      const ms = await medianStart([CLI, '--demo', '--once', '--format', format], env);
      worst = Math.max(worst, ms / bare);
      parts.push(`${format} ${ms.toFixed(0)} ms`);
    }
    const demoMiB = await peakMiB(report, [CLI, '--demo', '--once'], env);
    const bareMiB = await peakMiB(report, ['-e', '0'], env);
    console.log(
      `runner start, --demo --once: ${parts.join(', ')}; bare node ${bare.toFixed(0)} ms; worst ${worst.toFixed(2)}× bare node (goal ≤ 1.6×); peak memory ${demoMiB.toFixed(0)} MiB (goal ≤ 50 MiB; bare node ${bareMiB.toFixed(0)} MiB)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
