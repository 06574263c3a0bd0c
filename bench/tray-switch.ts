/**
 * What picking another website in the tray costs the settings file, and how soon the tray shows
 * it: the real controller over conf (as the app's electron-store runs it), two websites read, then
 * switches back and forth. Reads are counted at the file system (every reader of the file goes
 * through fs.readFileSync); writes through the settings backend.
 */
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import { History } from '../src/core/readings/history';
import { SETTINGS_STORE_NAME, sharedStoreOptions, type SettingsBackend } from '../src/core/storage/settings-repository';
import { benchController, benchToken, benchWebsites, countReply } from './bench-app';
import { VirtualClock } from './virtual-clock';

const SWITCHES = 50;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchTraySwitch(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'datafast-bench-switch-'));
  const path = join(directory, 'config.json');
  let writes = 0;
  const countedConf = (folder: string): SettingsBackend => {
    const conf = new Conf<Record<string, unknown>>({ ...sharedStoreOptions(folder, false), configName: SETTINGS_STORE_NAME, projectName: 'datafast-menubar' });
    return {
      path: conf.path,
      get store() {
        return conf.store;
      },
      set store(value) {
        writes += 1;
        conf.store = value;
      },
    };
  };
  const readFileSync = fs.readFileSync;
  let reads = 0;
  try {
    const clock = new VirtualClock(Date.now());
    const websites = benchWebsites(2);
    const controller = await benchController({
      directory,
      clock,
      websites,
      token: benchToken,
      fetch: countReply(40),
      history: new History(),
      historyFile: null,
      createBackend: countedConf,
    });
    await controller.start();
    await clock.runUntil(clock.now() + 1_000);
    fs.readFileSync = ((...args: Parameters<typeof readFileSync>) => {
      if (String(args[0]) === path) reads += 1;
      return readFileSync(...args);
    }) as typeof readFileSync;
    reads = 0;
    writes = 0;
    const toTray: number[] = [];
    const toDisk: number[] = [];
    for (let i = 0; i < SWITCHES; i++) {
      const target = websites[(i + 1) % websites.length];
      if (!target) break;
      const started = performance.now();
      const switched = controller.commands.switchWebsite(target.id);
      const shown = controller
        .trayModel({ highlight: null, updates: null })
        .items.some((item) => item.type === 'radio' && item.checked && item.label.startsWith(target.label));
      toTray.push(shown ? performance.now() - started : Number.NaN);
      await switched;
      toDisk.push(performance.now() - started);
    }
    fs.readFileSync = readFileSync;
    controller.shutdown();
    console.log(
      `tray switch, ${SWITCHES} switches between 2 websites over conf: ${(reads / SWITCHES).toFixed(1)} file reads and ${(writes / SWITCHES).toFixed(1)} writes per switch (7 reads and 1 write before the app kept its state in memory); the tray model shows the new website ${(median(toTray) * 1000).toFixed(0)} µs after the command, before the write, which is done ${median(toDisk).toFixed(1)} ms after it (medians)`,
    );
  } finally {
    fs.readFileSync = readFileSync;
    rmSync(directory, { recursive: true, force: true });
  }
}
