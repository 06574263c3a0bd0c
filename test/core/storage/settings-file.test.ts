import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFileBackend } from '../../../src/core/storage/settings-file';
import { createConfBackend } from '../../support/conf-backend';
import { tempDir } from '../../support/temp';

describe("the runner's settings file backend", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('writes the file byte for byte as the app (conf, under electron-store) does, and reads what it writes', () => {
    const settings = { schemaVersion: 4, websites: [{ id: 'w_shop', label: 'Shop "quoted" ünïcode' }], refreshIntervalSeconds: 30 };
    const ours = createSettingsFileBackend(dir.path);
    ours.store = settings;
    const written = readFileSync(ours.path, 'utf8');
    const app = createConfBackend(dir.path);
    expect(app.path).toBe(ours.path);
    expect(app.store).toEqual(settings);
    app.store = settings;
    expect(readFileSync(app.path, 'utf8')).toBe(written);
    if (process.platform !== 'win32') expect(statSync(ours.path).mode & 0o777).toBe(0o600);
  });

  it('reads the file fresh at every access, and starts empty where there is none', () => {
    const ours = createSettingsFileBackend(join(dir.path, 'new-folder'));
    expect(ours.store).toEqual({});
    ours.store = { a: 1 };
    writeFileSync(ours.path, '{"a":2}');
    expect(ours.store).toEqual({ a: 2 });
  });

  it('lets a file that is not JSON throw, for the repository to set aside', () => {
    const ours = createSettingsFileBackend(dir.path);
    writeFileSync(ours.path, '{"a":');
    expect(() => ours.store).toThrow(SyntaxError);
  });
});
