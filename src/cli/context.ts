import { homedir } from 'node:os';
import { createDataFastClient, type FetchFunction } from '../core/client';
import { configDirectory } from '../core/paths';
import { keychainService, loadKeytar, SecretStore, type KeychainBackend } from '../core/secret-store';
import { createConfBackend } from '../core/settings-conf';
import { SettingsRepository, SettingsValidationError } from '../core/settings-repository';
import { WebsiteAccounts } from '../core/website-accounts';

export interface ContextEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
  readonly fetch?: FetchFunction;
  readonly loadKeychain?: () => Promise<KeychainBackend>;
  readonly stderr: (text: string) => void;
}

export interface RunnerContext {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  readonly accounts: WebsiteAccounts;
  /** `--api-url` if given, else the settings' API address. */
  readonly apiUrl: () => string;
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
    // Watch mode follows changes other programs make to the file; one-shot commands need not.
    createBackend: (dir) => createConfBackend(dir, followChanges),
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
  const accounts = new WebsiteAccounts({
    settings,
    secrets,
    sessionFallback: false,
    client: () => createDataFastClient({ apiUrl: apiUrl(), ...(environment.fetch !== undefined && { fetch: environment.fetch }) }),
  });
  return { settings, secrets, accounts, apiUrl };
}
