import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args';
import { WebsiteNotFoundError } from '../../../src/core/accounts/website-lookup';
import { AppError, DataFastError, needsUserAction } from '../../../src/core/datafast/errors';
import { InvalidTokenError, KeychainLockedError, KeychainUnavailableError } from '../../../src/core/storage/keychain-errors';
import { SettingsValidationError } from '../../../src/core/storage/settings-errors';

describe('the one error type', () => {
  it.each([
    [new DataFastError({ kind: 'unauthorized', message: 'DataFast did not accept this token (401).' }), 'unauthorized'],
    [new SettingsValidationError('Settings not saved: the refresh interval must be at least 10 seconds.'), 'settings'],
    [new KeychainUnavailableError('no Secret Service', 'linux'), 'keychain-unavailable'],
    [new KeychainLockedError('linux'), 'keychain-locked'],
    [new InvalidTokenError('That is not a DataFast API key.'), 'bad-token-format'],
    [new WebsiteNotFoundError('There is no website Docs.'), 'website-not-found'],
    [new UsageError('--interval takes a number of seconds.'), 'usage'],
  ] as const)('carries a kind and a message for people: %s', (error, kind) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/^[A-Z-].{10,}/);
  });

  it('keeps a locked keychain a kind of unavailable one, so a caller that handles one handles both', () => {
    expect(new KeychainLockedError('darwin')).toBeInstanceOf(KeychainUnavailableError);
    expect(new KeychainUnavailableError('gone', 'darwin').message).toContain('Keychain Access');
  });

  it('tells which DataFast failures wait for the person and which are retried', () => {
    expect(needsUserAction(new DataFastError({ kind: 'unauthorized', message: 'x' }).kind)).toBe(true);
    expect(needsUserAction(new DataFastError({ kind: 'network', message: 'x' }).kind)).toBe(false);
  });
});
