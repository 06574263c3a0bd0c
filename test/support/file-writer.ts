/**
 * A separate writer process for the crash-safety tests, running the app's own storage code:
 *
 * - `node file-writer.js settings DIR ID COUNT`: increments website ID's alert level COUNT times,
 *   each a read-modify-write through the repository (and lock) the runner and the app use;
 * - `node file-writer.js history DIR`: saves a day of history for 50 websites, again and again,
 *   with a different count each time, until it is killed.
 */
import { websiteKey } from '../../src/shared/settings-shapes';
import { History } from '../../src/core/readings/history';
import { HistoryFile } from '../../src/core/storage/history-file';
import { createConfBackend } from '../../src/core/storage/settings-conf';
import { SettingsRepository } from '../../src/core/storage/settings-repository';

async function settings(directory: string, id: string, count: number): Promise<void> {
  const repository = SettingsRepository.open({ directory, createBackend: (dir) => createConfBackend(dir) });
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
  const ids = Array.from({ length: 50 }, (_, i) => websiteKey(`w_${i}`));
  for (let round = 1; ; round++) {
    const day = new History();
    for (const id of ids) for (let minute = 0; minute < 24 * 60; minute++) day.add(id, now - (24 * 60 - minute) * 60_000, round);
    file.save(day, now, ids);
    process.stdout.write(`saved ${round}\n`);
  }
}

const [mode, directory = '', id = '', count = '0'] = process.argv.slice(2);
if (mode === 'history') history(directory);
else void settings(directory, id, Number(count));
