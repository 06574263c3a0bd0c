export interface Pausable {
  pause(): void;
  resume(): void;
}

/** Why polling waits: the computer sleeps, its screen is locked, or it is offline. */
export type PauseReason = 'suspend' | 'lock' | 'offline';

/**
 * Polling pauses while any reason holds and resumes (with one fresh read) only when none does.
 * Events arrive in any order: unlocking the screen while still offline, or waking from sleep with
 * the screen still locked, must not start reading.
 */
export class PauseReasons {
  readonly #target: Pausable;
  readonly #held = new Set<PauseReason>();

  constructor(target: Pausable) {
    this.#target = target;
  }

  hold(reason: PauseReason): void {
    if (this.#held.has(reason)) return;
    this.#held.add(reason);
    if (this.#held.size === 1) this.#target.pause();
  }

  release(reason: PauseReason): void {
    if (!this.#held.delete(reason)) return;
    if (this.#held.size === 0) this.#target.resume();
  }

  /** The reasons in force, for saying why the count is paused. */
  get held(): ReadonlySet<PauseReason> {
    return this.#held;
  }
}
