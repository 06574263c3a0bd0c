import type { PowerMonitor } from 'electron';
import { repeatEvery, type Timers } from '../core/polling/clock';
import type { PauseReason } from '../core/polling/pause-reasons';

export interface PauseControl {
  hold(reason: PauseReason): void;
  release(reason: PauseReason): void;
}

export type PowerEvents = Pick<PowerMonitor, 'on'>;

/**
 * Timers do not catch up after sleep, so polling pauses on suspend and resumes with one fresh
 * read on wake. On macOS and Windows (the platforms where Electron reports the screen lock) it
 * also pauses while the screen is locked: nobody can see the count then, on any display, and the
 * requests would only spend the token's budget. Each is its own reason, so waking with the screen
 * still locked, or unlocking while offline, does not start reading.
 */
export function followPower(power: PowerEvents, pauses: PauseControl, platform: NodeJS.Platform): void {
  power.on('suspend', () => pauses.hold('suspend'));
  power.on('resume', () => pauses.release('suspend'));
  if (platform === 'darwin' || platform === 'win32') {
    power.on('lock-screen', () => pauses.hold('lock'));
    power.on('unlock-screen', () => pauses.release('lock'));
  }
}

/**
 * A keychain locked while the app started (or since) is often unlocked with the screen, or at
 * wake: then is the moment to read the tokens again.
 */
export function retryKeychainOnUnlock(power: PowerEvents, retry: () => void): void {
  power.on('unlock-screen', () => retry());
  power.on('resume', () => retry());
}

export interface OnlineWatchOptions {
  readonly isOnline: () => boolean;
  readonly pauses: PauseControl;
  readonly timers: Timers;
  readonly everyMs?: number;
}

/**
 * Electron's main process has no online/offline event; `net.isOnline()` is cheap and local, so it
 * is checked on a timeout chain. Offline holds polling; back online releases it.
 */
export function watchOnline(options: OnlineWatchOptions): () => void {
  const apply = (online: boolean): void => (online ? options.pauses.release('offline') : options.pauses.hold('offline'));
  let online = options.isOnline();
  apply(online);
  return repeatEvery(options.timers, options.everyMs ?? 5_000, () => {
    const now = options.isOnline();
    if (now === online) return;
    online = now;
    apply(now);
  });
}
