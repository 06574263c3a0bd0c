import type { WebsiteKey } from '../../shared/settings-shapes';
import { isSale, type Sale } from './sales';

/** Ids kept per website: DataFast lists a payment for about 10 minutes, so this is hours of sales. */
export const SEEN_PER_WEBSITE = 500;
/** A record older than the time DataFast lists a payment cannot tell new payments from old ones. */
export const PAYMENT_WINDOW_MS = 10 * 60_000;

export interface SeenRecord {
  readonly ids: readonly string[];
  /** When the payments were last looked at. */
  readonly checkedAt: number;
}

/** Where the seen payment ids are kept between runs (ids only). */
export interface SeenStore {
  load(): Map<WebsiteKey, SeenRecord>;
  save(records: ReadonlyMap<WebsiteKey, SeenRecord>): void;
}

/**
 * Which payments each website has already shown, so each sale is announced once. A look is
 * silent (remembers, announces nothing) when there is no recent record to compare with: the first
 * look at a website, after a wake, after the record went stale.
 */
export class SaleTracker {
  readonly #records = new Map<WebsiteKey, { ids: string[]; set: Set<string>; checkedAt: number }>();
  readonly #quiet = new Set<WebsiteKey>();
  #unsaved = false;

  constructor(saved: ReadonlyMap<WebsiteKey, SeenRecord> = new Map()) {
    for (const [key, record] of saved) {
      const ids = record.ids.slice(-SEEN_PER_WEBSITE);
      this.#records.set(key, { ids, set: new Set(ids), checkedAt: record.checkedAt });
    }
  }

  /** The next look at every website remembers what it finds without announcing it (after a wake). */
  quietNextLook(): void {
    for (const key of this.#records.keys()) this.#quiet.add(key);
  }

  forget(key: WebsiteKey): void {
    if (this.#records.delete(key)) this.#unsaved = true;
    this.#quiet.delete(key);
  }

  /** The sales among `payments` not seen before; every payment is remembered, sale or refund. */
  observe(key: WebsiteKey, payments: readonly Sale[], now: number): Sale[] {
    const record = this.#records.get(key);
    const silent = !record || this.#quiet.has(key) || now - record.checkedAt > PAYMENT_WINDOW_MS;
    this.#quiet.delete(key);
    const current = record ?? { ids: [], set: new Set<string>(), checkedAt: now };
    const fresh: Sale[] = [];
    for (const payment of payments) {
      if (current.set.has(payment.id)) continue;
      current.set.add(payment.id);
      current.ids.push(payment.id);
      this.#unsaved = true;
      if (!silent && isSale(payment)) fresh.push(payment);
    }
    while (current.ids.length > SEEN_PER_WEBSITE) current.set.delete(current.ids.shift() ?? '');
    current.checkedAt = now;
    this.#records.set(key, current);
    return fresh;
  }

  /** Whether ids were added or forgotten since the last call: what is worth writing now. */
  takeUnsaved(): boolean {
    const unsaved = this.#unsaved;
    this.#unsaved = false;
    return unsaved;
  }

  /** What to save: ids only, never names or amounts. */
  records(): Map<WebsiteKey, SeenRecord> {
    return new Map([...this.#records].map(([key, record]) => [key, { ids: [...record.ids], checkedAt: record.checkedAt }]));
  }
}
