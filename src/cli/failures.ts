import { DataFastError } from '../core/errors';
import { InvalidTokenError, KeychainUnavailableError } from '../core/secret-store';
import { SettingsValidationError } from '../core/settings-repository';
import { WebsiteNotFoundError } from '../core/website-accounts';
import { UsageError } from './args';
import { EXIT_KEYCHAIN, EXIT_USAGE, exitCodeFor } from './exit-codes';

/** Names a failure on stderr and picks the exit status; unknown errors are not ours to hide. */
export function reportFailure(error: unknown, stderr: (text: string) => void): number {
  if (error instanceof KeychainUnavailableError) {
    stderr(`datafast-menubar: ${error.message}`);
    return EXIT_KEYCHAIN;
  }
  if (error instanceof DataFastError) {
    stderr(`datafast-menubar: ${error.message}`);
    return exitCodeFor(error.kind);
  }
  if (
    error instanceof UsageError ||
    error instanceof SettingsValidationError ||
    error instanceof WebsiteNotFoundError ||
    error instanceof InvalidTokenError
  ) {
    stderr(`datafast-menubar: ${error.message}`);
    return EXIT_USAGE;
  }
  throw error;
}
