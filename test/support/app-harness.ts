import { afterAll, afterEach, beforeAll } from 'vitest';
import { standardFake, type FakeDataFast } from './fake-datafast';
import { dataFastSiteId } from '../../src/shared/settings-shapes';
import { AppController } from '../../src/core/app/app-controller';
import type { NotificationRequest } from '../../src/core/app/spike-notifier';
import type { AddedView } from '../../src/shared/view-model';
import { createDataFastClient } from '../../src/core/datafast/client';
import { fetchTransport } from '../../src/core/datafast/fetch-transport';
import type { Clock } from '../../src/core/time/clock';
import { systemClock } from '../../src/core/time/clock';
import { HistoryFile } from '../../src/core/storage/history-file';
import { SalesSeenFile } from '../../src/core/storage/sales-seen-file';
import type { LockState } from '../../src/core/storage/keychain-lock';
import { SecretStore, type KeychainBackend } from '../../src/core/storage/secret-store';
import { createConfBackend } from './conf-backend';
import { SettingsRepository, type SettingsBackend } from '../../src/core/storage/settings-repository';
import { WebsiteAccounts } from '../../src/core/accounts/website-accounts';
import { MemoryKeychain } from './memory-keychain';
import { tempDir } from './temp';

export interface AppHarness {
  readonly controller: AppController;
  readonly settings: SettingsRepository;
  readonly accounts: WebsiteAccounts;
  readonly keychain: KeychainBackend;
  readonly service: string;
  readonly directory: string;
  readonly notifications: NotificationRequest[];
  readonly loginItem: boolean[];
  /** Adds websites as the window does: check the token with DataFast, then save. */
  addToken(token: string, siteIds?: readonly string[]): Promise<AddedView>;
  close(): Promise<void>;
}

/** The real controller over real settings in a temp folder, talking to a fake DataFast. */
export async function appHarness(
  apiUrl: string,
  options: {
    keychain?: KeychainBackend;
    service?: string;
    clock?: Clock;
    start?: boolean;
    watch?: boolean;
    directory?: string;
    lockState?: () => Promise<LockState>;
    locale?: string;
    /** The settings file's backend, conf as the app's electron-store runs it unless a test brings its own. */
    createBackend?: (directory: string) => SettingsBackend;
  } = {},
): Promise<AppHarness> {
  const dir = options.directory ? { path: options.directory, remove: () => undefined } : tempDir();
  // As in the app: other programs' changes come from file-system events, not conf's polling watch.
  const settings = SettingsRepository.open({
    directory: dir.path,
    createBackend: options.createBackend ?? ((d) => createConfBackend(d)),
    watchOtherWriters: options.watch ?? false,
  });
  await settings.update((s) => ({ ...s, apiUrl }));
  const keychain = options.keychain ?? new MemoryKeychain();
  const service = options.service ?? 'DataFast Menubar harness';
  // The app reads through Electron's net.fetch; Node's fetch stands in for it.
  const createClient = (url: string) => createDataFastClient({ apiUrl: url, transport: fetchTransport((input, init) => fetch(input, init)) });
  const accounts = new WebsiteAccounts({
    settings,
    secrets: new SecretStore({
      loadBackend: () => Promise.resolve(keychain),
      service,
      platform: 'linux',
      // The in-memory keychain has no lock to ask D-Bus about; the real one is asked as in the app.
      ...(options.lockState !== undefined
        ? { lockState: options.lockState }
        : keychain instanceof MemoryKeychain && { lockState: () => Promise.resolve('unlocked' as const) }),
    }),
    sessionFallback: true,
    client: () => createClient(settings.read().apiUrl),
  });
  const loginItem: boolean[] = [];
  const controller = new AppController({
    settings,
    accounts,
    createClient,
    clock: options.clock ?? systemClock,
    history: new HistoryFile(dir.path).load(Date.now()),
    historyFile: new HistoryFile(dir.path),
    salesSeen: new SalesSeenFile(dir.path),
    ...(options.locale !== undefined && { locale: options.locale }),
    loginItem: { set: (enabled) => void loginItem.push(enabled) },
  });
  const notifications: NotificationRequest[] = [];
  controller.onNotify((request) => notifications.push(request));
  if (options.start !== false) await controller.start();
  return {
    controller,
    settings,
    accounts,
    keychain,
    service,
    directory: dir.path,
    notifications,
    loginItem,
    addToken: async (token, siteIds = []) => {
      const checked = await controller.commands.checkToken(token);
      return controller.commands.addChecked(checked.pendingId, siteIds.map(dataFastSiteId));
    },
    close: async () => {
      // A change is shown before it is written: the folder goes only once nothing is still writing to it.
      await controller.settled();
      controller.shutdown();
      dir.remove();
    },
  };
}

/** Waits until `check` holds, polling briefly; for state that settles after real HTTP. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The standard fake DataFast for a whole test file, and app harnesses opened on it that close
 * after each test: the set-up most app tests share.
 */
export function harnessesOnStandardFake(): { fake: () => FakeDataFast; open: (options?: Parameters<typeof appHarness>[1]) => Promise<AppHarness> } {
  let fake: FakeDataFast | null = null;
  const opened: AppHarness[] = [];
  beforeAll(async () => {
    fake = await standardFake();
  });
  afterAll(() => fake?.close());
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.close();
  });
  const running = (): FakeDataFast => {
    if (!fake) throw new Error('the fake DataFast starts before the tests');
    return fake;
  };
  return {
    fake: running,
    open: async (options) => {
      const app = await appHarness(running().url, options);
      opened.push(app);
      return app;
    },
  };
}
