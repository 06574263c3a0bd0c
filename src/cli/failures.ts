import { DataFastError, errnoCode, errorMessage } from '../core/datafast/errors';
import { redactTokens } from '../core/datafast/redact';
import { InvalidTokenError, KeychainUnavailableError } from '../core/storage/keychain-errors';
import { SettingsValidationError } from '../core/storage/settings-errors';
import { WebsiteNotFoundError } from '../core/accounts/website-lookup';
import { UsageError } from './args';
import { EXIT_API, EXIT_KEYCHAIN, EXIT_USAGE, exitCodeFor } from './exit-codes';

/** Names a failure on stderr and picks the exit status; unknown errors are not ours to hide. */
function reportFailure(error: unknown, stderr: (text: string) => void): number {
  if (error instanceof KeychainUnavailableError) {
    stderr(`datafast-menubar: ${error.message}`);
    return EXIT_KEYCHAIN;
  }
  if (error instanceof DataFastError) {
    stderr(`datafast-menubar: ${oneShotMessage(error.message)}`);
    return exitCodeFor(error.kind);
  }
  if (error instanceof UsageError || error instanceof SettingsValidationError || error instanceof WebsiteNotFoundError || error instanceof InvalidTokenError) {
    stderr(`datafast-menubar: ${error.message}`);
    return EXIT_USAGE;
  }
  const code = errnoCode(error);
  if (code !== null && SETTINGS_FOLDER_PROBLEMS.has(code)) {
    stderr(
      `datafast-menubar: the settings folder cannot be used (${redactTokens(errorMessage(error))}). Check that it is a folder you may write to, or choose another with DATAFAST_MENUBAR_CONFIG_DIR.`,
    );
    return EXIT_USAGE;
  }
  throw error;
}

/** File-system failures that a person fixes in the settings folder, not by trying again. */
const SETTINGS_FOLDER_PROBLEMS: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENOSPC']);

/** Like reportFailure, and anything it does not know is said as an unexpected failure (exit 4). */
export function reportAnyFailure(error: unknown, stderr: (text: string) => void): number {
  try {
    return reportFailure(error, stderr);
  } catch {
    stderr(unexpectedFailureLine(redactTokens(errorMessage(error))));
    return EXIT_API;
  }
}

/** The line for anything else that went wrong (exit 4): said once, with a request to report it. */
export function unexpectedFailureLine(detail: string): string {
  return `datafast-menubar: unexpected failure: ${detail}. Please report it (with this message) if it persists.`;
}

/**
 * The client's messages fit the app and watch mode, which keep trying. A command that reads once
 * and exits says what the person can do instead of what it will do.
 */
export function oneShotMessage(message: string): string {
  return message
    .replace(/; we will try again\.$/, ', then run it again.')
    .replace(/ We will keep trying\.$/, ' Try again in a few minutes.')
    .replace(/; pausing this token for (.+)\.$/, '; try again in $1.');
}
