// The keychain's errors live apart from the store that raises them, so a caller can tell them
// apart without loading the store (and the schemas it checks entries with).
import { AppError } from '../datafast/errors';
import { redactTokens } from '../datafast/redact';

export class KeychainUnavailableError extends AppError {
  override readonly name: string = 'KeychainUnavailableError';
  readonly hint: string;

  constructor(detail: string, platform: NodeJS.Platform, message?: string, kind: 'keychain-unavailable' | 'keychain-locked' = 'keychain-unavailable') {
    const hint = keychainHint(platform);
    super(kind, message ?? `The system keychain is not available (${redactTokens(detail, 160)}). ${hint}`);
    this.hint = hint;
  }
}

/** The keychain is there but locked: its entries exist and cannot be read until it is unlocked. */
export class KeychainLockedError extends KeychainUnavailableError {
  override readonly name = 'KeychainLockedError';

  constructor(platform: NodeJS.Platform) {
    super(
      'locked',
      platform,
      'The system keychain is locked, so the tokens in it cannot be read. Unlock it (your "Login" keyring, in Passwords and Keys or by logging in again), then try again.',
      'keychain-locked',
    );
  }
}

export class InvalidTokenError extends AppError {
  override readonly name = 'InvalidTokenError';

  constructor(message: string) {
    super('bad-token-format', message);
  }
}

function keychainHint(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock your login keychain in Keychain Access, then try again.';
    case 'win32':
      return 'Check that Windows Credential Manager is running, then try again.';
    default:
      return 'Install and unlock gnome-keyring or KWallet (any Secret Service provider), then try again.';
  }
}
