import { reportUnexpectedErrors } from '../core/app/crash-guard';
import { EXIT_API } from './exit-codes';
import { errorMessage } from '../core/datafast/errors';
import { redactTokens } from '../core/datafast/redact';
import { unexpectedFailureLine } from './failures';
import { readTokenFromStdin } from './read-token';
import { runRunner } from './run';

/** After a signal, how long the runner may take to finish what it is doing before it is ended. */
const SIGNAL_GRACE_MS = 1_500;

const sayUnexpected = (detail: string): void => void process.stderr.write(`${unexpectedFailureLine(detail)}\n`);
reportUnexpectedErrors(process, (message) => {
  sayUnexpected(message);
  process.exit(EXIT_API);
});

const stop = new AbortController();
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    stop.abort();
    // Whatever still holds the process (a keychain call, a token prompt, a slow socket) must not
    // keep a status bar waiting: the runner is gone within two seconds of being asked.
    setTimeout(() => process.exit(code), SIGNAL_GRACE_MS).unref();
  });
}
// A closed pipe (`datafast-menubar | head -1`) is a normal way for a reader to stop listening.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') stop.abort();
});

runRunner(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  stopSignal: stop.signal,
  readToken: () => readTokenFromStdin(process.stdin, (text) => process.stderr.write(text)),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    sayUnexpected(redactTokens(errorMessage(error)));
    process.exitCode = EXIT_API;
  },
);
