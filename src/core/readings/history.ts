import type { WebsiteKey } from '../../shared/settings-shapes';

export const SAMPLE_SPACING_MS = 60_000;
/** A day at one sample a minute, plus an hour so the spike baseline window is never cut short. */
export const HISTORY_CAPACITY = 25 * 60;
export const HISTORY_RETENTION_MS = HISTORY_CAPACITY * SAMPLE_SPACING_MS;

export interface Sample {
  readonly at: number;
  readonly visitors: number;
}

/** A fixed-size ring of (time, visitors) pairs: constant memory however long the app runs. */
class SampleRing {
  readonly #at = new Float64Array(HISTORY_CAPACITY);
  readonly #visitors = new Float64Array(HISTORY_CAPACITY);
  #start = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  lastAt(): number | null {
    return this.#length === 0 ? null : (this.#at[this.#index(this.#length - 1)] ?? null);
  }

  push(at: number, visitors: number): void {
    const last = this.lastAt();
    if (last !== null && Math.floor(last / SAMPLE_SPACING_MS) === Math.floor(at / SAMPLE_SPACING_MS)) {
      // One sample per minute: a later reading in the same minute replaces the earlier one.
      const index = this.#index(this.#length - 1);
      this.#at[index] = at;
      this.#visitors[index] = visitors;
      return;
    }
    if (last !== null && at < last) return;
    if (this.#length === HISTORY_CAPACITY) {
      this.#start = (this.#start + 1) % HISTORY_CAPACITY;
      this.#length -= 1;
    }
    const index = this.#index(this.#length);
    this.#at[index] = at;
    this.#visitors[index] = visitors;
    this.#length += 1;
  }

  /** Samples with `from <= at < to`, oldest first. */
  between(from: number, to: number): Sample[] {
    const result: Sample[] = [];
    for (let i = 0; i < this.#length; i++) {
      const index = this.#index(i);
      const at = this.#at[index] ?? 0;
      if (at >= from && at < to) result.push({ at, visitors: this.#visitors[index] ?? 0 });
    }
    return result;
  }

  #index(offset: number): number {
    return (this.#start + offset) % HISTORY_CAPACITY;
  }
}

/** Recent visitor counts per website: the sparkline, the charts and the spike baseline read it. */
export class History {
  readonly #rings = new Map<WebsiteKey, SampleRing>();

  add(websiteKey: WebsiteKey, at: number, visitors: number): void {
    let ring = this.#rings.get(websiteKey);
    if (!ring) {
      ring = new SampleRing();
      this.#rings.set(websiteKey, ring);
    }
    ring.push(at, visitors);
  }

  /** Samples in `[from, to)`, oldest first. */
  between(websiteKey: WebsiteKey, from: number, to: number): Sample[] {
    return this.#rings.get(websiteKey)?.between(from, to) ?? [];
  }

  remove(websiteKey: WebsiteKey): void {
    this.#rings.delete(websiteKey);
  }

  websiteKeys(): WebsiteKey[] {
    return [...this.#rings.keys()];
  }

  size(websiteKey: WebsiteKey): number {
    return this.#rings.get(websiteKey)?.length ?? 0;
  }
}
