import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src/core/storage/secret-store';
import { InvalidTokenError, KeychainUnavailableError } from '../../../src/core/storage/keychain-errors';
import { keychainProblem, realSecretStore, removeService, requireKeychain, testServiceName } from '../../support/keychain';

const problem = await keychainProblem();
if (problem && !requireKeychain) console.warn(`Skipping real-keychain tests: no usable Secret Service here (${problem}). CI runs them.`);

describe('keychain unavailable', () => {
  it('says why and how to fix it when keytar cannot load', async () => {
    const store = new SecretStore({ loadBackend: () => Promise.reject(new Error('Cannot find module keytar.node')), platform: 'linux' });
    const error: unknown = await store.get('w_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toMatch(/keytar could not be loaded.*gnome-keyring or KWallet/);
  });

  it('names the platform fix when the keychain refuses', async () => {
    const refusing = {
      getPassword: () => Promise.reject(new Error('User canceled the operation')),
      setPassword: () => Promise.reject(new Error('User canceled the operation')),
      deletePassword: () => Promise.reject(new Error('User canceled the operation')),
      findCredentials: () => Promise.reject(new Error('User canceled the operation')),
    };
    const store = new SecretStore({ loadBackend: () => Promise.resolve(refusing), platform: 'darwin' });
    await expect(store.list()).rejects.toThrow(/Unlock your login keychain/);
  });

  it('never quotes a token in its message', async () => {
    const leaky = {
      getPassword: () => Promise.reject(new Error('failed for df_test_shop_0000000000001234')),
      setPassword: () => Promise.reject(new Error('failed for df_test_shop_0000000000001234')),
      deletePassword: () => Promise.resolve(false),
      findCredentials: () => Promise.resolve([]),
    };
    const store = new SecretStore({ loadBackend: () => Promise.resolve(leaky), platform: 'linux' });
    const error = (await store.set('w_1', 'df_test_shop_0000000000001234').catch((caught: unknown) => caught)) as Error;
    expect(error.message).not.toContain('df_test_shop_0000000000001234');
  });
});

describe.skipIf(problem !== null && !requireKeychain)('real keychain', () => {
  const service = testServiceName();
  let store: SecretStore;
  beforeAll(() => {
    if (problem) throw new Error(`CI needs a working Secret Service: ${problem}`);
    store = realSecretStore(service);
  });
  afterAll(async () => {
    if (!problem) await removeService(service);
  });

  it('stores, reads, lists masked and deletes a token', async () => {
    await store.set('w_shop', '  df_test_shop_0000000000001234\n');
    await store.set('w_docs', 'dft_test_account_00000000009999');
    expect(await store.get('w_shop')).toBe('df_test_shop_0000000000001234');
    const listed = await store.list();
    expect(listed.sort((a, b) => a.account.localeCompare(b.account))).toEqual([
      { account: 'w_docs', masked: 'dft_…9999' },
      { account: 'w_shop', masked: 'df_…1234' },
    ]);
    expect(JSON.stringify(listed)).not.toContain('0000000000001234');
    expect(await store.delete('w_shop')).toBe(true);
    expect(await store.get('w_shop')).toBeNull();
    expect(await store.delete('w_shop')).toBe(false);
  });

  it('refuses to save something that is not a token', async () => {
    await expect(store.set('w_bad', 'hello')).rejects.toBeInstanceOf(InvalidTokenError);
    expect(await store.get('w_bad')).toBeNull();
  });

  it('keeps entries under its own service only', async () => {
    await store.set('w_iso', 'df_test_blog_0000000000005678');
    expect(await realSecretStore(testServiceName()).get('w_iso')).toBeNull();
  });
});
