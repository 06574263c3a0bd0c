/**
 * A separate writer process for the settings stress test: `node settings-writer.js DIR ID COUNT`
 * increments website ID's alert level COUNT times, each a read-modify-write through the same
 * repository (and lock) the runner and the app use.
 */
import { createConfBackend } from '../../src/core/settings-conf';
import { SettingsRepository } from '../../src/core/settings-repository';

async function main(): Promise<void> {
  const [directory = '', id = '', count = '0'] = process.argv.slice(2);
  const settings = SettingsRepository.open({ directory, createBackend: (dir) => createConfBackend(dir) });
  for (let i = 0; i < Number(count); i++) {
    await settings.update((current) => ({
      ...current,
      websites: current.websites.map((website) => (website.id === id ? { ...website, spikeThreshold: (website.spikeThreshold ?? 0) + 1 } : website)),
    }));
  }
}

void main();
