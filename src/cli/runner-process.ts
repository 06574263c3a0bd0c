import { reportUnexpectedErrors, type UnexpectedErrorSource } from '../core/app/crash-guard';
import { errorMessage } from '../core/datafast/errors';
import { redactTokens } from '../core/datafast/redact';
import { EXIT_API } from './exit-codes';
import { unexpectedFailureLine } from './failures';
import { readTokenFromStdin } from './read-token';
import { runRunner } from './run';

/** After a signal, how long the runner may take to finish what it is doing before it is ended. */
export const SIGNAL_GRACE_MS = 1_500;

/** The process the runner lives in: Node's own in the program, a stand-in in tests. */
export interface RunnerHost extends UnexpectedErrorSource {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: Pick<NodeJS.WriteStream, 'write' | 'on'>;
  readonly stderr: Pick<NodeJS.WriteStream, 'write'>;
  exitCode?: number | string | null | undefined;
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): never | void;
}

/**
 * Runs the runner in a process: its arguments and streams, signals that end it promptly, a
 * closed pipe that stops it quietly, and anything unexpected said once with exit status 4.
 * Resolves with the exit status, which is also set on the process.
 */
export async function startRunner(host: RunnerHost, timers: Pick<typeof globalThis, 'setTimeout'> = globalThis): Promise<number> {
  const sayUnexpected = (detail: string): void => void host.stderr.write(`${unexpectedFailureLine(detail)}\n`);
  reportUnexpectedErrors(host, (message) => {
    sayUnexpected(message);
    host.exit(EXIT_API);
  });

  const stop = new AbortController();
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    host.once(signal, () => {
      stop.abort();
      // Whatever still holds the process (a keychain call, a token prompt, a slow socket) must not
      // keep a status bar waiting: the runner is gone within two seconds of being asked.
      timers.setTimeout(() => host.exit(code), SIGNAL_GRACE_MS).unref();
    });
  }
  // A closed pipe (`datafast-menubar | head -1`) is a normal way for a reader to stop listening.
  host.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stop.abort();
  });

  let code: number;
  try {
    code = await runRunner(host.argv.slice(2), {
      stdout: (text) => host.stdout.write(`${text}\n`),
      stderr: (text) => host.stderr.write(`${text}\n`),
      env: host.env,
      stopSignal: stop.signal,
      readToken: () => readTokenFromStdin(host.stdin, (text) => host.stderr.write(text)),
    });
  } catch (error) {
    sayUnexpected(redactTokens(errorMessage(error)));
    code = EXIT_API;
  }
  host.exitCode = code;
  return code;
}
