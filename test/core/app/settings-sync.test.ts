import fs, { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventually, harnessesOnStandardFake, type AppHarness } from '../../support/app-harness';
import { createConfBackend } from '../../support/conf-backend';
import type { SettingsBackend } from '../../../src/core/storage/settings-repository';
import { TEST_TOKENS } from '../../support/fake-datafast';

const SHELL = { highlight: null, updates: null };
const harnesses = harnessesOnStandardFake();
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * conf as the app runs it, counting what is written through it, and failing writes as a full
 * disk would while `full` is set.
 */
const backend = { writes: 0, full: false };
function countedConf(directory: string): SettingsBackend {
  const conf = createConfBackend(directory);
  return {
    path: conf.path,
    get store() {
      return conf.store;
    },
    set store(value) {
      if (backend.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      backend.writes += 1;
      conf.store = value;
    },
  };
}

/** The app with two websites read, its settings file watched for other programs as in the app. */
async function twoWebsites(): Promise<AppHarness> {
  backend.writes = 0;
  backend.full = false;
  const harness = await harnesses.open({ watch: true, createBackend: countedConf });
  await harness.addToken(TEST_TOKENS.account, ['site_shop', 'site_blog']);
  await eventually(() => harness.controller.appState().websites.every((website) => website.visitors !== null));
  return harness;
}

/** Every read of one file at the file system (conf, the repository and the folder watch all read through it), and every write through the settings backend. */
function fileCalls(path: string): { reads: () => number; writes: () => number } {
  const reads = vi.spyOn(fs, 'readFileSync');
  const writesBefore = backend.writes;
  return {
    reads: () => reads.mock.calls.filter((args) => String(args[0]) === path).length,
    writes: () => backend.writes - writesBefore,
  };
}

describe('the app state and its settings file', () => {
  it('shows a switch of website in the tray before it is written, then writes the file once and reads it never', async () => {
    const harness = await twoWebsites();
    const blog = harness.controller.settings.websites.find((website) => website.label === 'Blog');
    if (!blog) throw new Error('no Blog website');
    const calls = fileCalls(join(harness.directory, 'config.json'));
    const switched = harness.controller.commands.switchWebsite(blog.id);
    // In the same tick, before the write resolves:
    expect(harness.controller.trayModel(SHELL).tooltip).toMatch(/^Blog — 7 visitors/);
    expect(calls.writes()).toBe(0);
    await switched;
    // Past the folder watch's settling time: the app's own write is not read back either.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect({ reads: calls.reads(), writes: calls.writes() }).toEqual({ reads: 0, writes: 1 });
    vi.restoreAllMocks();
    expect(JSON.parse(readFileSync(join(harness.directory, 'config.json'), 'utf8'))).toMatchObject({ activeWebsiteKey: blog.id });
  });

  it('takes back a change the disk refuses, and passes the reason on', async () => {
    const harness = await twoWebsites();
    const before = harness.controller.settings.activeWebsiteKey;
    const blog = harness.controller.settings.websites.find((website) => website.label === 'Blog');
    if (!blog || blog.id === before) throw new Error('Blog is not the other website');
    backend.full = true;
    await expect(harness.controller.commands.switchWebsite(blog.id)).rejects.toThrow(/no space left on device/);
    backend.full = false;
    expect(harness.controller.settings.activeWebsiteKey).toBe(before);
    expect(harness.controller.trayView().activeKey).toBe(before);
  });

  it('refuses a value out of range without showing it for a moment', async () => {
    const harness = await twoWebsites();
    const shown: number[] = [];
    harness.controller.onChange(() => shown.push(harness.controller.settings.refreshIntervalSeconds));
    await expect(harness.controller.commands.updateSettings({ refreshIntervalSeconds: 5 })).rejects.toThrow(/Settings not saved: .*at least 10/);
    expect(shown).toEqual([]);
  });
});
