/** Every way a DataFast call can fail, each with a message a person can act on. */
export type FailureKind =
  | 'bad-token-format'
  | 'missing-website-id'
  | 'missing-token'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'wrong-origin'
  | 'redirect'
  | 'aborted';

/** What crosses a process boundary or lands in JSON output: no stack, no token, no cause. */
export interface FailureInfo {
  readonly kind: FailureKind;
  readonly message: string;
  readonly status?: number;
  /** Epoch milliseconds before which the API asked us not to call again (429). */
  readonly retryAt?: number;
}

/** What went wrong for a person to act on, beyond a DataFast call: the settings, the keychain, a website named, the runner's words. */
export type AppErrorKind = FailureKind | 'settings' | 'keychain-unavailable' | 'keychain-locked' | 'website-not-found' | 'usage';

/**
 * The one error type of the app and the runner: a kind that says what to do about it (an exit
 * status, whether to retry) and a message written for a person, shown as it is in the window, a
 * notice, the tray or stderr. Each part raises its own subclass.
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  readonly kind: AppErrorKind;

  constructor(kind: AppErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

export class DataFastError extends AppError implements FailureInfo {
  override readonly name = 'DataFastError';
  declare readonly kind: FailureKind;
  readonly status?: number;
  readonly retryAt?: number;

  constructor(info: FailureInfo) {
    super(info.kind, info.message);
    if (info.status !== undefined) this.status = info.status;
    if (info.retryAt !== undefined) this.retryAt = info.retryAt;
  }

  toInfo(): FailureInfo {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.retryAt !== undefined && { retryAt: this.retryAt }),
    };
  }
}

/** Failures that retrying cannot fix: the token or the website setting must change first. */
export function needsUserAction(kind: FailureKind): boolean {
  return (
    kind === 'unauthorized' ||
    kind === 'forbidden' ||
    kind === 'not-found' ||
    kind === 'bad-token-format' ||
    kind === 'missing-website-id' ||
    kind === 'missing-token' ||
    kind === 'wrong-origin'
  );
}

/** The message of anything thrown: an Error's message, or the value itself as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The `code` of a Node system error (`EACCES`, `ENOTDIR`, …), or null for anything else. */
export function errnoCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}
