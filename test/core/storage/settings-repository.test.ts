import { websiteKey } from '../../../src/shared/settings-shapes';
import { chmodSync, copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfBackend } from '../../support/conf-backend';
import { migrateSettings } from '../../../src/core/storage/settings-migrations';
import { SettingsRepository } from '../../../src/core/storage/settings-repository';
import { SettingsValidationError } from '../../../src/core/storage/settings-errors';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION } from '../../../src/core/storage/settings-schema';
import { configDirectory } from '../../../src/core/storage/paths';
import { tempDir } from '../../support/temp';
import { watchedFifo } from '../../support/fifo';
import { inRepo } from '../../support/repo-paths';

let dir: ReturnType<typeof tempDir>;
let problems: string[];
beforeEach(() => {
  dir = tempDir();
  problems = [];
});
afterEach(() => dir.remove());

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
function open(): SettingsRepository {
  return SettingsRepository.open({ directory: dir.path, createBackend: (d) => createConfBackend(d), now: () => NOW, onProblem: (m) => problems.push(m) });
}
const configPath = (): string => join(dir.path, 'config.json');
const fixture = (name: string): string => inRepo('test', 'fixtures', name);

describe('settings', () => {
  it('starts with defaults and writes nothing until something changes', () => {
    expect(open().read()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(configPath())).toBe(false);
  });

  it('saves changes to a private file (mode 0600 where modes exist) that conf reads back', async () => {
    const repository = open();
    await repository.update((s) => ({ ...s, refreshIntervalSeconds: 120, displayMode: 'sum' }));
    // Windows has no POSIX modes; the user's profile folder is private there already.
    if (process.platform !== 'win32') expect(statSync(configPath()).mode & 0o777).toBe(0o600);
    expect(open().read()).toMatchObject({ refreshIntervalSeconds: 120, displayMode: 'sum' });
  });

  it.runIf(process.platform !== 'win32')('makes an existing, wider settings file and folder private on the first write', async () => {
    copyFileSync(fixture('settings-v3.json'), configPath());
    chmodSync(configPath(), 0o644);
    chmodSync(dir.path, 0o755);
    const settings = open();
    expect(statSync(dir.path).mode & 0o777).toBe(0o700);
    await settings.update((s) => ({ ...s, launchAtLogin: true }));
    expect(statSync(configPath()).mode & 0o777).toBe(0o600);
  });

  // Inside a Snap, conf writes in place (fs.writeFileSync), and a mode applies only to a new file.
  it.runIf(process.platform !== 'win32')('makes an existing, wider settings file private where conf writes in place (Snap)', async () => {
    copyFileSync(fixture('settings-v3.json'), configPath());
    chmodSync(configPath(), 0o644);
    const snap = process.env['SNAP'];
    process.env['SNAP'] = '/snap/datafast-menubar/1';
    try {
      await open().update((s) => ({ ...s, launchAtLogin: true }));
    } finally {
      if (snap === undefined) delete process.env['SNAP'];
      else process.env['SNAP'] = snap;
    }
    expect(statSync(configPath()).mode & 0o777).toBe(0o600);
  });

  it.runIf(process.platform !== 'win32')('creates its folder private', () => {
    const nested = join(dir.path, 'new', 'DataFast Menubar');
    SettingsRepository.open({ directory: nested, createBackend: (d) => createConfBackend(d) });
    expect(statSync(nested).mode & 0o777).toBe(0o700);
  });

  it('refuses invalid values with a message and leaves the file as it was', async () => {
    const repository = open();
    await repository.update((s) => ({ ...s, refreshIntervalSeconds: 60 }));
    const before = readFileSync(configPath(), 'utf8');
    await expect(repository.update((s) => ({ ...s, refreshIntervalSeconds: 5 }))).rejects.toThrow(SettingsValidationError);
    await expect(repository.update((s) => ({ ...s, refreshIntervalSeconds: 5 }))).rejects.toThrow(
      'Settings not saved: The refresh interval must be at least 10 seconds.',
    );
    await expect(repository.update((s) => ({ ...s, activeWebsiteKey: websiteKey('nope') }))).rejects.toThrow(
      'Settings not saved: The active website is not one of the websites.',
    );
    expect(readFileSync(configPath(), 'utf8')).toBe(before);
  });

  it('names each refused setting as the window does', async () => {
    const repository = open();
    await expect(repository.update((s) => ({ ...s, notifications: { ...s.notifications, minimum: 2.5, cooldownMinutes: 0 } }))).rejects.toThrow(
      'Settings not saved: The minimum number of visitors must be a whole number; The quiet time after a spike must be at least 1 minute.',
    );
    const shop = {
      id: websiteKey('w_1'),
      label: '  ',
      dataFastSiteId: null,
      domain: null,
      tokenKind: 'website-key' as const,
      order: 0,
      spikeThreshold: 0,
      notifySales: true,
      apiOrigin: 'https://datafa.st',
    };
    await expect(repository.update((s) => ({ ...s, websites: [shop] }))).rejects.toThrow(
      'Settings not saved: A website name must not be empty; An alert level must be above 0.',
    );
  });

  it('sets aside a file that is not JSON, says so, and starts with defaults', () => {
    writeFileSync(configPath(), '{"schemaVersion": 2, "websites": [');
    const repository = open();
    expect(repository.read()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir.path).filter((name) => name.startsWith('config.corrupt-'));
    expect(aside).toEqual(['config.corrupt-2026-11-26T12-00-00-000Z.json']);
    expect(readFileSync(join(dir.path, aside[0] ?? ''), 'utf8')).toBe('{"schemaVersion": 2, "websites": [');
    expect(problems[0]).toMatch(/not valid JSON.*kept as .*config\.corrupt-/);
  });

  it('repairs a value of the wrong kind rather than setting the whole file aside', () => {
    writeFileSync(configPath(), JSON.stringify({ ...DEFAULT_SETTINGS, refreshIntervalSeconds: 'fast', launchAtLogin: true }));
    expect(open().read()).toEqual({ ...DEFAULT_SETTINGS, launchAtLogin: true });
    expect(readdirSync(dir.path).some((name) => name.startsWith('config.corrupt-'))).toBe(false);
    expect(problems[0]).toMatch(/^Some settings could not be used and were repaired: The refresh interval .*; it was set back to 30 seconds\./);
  });

  it('sets aside a file damaged later by another program, and says websites were lost', async () => {
    const repository = open();
    await repository.update((s) => ({ ...s, numberFormat: 'full' }));
    expect(repository.websitesLostFrom).toBeNull();
    // Repairable: what can be read is kept, the original beside it.
    writeFileSync(configPath(), JSON.stringify({ schemaVersion: 2, refreshIntervalSeconds: 'fast', numberFormat: 'full' }));
    expect(repository.read()).toEqual({ ...DEFAULT_SETTINGS, numberFormat: 'full' });
    expect(repository.websitesLostFrom).toBeNull();
    // Not JSON at all: set aside.
    writeFileSync(configPath(), '{"schemaVersion": 2,');
    expect(repository.read()).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(2);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('config.backup-'))).toHaveLength(1);
    const [aside] = readdirSync(dir.path).filter((name) => name.startsWith('config.corrupt-'));
    expect(repository.websitesLostFrom).toBe(join(dir.path, aside ?? 'missing'));
    repository.websitesRestored();
    expect(repository.websitesLostFrom).toBeNull();
  });

  it.each([
    ['a list', '[]'],
    ['a website list that is a number', '{"schemaVersion": 3, "websites": 5, "numberFormat": "full"}'],
    ['a website list that is an object', '{"websites": {"id": "w_1"}}'],
  ])('treats valid JSON of the wrong shape (%s) as a damaged file: set aside, websites to restore', (_name, content) => {
    writeFileSync(configPath(), content);
    const repository = open();
    expect(repository.read()).toEqual(DEFAULT_SETTINGS);
    const [aside] = readdirSync(dir.path).filter((name) => name.startsWith('config.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir.path, aside ?? ''), 'utf8')).toBe(content);
    expect(repository.websitesLostFrom).toBe(join(dir.path, aside ?? ''));
    expect(problems[0]).toMatch(/could not be read .*starting with defaults/);
  });

  it('says websites were lost when a repair had to leave one out', () => {
    writeFileSync(configPath(), JSON.stringify({ ...DEFAULT_SETTINGS, websites: [{ label: 'no id' }] }));
    const repository = open();
    expect(repository.read().websites).toEqual([]);
    expect(repository.websitesLostFrom).toMatch(/config\.backup-.*\.json$/);
  });

  it('migrates version 1 settings and saves them as the current version', () => {
    copyFileSync(fixture('settings-v1.json'), configPath());
    const settings = open().read();
    expect(settings).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      refreshIntervalSeconds: 45,
      displayMode: 'sum',
      numberFormat: 'full',
      launchAtLogin: true,
      activeWebsiteKey: 'w_docs',
      notifications: { enabled: false, factor: 3, minimum: 10, cooldownMinutes: 30, snoozedUntil: null },
    });
    expect(settings.websites.map((w) => [w.id, w.order, w.spikeThreshold, w.domain])).toEqual([
      ['w_shop', 0, null, 'shop.example.com'],
      ['w_docs', 1, null, null],
    ]);
    const onDisk = JSON.parse(readFileSync(configPath(), 'utf8')) as Record<string, unknown>;
    expect(onDisk['schemaVersion']).toBe(SETTINGS_SCHEMA_VERSION);
    expect(onDisk).not.toHaveProperty('intervalMs');
    expect(problems).toEqual([]);
  });

  it('migrates version 2 settings by binding every website to the API origin the settings named', () => {
    const stored = JSON.parse(readFileSync(fixture('settings-v2.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(configPath(), JSON.stringify({ ...stored, apiUrl: 'http://127.0.0.1:8443/api-proxy' }));
    const settings = open().read();
    expect(settings.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    expect(settings.websites.map((w) => [w.id, w.apiOrigin])).toEqual([['w_blog', 'http://127.0.0.1:8443']]);
    expect(migrateSettings(stored).settings).toMatchObject({ websites: [{ id: 'w_blog', apiOrigin: 'https://datafa.st' }] });
  });

  it('refuses an API address that is plain http anywhere but this computer', async () => {
    const settings = open();
    await expect(settings.update((s) => ({ ...s, apiUrl: 'http://datafa.st.example' }))).rejects.toThrow(/The API address must use https/);
    await expect(settings.update((s) => ({ ...s, apiUrl: 'http://localhost:8080' }))).resolves.toMatchObject({ apiUrl: 'http://localhost:8080' });
  });

  it.runIf(process.platform !== 'win32')('leaves a FIFO in place of the settings file alone: nothing read, nothing saved, and says why', async () => {
    const fifo = watchedFifo(configPath());
    try {
      const settings = open();
      expect(settings.read()).toEqual(DEFAULT_SETTINGS);
      expect(problems).toEqual([expect.stringMatching(/config\.json is a named pipe \(FIFO\), not a regular file\. It was left as it is/) as unknown]);
      await expect(settings.update((s) => ({ ...s, launchAtLogin: true }))).rejects.toThrow(SettingsValidationError);
      expect(lstatSync(configPath()).isFIFO()).toBe(true);
    } finally {
      fifo.release();
    }
  });

  it.runIf(process.platform !== 'win32')('stops reading a settings file that another program replaced with a FIFO', () => {
    const settings = open();
    const fifo = watchedFifo(configPath());
    try {
      expect(settings.read()).toEqual(DEFAULT_SETTINGS);
      expect(settings.refusal).toMatch(/named pipe/);
    } finally {
      fifo.release();
    }
  });

  it.runIf(process.platform !== 'win32')('follows a link to a regular file inside the settings folder', () => {
    copyFileSync(fixture('settings-v3.json'), join(dir.path, 'real.json'));
    symlinkSync(join(dir.path, 'real.json'), configPath());
    expect(open().read().websites[0]).toMatchObject({ id: 'w_blog' });
    expect(problems).toEqual([]);
  });

  it("migrates version 3 settings by giving DataFast's site id and the active website's key their own names", () => {
    const stored = JSON.parse(readFileSync(fixture('settings-v3.json'), 'utf8')) as Record<string, unknown> & { websites: Array<Record<string, unknown>> };
    stored.websites.push({ ...stored.websites[0], id: 'w_docs', label: 'Docs', websiteId: 'site_docs', tokenKind: 'account-token', order: 1 });
    stored['activeWebsiteId'] = 'w_docs';
    writeFileSync(configPath(), JSON.stringify(stored));
    const settings = open().read();
    expect(settings.websites.map((w) => [w.id, w.dataFastSiteId])).toEqual([
      ['w_blog', null],
      ['w_docs', 'site_docs'],
    ]);
    expect(settings.activeWebsiteKey).toBe('w_docs');
    const written = readFileSync(configPath(), 'utf8');
    expect(JSON.parse(written)).toMatchObject({ schemaVersion: SETTINGS_SCHEMA_VERSION, activeWebsiteKey: 'w_docs' });
    expect(written).not.toMatch(/"websiteId"|"activeWebsiteId"/);
  });

  it('reads current-version fixtures unchanged', () => {
    copyFileSync(fixture('settings-v5.json'), configPath());
    const before = readFileSync(configPath(), 'utf8');
    expect(open().read().websites[0]).toMatchObject({ id: 'w_blog', spikeThreshold: 50, notifySales: false });
    expect(readFileSync(configPath(), 'utf8')).toBe(before);
  });

  it('migrates version 4 settings with sale notifications on for every website and customer names off', () => {
    copyFileSync(fixture('settings-v4.json'), configPath());
    const settings = open().read();
    expect(settings.notifications).toMatchObject({ sales: true, customerNames: false, factor: 2 });
    expect(settings.websites[0]).toMatchObject({ id: 'w_blog', spikeThreshold: 50, notifySales: true });
    expect(JSON.parse(readFileSync(configPath(), 'utf8'))).toMatchObject({ schemaVersion: 5 });
  });

  it('refuses settings from a newer app version', () => {
    expect(() => migrateSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1 })).toThrow(/newer version/);
    expect(() => migrateSettings({ websites: [] })).toThrow(/schemaVersion/);
  });

  it('never touches a settings file from a newer version: not set aside, not rewritten, and says to update', async () => {
    const newer = '{"schemaVersion":99,"websites":[{"id":"w_x","somethingNew":true}],"newSetting":1}';
    writeFileSync(configPath(), newer);
    const settings = open();
    expect(settings.read()).toEqual(DEFAULT_SETTINGS);
    expect(settings.refusal).toMatch(
      /^The settings file was made by a newer version of DataFast Menubar \(settings format 99; this version reads up to 5\)\. Update DataFast Menubar/,
    );
    expect(problems).toEqual([settings.refusal]);
    await expect(settings.update((s) => ({ ...s, launchAtLogin: true }))).rejects.toThrow(SettingsValidationError);
    expect(readFileSync(configPath(), 'utf8')).toBe(newer);
    expect(readdirSync(dir.path).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('repairs a hand-edited value instead of dropping the file: every website kept, the field named, the original kept', () => {
    const stored = JSON.parse(readFileSync(fixture('settings-v3.json'), 'utf8')) as Record<string, unknown> & { websites: Array<Record<string, unknown>> };
    stored['refreshIntervalSeconds'] = 5;
    stored['numberFormat'] = 'roman';
    stored.websites[0]!['spikeThreshold'] = -3;
    writeFileSync(configPath(), JSON.stringify(stored));
    const settings = open().read();
    expect(settings.websites.map((w) => [w.id, w.label, w.spikeThreshold])).toEqual([['w_blog', 'Blog', null]]);
    expect(settings).toMatchObject({ refreshIntervalSeconds: 30, numberFormat: 'compact', activeWebsiteKey: 'w_blog' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Some settings could not be used and were repaired: An alert level must be above 0; it was set back to none \(website w_blog\)\. The refresh interval must be at least 10 seconds; it was set back to 30 seconds\. The number format .*; it was set back to compact\. The original file was kept as .*config\.backup-.*\.json\.$/,
    );
    const backups = readdirSync(dir.path).filter((name) => name.startsWith('config.backup-'));
    expect(backups).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir.path, backups[0]!), 'utf8'))).toEqual(stored);
    expect(readdirSync(dir.path).filter((name) => name.includes('corrupt'))).toEqual([]);
    // Written back repaired: the next start has nothing to say.
    problems.length = 0;
    expect(open().read()).toEqual(settings);
    expect(problems).toEqual([]);
  });

  it('keeps no backup when nothing needed repairing', () => {
    copyFileSync(fixture('settings-v3.json'), configPath());
    open().read();
    expect(readdirSync(dir.path).filter((name) => name.includes('backup'))).toEqual([]);
  });

  it.each([
    ['[]', 'it is not a settings object'],
    ['"settings"', 'it is not a settings object'],
    ['{"websites": 5}', 'settings have no valid schemaVersion'],
  ])('treats %s as a damaged file: set aside, and said', (content, reason) => {
    writeFileSync(configPath(), content);
    expect(open().read()).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]).toContain(`(${reason})`);
    expect(readdirSync(dir.path).filter((name) => name.startsWith('config.corrupt-'))).toHaveLength(1);
  });

  it('clamps an out-of-range interval while migrating', () => {
    const { settings } = migrateSettings({ schemaVersion: 1, intervalMs: 1_000, websites: [] });
    expect(settings).toMatchObject({ refreshIntervalSeconds: 10 });
  });

  it("keeps a change another writer makes between this writer's read and its write: the second waits for the lock", async () => {
    const first = open();
    const second = SettingsRepository.open({ directory: dir.path, createBackend: (d) => createConfBackend(d) });
    let letFirstWrite!: () => void;
    const firstMayWrite = new Promise<void>((resolve) => (letFirstWrite = resolve));
    let firstHasRead!: () => void;
    const firstRead = new Promise<void>((resolve) => (firstHasRead = resolve));
    const firstWrite = first.update(async (settings) => {
      firstHasRead();
      await firstMayWrite;
      return { ...settings, launchAtLogin: true };
    });
    await firstRead;
    // The second writer runs its whole change while the first holds what it read.
    const secondWrite = second.update((settings) => ({ ...settings, numberFormat: 'full' }));
    const secondDone = await Promise.race([secondWrite.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300))]);
    expect(secondDone, 'the second writer wrote while the first held its read').toBe(false);
    letFirstWrite();
    await Promise.all([firstWrite, secondWrite]);
    expect(open().read()).toMatchObject({ launchAtLogin: true, numberFormat: 'full' });
  });

  it('loses neither of two changes made at the same time', async () => {
    const first = open();
    const second = open();
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        first.update((s) => ({
          ...s,
          websites: [
            ...s.websites,
            {
              id: websiteKey(`a${i}`),
              label: `A${i}`,
              dataFastSiteId: null,
              domain: null,
              tokenKind: 'demo' as const,
              order: i,
              spikeThreshold: null,
              notifySales: true,
              apiOrigin: 'https://datafa.st',
            },
          ],
        })),
      ),
      second.update((s) => ({ ...s, refreshIntervalSeconds: 90 })),
    ]);
    const settings = open().read();
    expect(settings.websites).toHaveLength(10);
    expect(settings.refreshIntervalSeconds).toBe(90);
  });

  it('resolves the settings folder where Electron puts userData for the product', () => {
    const env = {};
    expect(configDirectory({ env, platform: 'linux', homedir: '/home/ada' })).toBe(join('/home/ada', '.config', 'DataFast Menubar'));
    expect(configDirectory({ env: { XDG_CONFIG_HOME: '/x' }, platform: 'linux', homedir: '/home/ada' })).toBe(join('/x', 'DataFast Menubar'));
    expect(configDirectory({ env, platform: 'darwin', homedir: '/Users/ada' })).toBe(join('/Users/ada', 'Library', 'Application Support', 'DataFast Menubar'));
    expect(configDirectory({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\ada' })).toContain(
      'DataFast Menubar',
    );
    expect(configDirectory({ env: { DATAFAST_MENUBAR_CONFIG_DIR: '/portable' }, platform: 'linux', homedir: '/h' })).toBe('/portable');
  });
});
