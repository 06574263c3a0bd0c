import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKeytar } from '../../src/core/storage/secret-store';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { removeService, testServiceName } from '../support/keychain';
import { tempDir } from '../support/temp';
import { shopWebsite } from '../support/settings-fixtures';

/**
 * The whole app under real Electron. Electron's binary comes from GitHub at install time, which
 * some build machines cannot reach; there these tests skip and say so. Everywhere else (developer
 * machines, the cross-platform CI workflow) they run.
 */
function electronBinary(): { path: string | null; reason: string } {
  // Read where the electron package put its binary; requiring the package instead would try to
  // download the binary on the spot when it is missing.
  const packageDir = dirname(createRequire(__filename).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'the Electron binary is not installed (it was skipped at install time).' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary, reason: '' } : { path: null, reason: `the Electron binary is missing at ${binary}.` };
}

const electron = electronBinary();
if (!electron.path) console.warn(`Skipping Electron app tests: ${electron.reason} They run where Electron is installed normally.`);

const MAIN = resolve(__dirname, '../../dist/main.js');

describe.skipIf(electron.path === null)('the app under Electron', () => {
  let fake: FakeDataFast;
  let config: ReturnType<typeof tempDir>;
  let userData: ReturnType<typeof tempDir>;
  let service: string;
  let app: ElectronApplication | null = null;

  beforeAll(async () => {
    fake = await standardFake();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    config = tempDir();
    userData = tempDir();
    service = testServiceName();
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await removeService(service);
    config.remove();
    userData.remove();
  });

  const env = (): Record<string, string> => ({
    ...(process.env as Record<string, string>),
    DATAFAST_MENUBAR_CONFIG_DIR: config.path,
    DATAFAST_MENUBAR_KEYCHAIN_SERVICE: service,
  });
  const launch = (): Promise<ElectronApplication> =>
    _electron.launch({ executablePath: electron.path ?? '', args: [MAIN, `--user-data-dir=${userData.path}`], env: env() });

  async function withShopConfigured(): Promise<void> {
    const website = shopWebsite({ apiOrigin: new URL(fake.url).origin });
    const blog = { ...website, id: 'w_blog', label: 'Blog', domain: 'blog.example.com', order: 1 };
    writeFileSync(
      join(config.path, 'config.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, apiUrl: fake.url, websites: [website, blog], activeWebsiteKey: 'w_shop' }),
      { mode: 0o600 },
    );
    const keytar = await loadKeytar();
    await keytar.setPassword(service, 'w_shop', TEST_TOKENS.shopKey);
    await keytar.setPassword(service, 'w_blog', TEST_TOKENS.blogKey);
  }

  /** A second launch hands over to the running app, which opens its settings window. */
  async function openSettingsViaSecondInstance(running: ElectronApplication): Promise<Page> {
    const windowOpened = running.waitForEvent('window');
    const second = await launch();
    const secondExit = new Promise<void>((done) => second.process().once('exit', () => done()));
    await secondExit;
    return windowOpened;
  }

  it('launches and welcomes a first run in its settings window', async () => {
    app = await launch();
    const window = await app.firstWindow();
    await window.getByRole('heading', { name: 'Welcome to DataFast Menubar' }).waitFor();
    expect(await window.title()).toBe('DataFast Menubar Settings');
    // No Node in the page, and only the bridge the preload exposed.
    const page = await window.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return { require: typeof scope['require'], process: typeof scope['process'], bridge: Object.keys(scope['datafast'] as object).sort() };
    });
    expect(page).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['dashboard', 'notifications', 'refresh', 'settings', 'state', 'tokens', 'websites'],
    });
  });

  it('follows the fake server, switches website, and quits a second instance', async () => {
    await withShopConfigured();
    app = await launch();
    const window = await openSettingsViaSecondInstance(app);
    await window.getByText('Shop — 42 visitors').waitFor();
    fake.setVisitors('site_shop', 57);
    await window.evaluate(() => (globalThis as unknown as { datafast: { refresh(): Promise<unknown> } }).datafast.refresh());
    await window.getByText('Shop — 57 visitors').waitFor();
    await window.getByRole('button', { name: 'Show in menu bar' }).click();
    await window.getByText('Blog — 7 visitors').waitFor();
    expect(app.windows()).toHaveLength(1);
  });

  it('shows a spike notification', async () => {
    await withShopConfigured();
    app = await launch();
    await app.evaluate(({ Notification }) => {
      const shown: string[] = [];
      (globalThis as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own `this` below
      const original = Notification.prototype.show;
      Notification.prototype.show = function show(this: Electron.Notification) {
        shown.push(this.title);
        original.call(this);
      };
    });
    const window = await openSettingsViaSecondInstance(app);
    await window.getByRole('tab', { name: 'Notifications' }).click();
    await window.getByRole('button', { name: 'Send test notification' }).click();
    await expect
      .poll(() => app?.evaluate(() => (globalThis as unknown as { shownNotifications: string[] }).shownNotifications))
      .toEqual(['Traffic spike on shop.example.com (test)']);
  });
});
