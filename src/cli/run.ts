import packageJson from '../../package.json';
import type { KeychainBackend } from '../core/storage/secret-store';
import { parseRunnerArgs } from './args';
import type { RunnerContext } from './context';
import { EXIT_OK } from './exit-codes';
import { reportAnyFailure } from './failures';
import { USAGE } from './usage';
import { isBarFormat, renderSetupFailure } from './output';
import { errorMessage } from '../core/datafast/errors';
import { redactTokens } from '../core/datafast/redact';
import { readOnce, watch, type WatchIO } from './watch';
import { chooseWebsite } from './website-choice';

export interface RunnerIO extends WatchIO {
  /** Reads the token for `add` from standard input. */
  readonly readToken?: () => Promise<string>;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
  readonly loadKeychain?: () => Promise<KeychainBackend>;
}

/** Runs the headless program and resolves to its exit status. Never calls process.exit itself. */
export async function runRunner(argv: readonly string[], given: RunnerIO): Promise<number> {
  let io = given;
  try {
    const command = parseRunnerArgs(argv);
    // polybar draws a script's stderr on the bar as if it were output, over the count and pushing
    // the modules beside it away: its red ⚠ is the whole report there, and `--once` in a terminal
    // says why.
    if (command.command === 'watch' && command.format === 'polybar') io = { ...given, stderr: () => undefined };
    if (command.command === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (command.command === 'version') {
      io.stdout(`datafast-menubar ${packageJson.version}`);
      return EXIT_OK;
    }
    const apiUrl = command.command === 'watch' || command.command === 'add' || command.command === 'restore' ? command.apiUrl : null;
    // The settings file, the keychain and the commands that manage them load only when asked for:
    // a status bar's `--demo` or `DATAFAST_API_KEY` read starts without them.
    const context = async (): Promise<RunnerContext> =>
      (await import('./context')).openRestoredContext(
        {
          env: io.env,
          stderr: io.stderr,
          ...(io.platform !== undefined && { platform: io.platform }),
          ...(io.homedir !== undefined && { homedir: io.homedir }),
          ...(io.transport !== undefined && { transport: io.transport }),
          ...(io.loadKeychain !== undefined && { loadKeychain: io.loadKeychain }),
        },
        apiUrl,
        command.command === 'watch' && !command.once,
      );
    const manageIO = { stdout: io.stdout, stderr: io.stderr, readToken: io.readToken ?? (() => Promise.resolve('')) };
    switch (command.command) {
      case 'add': {
        const { addCommand } = await import('./manage');
        return await addCommand(command, await context(), manageIO);
      }
      case 'list': {
        const { listCommand } = await import('./manage');
        return await listCommand(command, await context(), manageIO);
      }
      case 'remove': {
        const { removeCommand } = await import('./manage');
        return await removeCommand(command, await context(), manageIO);
      }
      case 'restore': {
        const { restoreCommand } = await import('./manage');
        return await restoreCommand(await context(), manageIO);
      }
      case 'watch':
        try {
          const website = await chooseWebsite(command, io, context);
          return await (command.once ? readOnce(command, website, io) : watch(command, website, io));
        } catch (error) {
          // A bar shows stdout, so the failure is drawn there too; a bar's host shows its own
          // screen for a failed plugin instead of ours, so bars get 0 and the reason in the menu.
          const code = reportAnyFailure(error, io.stderr);
          const drawn = renderSetupFailure(command.format, redactTokens(errorMessage(error)));
          if (drawn !== null) io.stdout(drawn);
          return isBarFormat(command.format) ? EXIT_OK : code;
        }
    }
  } catch (error) {
    return reportAnyFailure(error, io.stderr);
  }
}
