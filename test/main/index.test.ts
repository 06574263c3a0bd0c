import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';
import { standardFake, type FakeDataFast } from '../support/fake-datafast';
import { childEnv } from '../support/child-env';
import { tempDir } from '../support/temp';
import { demoWebsite } from '../support/settings-fixtures';
import { requestValidators } from '../../src/shared/ipc-validators';

const MAIN = resolve(__dirname, '../../dist/main.js');
const STUB = resolve(__dirname, '../support/electron-stub.cjs');

interface Report {
  quit: boolean;
  trayImages: number;
  tooltips: string[];
  menus: string[][];
  windows: Array<Record<string, unknown>>;
  ipc: string[];
  dockHidden: boolean;
}

/**
 * The built main bundle, run under Node with a stand-in for the electron module: proves the
 * composition root starts, wires the tray and IPC, and reads settings, where Electron's binary
 * cannot run. The real-Electron run is test/e2e/electron-app.test.ts.
 */
function runMain(configDir: string, ms = 3000, env: Record<string, string> = {}, preloads: readonly string[] = []): Promise<Report & { stderr: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does).`);
  const reportPath = join(configDir, 'stub-report.json');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', STUB, ...preloads.flatMap((preload) => ['-r', preload]), MAIN], {
      env: childEnv({ HOME: configDir, DATAFAST_MENUBAR_CONFIG_DIR: configDir, STUB_REPORT: reportPath, STUB_RUN_MS: String(ms), ...env }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`main exited with ${String(code)}: ${stderr}`));
      else done({ ...(JSON.parse(readFileSync(reportPath, 'utf8')) as Report), stderr });
    });
  });
}

describe('the built main process', () => {
  let fake: FakeDataFast;
  beforeAll(async () => {
    fake = await standardFake();
  });
  afterAll(() => fake.close());

  it('starts on a first run: tray with a menu, every IPC channel, and the settings window', async () => {
    const dir = tempDir();
    try {
      const report = await runMain(dir.path);
      expect(report.dockHidden).toBe(true);
      expect(report.trayImages).toBeGreaterThan(0);
      expect(report.menus.at(-1)).toEqual(expect.arrayContaining(['No websites yet', 'Settings…', 'Quit DataFast Menubar']));
      expect(report.ipc).toContain('datafast-menubar:token:check');
      // Every channel of the contract has a handler, and nothing else does.
      expect(report.ipc.length).toBe(Object.keys(requestValidators).length);
      expect(report.windows).toHaveLength(1);
      expect(report.windows[0]).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    } finally {
      dir.remove();
    }
  });

  it('shows what went wrong in the tray, with ways out, when it cannot start', async () => {
    const dir = tempDir();
    try {
      // A file where the settings folder should be: creating the folder fails.
      const notAFolder = join(dir.path, 'settings');
      writeFileSync(notAFolder, 'not a folder');
      const report = await runMain(dir.path, 1500, { DATAFAST_MENUBAR_CONFIG_DIR: notAFolder });
      expect(report.trayImages).toBe(1);
      expect(report.tooltips.at(-1)).toMatch(
        /^DataFast Menubar could not start: .*settings.*\. Something that is not a folder stands where the settings folder should be\.$/,
      );
      expect(report.menus.at(-1)).toEqual([
        'DataFast Menubar could not start',
        expect.stringMatching(/settings/) as unknown,
        'Open settings folder',
        'Reset settings (keeps a copy)',
        'Quit DataFast Menubar',
      ]);
    } finally {
      dir.remove();
    }
  });

  it.each(['rejection', 'exception'])('logs an unhandled %s, token redacted, and keeps the tray', async (kind) => {
    const dir = tempDir();
    try {
      const report = await runMain(dir.path, 1500, { THROW_LATER: kind }, [resolve(__dirname, '../fixtures/throw-later.cjs')]);
      expect(report.stderr).toContain(
        `DataFast Menubar: ${kind === 'rejection' ? 'unhandled promise rejection' : 'uncaught exception'}: a library failed with df_…1234`,
      );
      expect(report.stderr).not.toContain('0000000000001234');
      expect(report.menus.at(-1)).toEqual(expect.arrayContaining(['Quit DataFast Menubar']));
      // The same line is in the log file a person can send, redacted there too.
      const logged = readFileSync(join(dir.path, 'logs', 'main.log'), 'utf8');
      expect(logged).toMatch(/\[error\]\s+(unhandled promise rejection|uncaught exception): a library failed with df_…1234/);
      expect(logged).not.toContain('0000000000001234');
    } finally {
      dir.remove();
    }
  });

  it('quits as a second copy, refused the single-instance lock, with no tray, no window and no polling', async () => {
    const dir = tempDir();
    try {
      const demo = demoWebsite({ apiOrigin: new URL(fake.url).origin });
      writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, apiUrl: fake.url, websites: [demo], activeWebsiteKey: 'demo' }));
      const report = await runMain(dir.path, 1500, { STUB_LOCK: 'refused' });
      expect(report.quit).toBe(true);
      expect(report.trayImages).toBe(0);
      expect(report.menus).toEqual([]);
      expect(report.windows).toEqual([]);
      expect(report.ipc).toEqual([]);
      // A copy that polled would have begun its history log beside the settings.
      expect(existsSync(join(dir.path, 'history.log'))).toBe(false);
    } finally {
      dir.remove();
    }
  });

  it('reads the configured websites and shows the count', async () => {
    const dir = tempDir();
    try {
      const demo = demoWebsite({ apiOrigin: new URL(fake.url).origin });
      writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, apiUrl: fake.url, websites: [demo], activeWebsiteKey: 'demo' }));
      const report = await runMain(dir.path);
      expect(report.windows).toHaveLength(0);
      expect(report.tooltips.at(-1)).toMatch(/^Demo website \(demo\) — \d+ visitors?\n/);
      expect(report.menus.at(-1)?.[0]).toMatch(/^Demo website \(demo\) — \d+ visitors?$/);
      expect(readFileSync(join(dir.path, 'history.log'), 'utf8')).toMatch(/\ndemo \d+ \d+\n/);
    } finally {
      dir.remove();
    }
  });
});
