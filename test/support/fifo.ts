import { execFileSync, spawn } from 'node:child_process';

/** Seconds a blocked read is given before the watchdog ends it. */
const WATCHDOG_MS = 3_000;

/**
 * Makes a FIFO at `path`, watched. Code that opened it after all would block this test worker
 * in a synchronous read, and the run would stall instead of failing. So a separate process opens
 * the FIFO for writing after a few seconds and closes it at once: a read blocked on it then gets
 * an end of file, returns, and the test goes on to fail on what it asserts. Where nothing opened
 * the FIFO, the watchdog is still waiting for a reader when `release` ends it.
 */
export function watchedFifo(path: string): { release(): void } {
  execFileSync('mkfifo', [path]);
  const watchdog = spawn(
    process.execPath,
    [
      '-e',
      'setTimeout(() => { const fs = require("node:fs"); fs.closeSync(fs.openSync(process.argv[1], "w")); }, Number(process.argv[2]))',
      path,
      String(WATCHDOG_MS),
    ],
    { stdio: 'ignore' },
  );
  return { release: () => void watchdog.kill('SIGKILL') };
}
