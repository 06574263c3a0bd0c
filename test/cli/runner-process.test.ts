import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SIGNAL_GRACE_MS, startRunner, type RunnerHost } from '../../src/cli/runner-process';
import { tempDir } from '../support/temp';
import { eventually } from '../support/app-harness';

/** A process for the runner to live in: argv, env, streams, signals and exit, all recorded. */
class FakeProcess extends EventEmitter implements RunnerHost {
  readonly stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  readonly stdout = Object.assign(new EventEmitter(), { write: (text: string) => this.out.push(text) }) as unknown as RunnerHost['stdout'];
  readonly stderr = { write: (text: string) => this.err.push(text) } as unknown as RunnerHost['stderr'];
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly exits: number[] = [];
  exitCode: number | string | null | undefined;

  constructor(
    readonly argv: readonly string[],
    readonly env: NodeJS.ProcessEnv,
  ) {
    super();
  }

  exit(code: number): void {
    this.exits.push(code);
  }

  /** What the runner wrote to stdout, as the lines a reader would get. */
  lines(): string[] {
    return this.out.join('').split('\n').filter(Boolean);
  }
}

/** Timers whose callbacks run only when the test says so. */
function manualTimers() {
  const pending: Array<{ callback: () => void; ms: number }> = [];
  return {
    pending,
    timers: {
      setTimeout: ((callback: () => void, ms: number) => {
        pending.push({ callback, ms });
        return { unref: () => undefined };
      }) as unknown as typeof setTimeout,
    },
  };
}

function withConfig<T>(work: (env: NodeJS.ProcessEnv) => Promise<T> | T): Promise<T> {
  const dir = tempDir('runner-process-');
  return Promise.resolve({ DATAFAST_MENUBAR_CONFIG_DIR: dir.path })
    .then(work)
    .finally(() => dir.remove());
}

describe('the runner in its process', () => {
  it('writes what it read on stdout and sets the exit status', () =>
    withConfig(async (env) => {
      const host = new FakeProcess(['node', 'cli.mjs', '--version'], env);
      await expect(startRunner(host)).resolves.toBe(0);
      expect(host.lines()).toEqual([expect.stringMatching(/^datafast-menubar \d+\.\d+\.\d+/)]);
      expect(host.exitCode).toBe(0);
    }));

  it('says a usage problem on stderr with exit status 2', () =>
    withConfig(async (env) => {
      const host = new FakeProcess(['node', 'cli.mjs', '--format', 'yaml'], env);
      await expect(startRunner(host)).resolves.toBe(2);
      expect(host.err.join('')).toMatch(/^datafast-menubar: Unknown format "yaml"/);
      expect(host.out).toEqual([]);
    }));

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('on %s is gone after the grace time, even while it waits for a token', (signal, code) =>
    withConfig((env) => {
      const host = new FakeProcess(['node', 'cli.mjs', 'add'], env);
      const { pending, timers } = manualTimers();
      void startRunner(host, timers);
      host.emit(signal);
      expect(pending.map((timer) => timer.ms)).toEqual([SIGNAL_GRACE_MS]);
      expect(host.exits).toEqual([]);
      pending[0]?.callback();
      expect(host.exits).toEqual([code]);
    }),
  );

  it('stops watching quietly when the reader closes the pipe', () =>
    withConfig(async (env) => {
      const host = new FakeProcess(['node', 'cli.mjs', '--demo', '--format', 'json'], env);
      const ended = startRunner(host);
      await eventually(() => host.lines().length > 0);
      (host.stdout as unknown as EventEmitter).emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      await expect(ended).resolves.toBe(0);
      expect(host.err).toEqual([]);
    }));

  it('says an unexpected error once, with tokens redacted, and exits with status 4', () =>
    withConfig(async (env) => {
      const host = new FakeProcess(['node', 'cli.mjs', '--version'], env);
      await startRunner(host);
      host.emit('uncaughtException', new Error('boom near df_test_shop_0000000000001234'));
      expect(host.err.join('')).toBe(
        'datafast-menubar: unexpected failure: uncaught exception: boom near df_…1234. Please report it (with this message) if it persists.\n',
      );
      expect(host.exits).toEqual([4]);
    }));
});
