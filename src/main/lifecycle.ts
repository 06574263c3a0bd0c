import type { PowerMonitor } from 'electron';
import type { Timers } from '../core/time/clock';
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

export interface OnlineGateOptions {
  readonly isOnline: () => boolean;
  readonly pauses: PauseControl;
  readonly timers: Timers;
  /** How often connectivity is checked while offline. */
  readonly everyMs?: number;
}

/**
 * Electron's main process has no online/offline event, and checking on a clock would wake the app
 * all day. So connectivity is checked at start and after a read fails for want of a network:
 * offline holds polling, and only then is `net.isOnline()` checked every few seconds until the
 * network is back, which releases it. Online, nothing ticks.
 */
export class OnlineGate {
  readonly #options: OnlineGateOptions;
  #offlineCheck: unknown = null;

  constructor(options: OnlineGateOptions) {
    this.#options = options;
    this.networkFailed();
  }

  /** A read could not reach DataFast: offline, or only DataFast? */
  networkFailed(): void {
    if (this.#offlineCheck !== null || this.#options.isOnline()) return;
    this.#options.pauses.hold('offline');
    this.#checkLater();
  }

  stop(): void {
    if (this.#offlineCheck !== null) this.#options.timers.clearTimeout(this.#offlineCheck);
    this.#offlineCheck = null;
  }

  #checkLater(): void {
    this.#offlineCheck = this.#options.timers.setTimeout(() => {
      if (!this.#options.isOnline()) return this.#checkLater();
      this.#offlineCheck = null;
      this.#options.pauses.release('offline');
    }, this.#options.everyMs ?? 5_000);
  }
}
