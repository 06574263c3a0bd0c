import { AppController } from '../src/core/app/app-controller';
import { WebsiteAccounts } from '../src/core/accounts/website-accounts';
import { createDataFastClient } from '../src/core/datafast/client';
import { fetchTransport, type FetchFunction } from '../src/core/datafast/fetch-transport';
import type { Clock } from '../src/core/time/clock';
import type { History } from '../src/core/readings/history';
import type { HistoryFile } from '../src/core/storage/history-file';
import { SecretStore, type KeychainBackend } from '../src/core/storage/secret-store';
import { createSettingsFileBackend } from '../src/core/storage/settings-file';
import { SettingsRepository, type SettingsBackend } from '../src/core/storage/settings-repository';
import { DEFAULT_SETTINGS, type Settings, type WebsiteSettings } from '../src/core/storage/settings-schema';
import { websiteKey } from '../src/shared/website-ids';

/** `count` websites on DataFast itself, each added with a website key. */
export function benchWebsites(count: number): WebsiteSettings[] {
  return Array.from({ length: count }, (_, index) => ({
    id: websiteKey(`w_${index}`),
    label: `site${index}.example.com`,
    dataFastSiteId: null,
    domain: `site${index}.example.com`,
    tokenKind: 'website-key',
    order: index,
    spikeThreshold: null,
    notifySales: true,
    apiOrigin: 'https://datafa.st',
  }));
}

/** DataFast answering every read at once with this count. */
export function countReply(visitors: number): () => Promise<Response> {
  return () => Promise.resolve(new Response(JSON.stringify({ status: 'success', data: [{ visitors }] }), { headers: { 'content-type': 'application/json' } }));
}

/** The token a bench website was added with. */
export const benchToken = (website: WebsiteSettings): string => `df_bench_${website.id}_000000000000`;

/** A keychain that answers from memory. */
export function memoryKeychain(): KeychainBackend {
  const entries = new Map<string, string>();
  return {
    getPassword: (service, account) => Promise.resolve(entries.get(`${service}/${account}`) ?? null),
    setPassword: (service, account, password) => Promise.resolve(void entries.set(`${service}/${account}`, password)),
    deletePassword: (service, account) => Promise.resolve(entries.delete(`${service}/${account}`)),
    findCredentials: (service) =>
      Promise.resolve(
        [...entries].filter(([key]) => key.startsWith(`${service}/`)).map(([key, password]) => ({ account: key.slice(service.length + 1), password })),
      ),
  };
}

export interface BenchAppOptions {
  readonly directory: string;
  readonly clock: Clock;
  readonly websites: readonly WebsiteSettings[];
  /** Each website's token, by key. */
  readonly token: (website: WebsiteSettings) => string;
  /** DataFast, answered in this process. */
  readonly fetch: FetchFunction;
  readonly history: History;
  readonly historyFile: HistoryFile | null;
  readonly displayMode?: Settings['displayMode'];
  /** The settings file's backend: the runner's own unless a bench brings the app's. */
  readonly createBackend?: (directory: string) => SettingsBackend;
}

/** The real controller over a settings file in `directory`, its DataFast answered by `fetch` on a virtual clock. */
export async function benchController(options: BenchAppOptions): Promise<AppController> {
  const { directory, clock, websites } = options;
  const keychain = memoryKeychain();
  for (const website of websites) await keychain.setPassword('DataFast Menubar', website.id, options.token(website));
  const settings = SettingsRepository.open({ directory, createBackend: options.createBackend ?? createSettingsFileBackend });
  await settings.update(() => ({
    ...DEFAULT_SETTINGS,
    websites: [...websites],
    activeWebsiteKey: websites[0]?.id ?? null,
    displayMode: options.displayMode ?? 'active',
  }));
  const createClient = (apiUrl: string) => createDataFastClient({ apiUrl, transport: fetchTransport(options.fetch), timers: clock, now: () => clock.now() });
  return new AppController({
    settings,
    accounts: new WebsiteAccounts({
      settings,
      secrets: new SecretStore({ loadBackend: () => Promise.resolve(keychain), platform: 'linux', lockState: () => Promise.resolve('unlocked') }),
      sessionFallback: false,
      client: () => createClient(settings.read().apiUrl),
    }),
    createClient,
    clock,
    history: options.history,
    historyFile: options.historyFile,
    loginItem: { set: () => undefined },
  });
}
