import { errorMessage } from '../core/errors';
import { readTokenFromStdin } from './read-token';
import { runRunner } from './run';

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());
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
    process.stderr.write(`datafast-menubar: unexpected failure: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
