import type { KeychainBackend } from '../../src/core/storage/secret-store';

/** An in-memory keychain for tests that are about something else; the real one has its own tests. */
export class MemoryKeychain implements KeychainBackend {
  readonly entries = new Map<string, string>();
  unavailable = false;
  /** How many tokens were read, to tell needless keychain traffic from the needed kind. */
  reads = 0;

  #check(): void {
    if (this.unavailable) throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
  }

  getPassword(service: string, account: string): Promise<string | null> {
    this.#check();
    this.reads += 1;
    return Promise.resolve(this.entries.get(`${service}/${account}`) ?? null);
  }

  setPassword(service: string, account: string, password: string): Promise<void> {
    this.#check();
    this.entries.set(`${service}/${account}`, password);
    return Promise.resolve();
  }

  deletePassword(service: string, account: string): Promise<boolean> {
    this.#check();
    return Promise.resolve(this.entries.delete(`${service}/${account}`));
  }

  findCredentials(service: string): Promise<Array<{ account: string; password: string }>> {
    this.#check();
    return Promise.resolve(
      [...this.entries].filter(([key]) => key.startsWith(`${service}/`)).map(([key, password]) => ({ account: key.slice(service.length + 1), password })),
    );
  }
}
