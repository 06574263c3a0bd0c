import { describe, expect, it } from 'vitest';
import { KeychainLockedError, KeychainUnavailableError } from '../../../src/core/storage/keychain-errors';

describe('keychain errors', () => {
  it.each([
    ['darwin', 'Unlock your login keychain in Keychain Access'],
    ['win32', 'Check that Windows Credential Manager is running'],
    ['linux', 'Install and unlock gnome-keyring or KWallet'],
  ] as const)('on %s say what to do', (platform, hint) => {
    const error = new KeychainUnavailableError('no service', platform);
    expect(error.hint).toContain(hint);
    expect(error.message).toBe(`The system keychain is not available (no service). ${error.hint}`);
  });

  it('never quote a token the cause carried', () => {
    expect(new KeychainUnavailableError('failed for df_test_shop_0000000000001234', 'linux').message).toContain('df_…1234');
    expect(new KeychainUnavailableError('failed for df_test_shop_0000000000001234', 'linux').message).not.toContain('0000000000001234');
  });

  it('tell a locked keychain apart, as a kind of unavailable one', () => {
    const locked = new KeychainLockedError('linux');
    expect(locked).toBeInstanceOf(KeychainUnavailableError);
    expect(locked.kind).toBe('keychain-locked');
    expect(locked.message).toMatch(/^The system keychain is locked/);
  });
});
