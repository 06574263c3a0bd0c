import { dataFastSiteIdSchema, type DataFastSiteId } from '../../shared/settings-shapes';
import { KEYCHAIN_SERVICE } from '../../shared/app-identity';
import { errorMessage } from '../datafast/errors';
import { secretServiceLockState, type LockState } from './keychain-lock';
import { InvalidTokenError, KeychainLockedError, KeychainUnavailableError } from './keychain-errors';
import { maskToken, normaliseToken, tokenKind } from '../datafast/token';

/** The part of keytar we use; lets tests and the app inject it, and keeps keytar optional. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/**
 * The keychain service both the app and the runner use. `DATAFAST_MENUBAR_KEYCHAIN_SERVICE` keeps
 * a second profile (or a test run) apart from the real one.
 */
export function keychainService(env: Readonly<Record<string, string | undefined>>): string {
  return env['DATAFAST_MENUBAR_KEYCHAIN_SERVICE'] || KEYCHAIN_SERVICE;
}

export interface StoredSecretInfo {
  readonly account: string;
  readonly masked: string;
}

/** A keychain entry in full: for restoring websites a damaged settings file lost. Stays in main. */
export interface StoredSecret {
  readonly account: string;
  readonly token: string;
  /** The DataFast website an account token was added for, when the entry says. */
  readonly site: DataFastSiteId | null;
  /** The API address the token was added for, when it is not DataFast's own (https://datafa.st). */
  readonly apiOrigin: string | null;
}

/**
 * An account token reads many websites, so its entry also names the one it was added for, and a
 * token added for another API address than DataFast's names that address: the keychain alone can
 * then say which website each entry belongs to, and where its token may be sent. Tokens hold no
 * spaces, so each fact follows the token after one. Entries written before this, the bare token,
 * read as having no site and DataFast's own address.
 */
const SITE_PREFIX = 'site:';
const API_PREFIX = 'api:';

function encodeSecret(token: string, site: DataFastSiteId | null, apiOrigin: string | null): string {
  return [token, ...(site === null ? [] : [`${SITE_PREFIX}${site}`]), ...(apiOrigin === null ? [] : [`${API_PREFIX}${apiOrigin}`])].join(' ');
}

function decodeSecret(password: string): { token: string; site: DataFastSiteId | null; apiOrigin: string | null } {
  const [token = '', ...facts] = password.split(' ');
  const siteFact = facts.find((fact) => fact.startsWith(SITE_PREFIX))?.slice(SITE_PREFIX.length);
  const site = siteFact === undefined ? null : dataFastSiteIdSchema.safeParse(siteFact);
  const apiOrigin = facts.find((fact) => fact.startsWith(API_PREFIX))?.slice(API_PREFIX.length) ?? null;
  return { token, site: site?.success ? site.data : null, apiOrigin };
}

export interface SecretStoreOptions {
  /** Loads keytar on first use, so a machine without it still starts and can say why. */
  readonly loadBackend: () => Promise<KeychainBackend>;
  readonly service?: string;
  readonly platform?: NodeJS.Platform;
  /** Asked before every keychain call; the Secret Service's own answer on Linux by default. */
  readonly lockState?: () => Promise<LockState>;
}

/**
 * Tokens in the OS keychain: one entry per website, account = our own website id. Never a
 * plaintext fallback: when the keychain is unusable every call says so with a fix hint.
 */
export class SecretStore {
  readonly service: string;
  readonly #loadBackend: () => Promise<KeychainBackend>;
  readonly #platform: NodeJS.Platform;
  readonly #lockState: () => Promise<LockState>;
  #backend: Promise<KeychainBackend> | null = null;

  constructor(options: SecretStoreOptions) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.#loadBackend = options.loadBackend;
    this.#platform = options.platform ?? process.platform;
    // macOS and Windows prompt or unlock on demand; only the Secret Service crashes keytar.
    this.#lockState = options.lockState ?? (this.#platform === 'linux' ? () => secretServiceLockState() : () => Promise.resolve('unknown'));
  }

  /**
   * Stores a token for a website; `site` is the DataFast website an account token is for, and
   * `apiOrigin` the address it was added for when that is not DataFast's own.
   */
  async set(account: string, rawToken: string, site: DataFastSiteId | null = null, apiOrigin: string | null = null): Promise<void> {
    const token = normaliseToken(rawToken);
    if (tokenKind(token) === null) {
      throw new InvalidTokenError('That is not a DataFast token: website keys start with "df_", account tokens with "dft_".');
    }
    await this.#call((backend) => backend.setPassword(this.service, account, encodeSecret(token, site, apiOrigin)));
  }

  async get(account: string): Promise<string | null> {
    const password = await this.#call((backend) => backend.getPassword(this.service, account));
    return password === null ? null : decodeSecret(password).token;
  }

  /** Every entry with its token: only for restoring websites, never for showing. */
  async entries(): Promise<StoredSecret[]> {
    const credentials = await this.#call((backend) => backend.findCredentials(this.service));
    return credentials.map(({ account, password }) => ({ account, ...decodeSecret(password) }));
  }

  delete(account: string): Promise<boolean> {
    return this.#call((backend) => backend.deletePassword(this.service, account));
  }

  async list(): Promise<StoredSecretInfo[]> {
    const credentials = await this.#call((backend) => backend.findCredentials(this.service));
    return credentials.map(({ account, password }) => ({ account, masked: maskToken(decodeSecret(password).token) }));
  }

  /** Resolves when the keychain answers; rejects with KeychainUnavailableError when it cannot. */
  async check(): Promise<void> {
    await this.#call((backend) => backend.findCredentials(this.service));
  }

  async #call<T>(action: (backend: KeychainBackend) => Promise<T>): Promise<T> {
    if ((await this.#lockState()) === 'locked') throw new KeychainLockedError(this.#platform);
    let backend: KeychainBackend;
    try {
      this.#backend ??= this.#loadBackend();
      backend = await this.#backend;
    } catch (error) {
      this.#backend = null;
      throw new KeychainUnavailableError(`keytar could not be loaded: ${errorMessage(error)}`, this.#platform);
    }
    try {
      return await action(backend);
    } catch (error) {
      throw new KeychainUnavailableError(errorMessage(error), this.#platform);
    }
  }
}

/** keytar, loaded lazily; a missing or broken native module becomes a clear error, not a crash. */
export async function loadKeytar(): Promise<KeychainBackend> {
  const keytar = (await import('keytar')) as KeychainBackend & { default?: KeychainBackend };
  return keytar.default ?? keytar;
}
