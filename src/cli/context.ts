import { homedir } from 'node:os';
import type { DataFastClient } from '../core/datafast/client';
import type { HttpTransport } from '../core/datafast/http-transport';
import { runnerClient } from './runner-client';
import { configDirectory } from '../core/storage/paths';
import { keychainService, loadKeytar, SecretStore, type KeychainBackend } from '../core/storage/secret-store';
import { errorMessage } from '../core/datafast/errors';
import { createSettingsFileBackend } from '../core/storage/settings-file';
import { SettingsRepository } from '../core/storage/settings-repository';
import { SettingsValidationError } from '../core/storage/settings-errors';
import { WebsiteAccounts } from '../core/accounts/website-accounts';
import { KeychainUnavailableError } from '../core/storage/keychain-errors';
import { restoreNotice } from '../core/accounts/website-restore';

export interface ContextEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
  readonly transport?: HttpTransport;
  readonly loadKeychain?: () => Promise<KeychainBackend>;
  readonly stderr: (text: string) => void;
}

export interface RunnerContext {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  readonly accounts: WebsiteAccounts;
  /** `--api-url` if given, else the settings' API address. */
  readonly apiUrl: () => string;
  /** Creates a client for the current API address, or for another one. */
  readonly client: (apiUrl?: string) => DataFastClient;
}

/** The runner's view of the shared settings file and keychain. */
export function openContext(environment: ContextEnvironment, apiUrlOverride: string | null, followChanges = false): RunnerContext {
  const platform = environment.platform ?? process.platform;
  const directory = configDirectory({ env: environment.env, platform, homedir: environment.homedir ?? homedir() });
  // Problems found while opening are printed once the file is known to be usable at all; a
  // refused file is the whole story, told once by the failure it raises.
  const opening: string[] = [];
  let report = (message: string): void => void opening.push(message);
  const settings = SettingsRepository.open({
    directory,
    createBackend: createSettingsFileBackend,
    // Watch mode follows changes other programs make to the file; one-shot commands need not.
    watchOtherWriters: followChanges,
    onProblem: (message) => report(message),
  });
  if (settings.refusal) throw new SettingsValidationError(settings.refusal);
  report = (message) => environment.stderr(`datafast-menubar: ${message}`);
  opening.forEach(report);
  const secrets = new SecretStore({
    loadBackend: environment.loadKeychain ?? loadKeytar,
    service: keychainService(environment.env),
    platform,
  });
  const apiUrl = (): string => apiUrlOverride ?? settings.read().apiUrl;
  const client = (address?: string): DataFastClient => runnerClient(environment, address ?? apiUrl());
  const accounts = new WebsiteAccounts({ settings, secrets, sessionFallback: false, client });
  return { settings, secrets, accounts, apiUrl, client };
}

/**
 * The context, with the websites a damaged settings file lost brought back from the keychain
 * first, so the command works on them as if nothing had happened, and the person is told.
 * A keychain that cannot be asked now leaves them for `datafast-menubar restore`.
 */
export async function openRestoredContext(environment: ContextEnvironment, apiUrlOverride: string | null, followChanges = false): Promise<RunnerContext> {
  const context = openContext(environment, apiUrlOverride, followChanges);
  if (context.settings.websitesLostFrom === null) return context;
  try {
    const notice = restoreNotice(await context.accounts.restoreLost());
    if (notice) environment.stderr(`datafast-menubar: ${notice}`);
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    environment.stderr(
      `datafast-menubar: the websites could not be restored from the keychain now (${errorMessage(error)}). Run "datafast-menubar restore" once it is available.`,
    );
  }
  return context;
}
