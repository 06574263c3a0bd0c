import type { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { secretServiceLockState } from '../../../src/core/storage/keychain-lock';
import { SecretStore } from '../../../src/core/storage/secret-store';
import { KeychainLockedError } from '../../../src/core/storage/keychain-errors';
import { MemoryKeychain } from '../../support/memory-keychain';

/** A stand-in for execFile that answers like dbus-send would, or fails like a missing one. */
function dbusSend(answer: { stdout: string } | Error): typeof execFile {
  return ((_file: string, _args: string[], _options: object, callback: (error: Error | null, stdout: string) => void) => {
    if (answer instanceof Error) callback(answer, '');
    else callback(null, answer.stdout);
  }) as unknown as typeof execFile;
}

describe('keychain lock state', () => {
  it('reads the Secret Service answer: locked, unlocked, or unknown when nobody answers', async () => {
    expect(await secretServiceLockState(dbusSend({ stdout: 'method return time=1\n   variant       boolean true\n' }))).toBe('locked');
    expect(await secretServiceLockState(dbusSend({ stdout: '   variant       boolean false\n' }))).toBe('unlocked');
    expect(await secretServiceLockState(dbusSend(new Error('spawn dbus-send ENOENT')))).toBe('unknown');
    expect(await secretServiceLockState(dbusSend({ stdout: 'Error org.freedesktop.DBus.Error.ServiceUnknown' }))).toBe('unknown');
  });

  it('never calls the keychain while it is locked, and says so instead of "not stored"', async () => {
    const keychain = new MemoryKeychain();
    const store = new SecretStore({
      loadBackend: () => Promise.resolve(keychain),
      service: 's',
      platform: 'linux',
      lockState: () => Promise.resolve('locked'),
    });
    for (const call of [() => store.get('w'), () => store.list(), () => store.set('w', 'df_test_shop_0000000000001234'), () => store.delete('w')]) {
      await expect(call()).rejects.toBeInstanceOf(KeychainLockedError);
    }
    await expect(store.list()).rejects.toThrow(/^The system keychain is locked, so the tokens in it cannot be read\. Unlock it/);
    expect(keychain.reads).toBe(0);
    expect(keychain.entries.size).toBe(0);
  });
});
