import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A script to preload (`node --require`) into a child, which prints its peak memory as it exits.
 * On Linux it reads VmHWM from /proc: getrusage's maxRSS survives exec, so a child started from a
 * large process (this benchmark, after a simulated week) would report its parent's size instead
 * of its own.
 */
const REPORTER = `process.on('exit', () => {
  let kib = process.resourceUsage().maxRSS;
  try {
    const peak = /VmHWM:\\s*(\\d+) kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
    if (peak) kib = Number(peak[1]);
  } catch {}
  process.stderr.write('\\npeak-kib=' + kib + '\\n');
});
`;

/** Writes the reporter into `folder` and returns its path, for `--require`. */
export function peakMemoryReporter(folder: string): string {
  const path = join(folder, 'report-peak-memory.cjs');
  writeFileSync(path, REPORTER);
  return path;
}

/** The child's peak memory in MiB, from the stderr of a run with the reporter preloaded. */
export function peakMiBFrom(stderr: string): number {
  return Number(/peak-kib=(\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024;
}
