import packageJson from '../../package.json';
import type { KeychainBackend } from '../core/secret-store';
import { parseRunnerArgs } from './args';
import { openContext, type RunnerContext } from './context';
import { EXIT_OK } from './exit-codes';
import { reportAnyFailure } from './failures';
import { addCommand, listCommand, removeCommand } from './manage';
import { USAGE } from './usage';
import { chooseWebsite, readOnce, watch, type WatchIO } from './watch';

export interface RunnerIO extends WatchIO {
  /** Reads the token for `add` from standard input. */
  readonly readToken?: () => Promise<string>;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
  readonly loadKeychain?: () => Promise<KeychainBackend>;
}

/** Runs the headless program and resolves to its exit status. Never calls process.exit itself. */
export async function runRunner(argv: readonly string[], io: RunnerIO): Promise<number> {
  try {
    const command = parseRunnerArgs(argv);
    if (command.command === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (command.command === 'version') {
      io.stdout(`datafast-menubar ${packageJson.version}`);
      return EXIT_OK;
    }
    const apiUrl = command.command === 'watch' || command.command === 'add' ? command.apiUrl : null;
    const context = (): RunnerContext =>
      openContext(
        {
          env: io.env,
          stderr: io.stderr,
          ...(io.platform !== undefined && { platform: io.platform }),
          ...(io.homedir !== undefined && { homedir: io.homedir }),
          ...(io.fetch !== undefined && { fetch: io.fetch }),
          ...(io.loadKeychain !== undefined && { loadKeychain: io.loadKeychain }),
        },
        apiUrl,
        command.command === 'watch' && !command.once,
      );
    const manageIO = { stdout: io.stdout, stderr: io.stderr, readToken: io.readToken ?? (() => Promise.resolve('')) };
    switch (command.command) {
      case 'add':
        return await addCommand(command, context(), manageIO);
      case 'list':
        return await listCommand(context(), manageIO);
      case 'remove':
        return await removeCommand(command, context(), manageIO);
      case 'watch': {
        const website = await chooseWebsite(command, io, context);
        return await (command.once ? readOnce(command, website, io) : watch(command, website, io));
      }
    }
  } catch (error) {
    return reportAnyFailure(error, io.stderr);
  }
}
