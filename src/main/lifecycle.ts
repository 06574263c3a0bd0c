import type { PowerMonitor } from 'electron';
import { repeatEvery, type Timers } from '../core/clock';

export interface Pausable {
  pause(): void;
  resume(): void;
}

export type PowerEvents = Pick<PowerMonitor, 'on'>;

/**
 * Timers do not catch up after sleep, so polling pauses on suspend (and screen lock on macOS and
 * Windows, which precedes sleep there) and resumes with one fresh read on wake or unlock.
 */
export function followPower(power: PowerEvents, engine: Pausable, platform: NodeJS.Platform): void {
  power.on('suspend', () => engine.pause());
  power.on('resume', () => engine.resume());
  if (platform === 'darwin' || platform === 'win32') power.on('unlock-screen', () => engine.resume());
}

export interface OnlineWatchOptions {
  readonly isOnline: () => boolean;
  readonly engine: Pausable;
  readonly timers: Timers;
  readonly everyMs?: number;
}

/**
 * Electron's main process has no online/offline event; `net.isOnline()` is cheap and local, so it
 * is checked on a timeout chain. Offline pauses polling; back online resumes with one read.
 */
export function watchOnline(options: OnlineWatchOptions): () => void {
  let online = options.isOnline();
  if (!online) options.engine.pause();
  return repeatEvery(options.timers, options.everyMs ?? 5_000, () => {
    const now = options.isOnline();
    if (now === online) return;
    online = now;
    if (now) options.engine.resume();
    else options.engine.pause();
  });
}
