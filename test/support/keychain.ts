import { randomUUID } from 'node:crypto';
import { errorMessage } from '../../src/core/datafast/errors';
import { loadKeytar, SecretStore, type KeychainBackend } from '../../src/core/storage/secret-store';

/** A keychain service name of our own per test run, so tests never touch the user's real entries. */
export function testServiceName(): string {
  return `DataFast Menubar test ${process.pid}-${randomUUID().slice(0, 8)}`;
}

/**
 * Whether a real Secret Service answers. In CI its absence is a failure (the caller asserts);
 * elsewhere the keychain tests are skipped with the reason printed.
 */
export async function keychainProblem(): Promise<string | null> {
  try {
    const keytar = await loadKeytar();
    await keytar.findCredentials(testServiceName());
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

export async function removeService(service: string): Promise<void> {
  const keytar: KeychainBackend = await loadKeytar();
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
}

export function realSecretStore(service: string): SecretStore {
  return new SecretStore({ loadBackend: loadKeytar, service });
}

export const requireKeychain = process.env['CI'] === 'true' || process.env['DATAFAST_REQUIRE_KEYCHAIN'] === '1';
