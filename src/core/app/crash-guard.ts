import { errorMessage } from '../datafast/errors';
import { redactTokens } from '../datafast/redact';

export interface UnexpectedErrorSource {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (error: unknown) => void): unknown;
}

/**
 * Nothing fails silently: a promise rejected with no handler and an exception nobody caught are
 * both reported, tokens redacted. What happens next is the caller's: the app keeps its tray
 * (the error is logged, the process lives), the runner ends with exit 4.
 */
export function reportUnexpectedErrors(source: UnexpectedErrorSource, report: (message: string) => void): void {
  source.on('unhandledRejection', (reason) => report(`unhandled promise rejection: ${redactTokens(errorMessage(reason), 1000)}`));
  source.on('uncaughtException', (error) => report(`uncaught exception: ${redactTokens(errorMessage(error), 1000)}`));
}
