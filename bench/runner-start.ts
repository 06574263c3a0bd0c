/**
 * What starting the runner costs, since xbar and SwiftBar start one per refresh: `--demo --once`
 * in each format against bare `node -e 0`, as the median wall time of several starts, and the
 * runner's peak memory (max RSS, read as the process exits).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const CLI = resolve('dist/cli.js');
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function startTimes(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return median(times);
}

export function benchRunnerStart(): void {
  const folder = mkdtempSync(join(tmpdir(), 'datafast-bench-start-'));
  try {
    const env = { ...process.env, DATAFAST_MENUBAR_CONFIG_DIR: folder, HOME: folder };
    const report = join(folder, 'maxrss.js');
    writeFileSync(report, "process.on('exit', () => process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`));\n");
    const bare = startTimes(['-e', '0'], env);
    const parts: string[] = [];
    let worst = 0;
    for (const format of ['text', 'json', 'waybar', 'xbar']) {
      const ms = startTimes([CLI, '--demo', '--once', '--format', format], env);
      worst = Math.max(worst, ms / bare);
      parts.push(`${format} ${ms.toFixed(0)} ms`);
    }
    const measured = spawnSync(process.execPath, ['--require', report, CLI, '--demo', '--once'], { env, encoding: 'utf8' });
    const rssMiB = Number(/maxrss=(\d+)/.exec(measured.stderr)?.[1] ?? 0) / 1024;
    console.log(
      `runner start, --demo --once: ${parts.join(', ')}; bare node ${bare.toFixed(0)} ms; worst ${worst.toFixed(2)}× bare node (goal ≤ 1.6×); peak memory ${rssMiB.toFixed(0)} MiB (goal ≤ 50 MiB)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
