/**
 * A separate writer process for the crash-safety tests, running the app's own storage code:
 *
 * - `node file-writer.js settings DIR ID COUNT [app|runner]`: increments website ID's alert level
 *   COUNT times, each a read-modify-write through the repository (and lock), over the app's
 *   backend (conf, as electron-store runs it) or the runner's own settings file backend;
 * - `node file-writer.js history DIR`: appends a reading for each of 50 websites, round after
 *   round (the count is the round), until it is killed;
 * - `node file-writer.js sales-seen DIR`: saves the seen sales of one website again and again,
 *   one more id each time (`pay_1` … `pay_N` on the Nth save), until it is killed.
 */
import { websiteKey } from '../../src/shared/settings-shapes';
import { HistoryFile } from '../../src/core/storage/history-file';
import { historyLine } from '../../src/core/storage/history-log';
import { createConfBackend } from './conf-backend';
import { createSettingsFileBackend } from '../../src/core/storage/settings-file';
import { SalesSeenFile } from '../../src/core/storage/sales-seen-file';
import { SettingsRepository } from '../../src/core/storage/settings-repository';

async function settings(directory: string, id: string, count: number, backend: string): Promise<void> {
  const repository = SettingsRepository.open({ directory, createBackend: backend === 'runner' ? createSettingsFileBackend : (dir) => createConfBackend(dir) });
  for (let i = 0; i < count; i++) {
    await repository.update((current) => ({
      ...current,
      websites: current.websites.map((website) => (website.id === id ? { ...website, spikeThreshold: (website.spikeThreshold ?? 0) + 1 } : website)),
    }));
  }
}

function history(directory: string): void {
  const file = new HistoryFile(directory);
  const now = Date.now();
  file.load(now);
  const ids = Array.from({ length: 50 }, (_, i) => websiteKey(`w_${i}`));
  // Each round appends one reading per website, in one write, as the app's flush does.
  for (let round = 1; ; round++) {
    file.appendNow(ids.map((id) => historyLine(id, now - 60 * 60_000 + round * 60_000, round)).join(''));
    process.stdout.write(`appended ${round}\n`);
  }
}

function salesSeen(directory: string): void {
  const file = new SalesSeenFile(directory);
  file.load();
  const ids: string[] = [];
  for (let round = 1; ; round++) {
    ids.push(`pay_${round}`);
    file.save(new Map([[websiteKey('w_a'), { ids, checkedAt: round }]]));
  }
}

const [mode, directory = '', id = '', count = '0', backend = 'app'] = process.argv.slice(2);
if (mode === 'history') history(directory);
else if (mode === 'sales-seen') salesSeen(directory);
else void settings(directory, id, Number(count), backend);
