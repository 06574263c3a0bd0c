import { randomUUID, createHash } from 'node:crypto';
import type { Clock } from '../time/clock';
import { DataFastError } from '../datafast/errors';
import { normaliseToken } from '../datafast/token';
import type { TokenInspection } from './account-results';

/** A checked token waits this long for the user to pick its websites, then is forgotten. */
export const PENDING_TOKEN_LIFETIME_MS = 10 * 60_000;

/** The request budget's key for a token: a fingerprint, never the token itself. */
export function tokenBudgetKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export interface TokenChecksOptions {
  readonly clock: Clock;
  /** Spends one request of the token's budget now and returns 0, or returns how long until one is free. */
  readonly reserve: (budgetKey: string) => number;
  readonly inspect: (token: string) => Promise<TokenInspection>;
}

export interface CheckedToken {
  readonly pendingId: string;
  readonly inspection: TokenInspection;
}

/**
 * Tokens pasted in the window: checked against DataFast one at a time and inside the token's
 * request budget (the window cannot make the app flood DataFast), then held in main under a
 * one-time id until the user saves or a timer forgets them.
 */
export class TokenChecks {
  readonly #options: TokenChecksOptions;
  readonly #pending = new Map<string, { token: string; timer: unknown }>();
  #inFlight = false;

  constructor(options: TokenChecksOptions) {
    this.#options = options;
  }

  async check(rawToken: string): Promise<CheckedToken> {
    if (this.#inFlight) throw new DataFastError({ kind: 'bad-request', message: 'A token is being checked already; wait for its answer.' });
    const token = normaliseToken(rawToken);
    const waitMs = this.#options.reserve(tokenBudgetKey(token));
    if (waitMs > 0) {
      throw new DataFastError({
        kind: 'rate-limited',
        message: `This token was checked too often in the last minute; try again in ${Math.ceil(waitMs / 1000)} s.`,
      });
    }
    this.#inFlight = true;
    try {
      const inspection = await this.#options.inspect(token);
      const pendingId = randomUUID();
      const timer = this.#options.clock.setTimeout(() => this.#pending.delete(pendingId), PENDING_TOKEN_LIFETIME_MS);
      this.#pending.set(pendingId, { token, timer });
      return { pendingId, inspection };
    } finally {
      this.#inFlight = false;
    }
  }

  /** The token behind a check, once: it is forgotten here either way. */
  take(pendingId: string): string {
    const pending = this.#pending.get(pendingId);
    if (!pending) throw new DataFastError({ kind: 'bad-request', message: 'That token check has expired; paste the token again.' });
    this.#forget(pendingId);
    return pending.token;
  }

  /** How many checked tokens are held, waiting to be saved. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  clear(): void {
    for (const id of [...this.#pending.keys()]) this.#forget(id);
  }

  #forget(pendingId: string): void {
    const pending = this.#pending.get(pendingId);
    if (pending) this.#options.clock.clearTimeout(pending.timer);
    this.#pending.delete(pendingId);
  }
}
