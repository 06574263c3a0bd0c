import { websiteKeySchema, type WebsiteKey } from '../../shared/settings-shapes';
import { z } from 'zod';
import { visitorCountSchema } from '../datafast/api-schemas';

export const SAMPLE_SPACING_MS = 60_000;
/** A day at one sample a minute, plus an hour so the spike baseline window is never cut short. */
export const HISTORY_CAPACITY = 25 * 60;
export const HISTORY_RETENTION_MS = HISTORY_CAPACITY * SAMPLE_SPACING_MS;

export interface Sample {
  readonly at: number;
  readonly visitors: number;
}

/** One saved sample: epoch milliseconds and a count no reply could have given beyond `MAX_VISITORS`. */
const sampleSchema = z.tuple([z.number().int().nonnegative(), visitorCountSchema]);

/** The file's envelope; its samples are checked one by one. */
const storedHistorySchema = z.object({
  version: z.literal(1),
  websites: z.record(z.string(), z.array(z.unknown())),
});

export interface SerializedHistory {
  readonly version: 1;
  readonly websites: Record<string, Array<[number, number]>>;
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

  /** Only the last day is kept; older samples are not worth the bytes on disk. */
  toJSON(now: number): SerializedHistory {
    const websites: Record<string, Array<[number, number]>> = {};
    for (const [websiteKey, ring] of this.#rings) {
      websites[websiteKey] = ring.between(now - HISTORY_RETENTION_MS, Number.POSITIVE_INFINITY).map((s) => [s.at, s.visitors]);
    }
    return { version: 1, websites };
  }

  /**
   * History from its saved form. A file of another shape throws; inside a good file, a sample that
   * is not a (time, count) pair of sane numbers is dropped on its own, so one bad value never
   * costs the day around it. `onDropped` hears how many were dropped, once.
   */
  static fromJSON(data: unknown, now: number, onDropped: (count: number) => void = () => undefined): History {
    const parsed = storedHistorySchema.parse(data);
    const history = new History();
    let dropped = 0;
    for (const [key, samples] of Object.entries(parsed.websites)) {
      const websiteKey = websiteKeySchema.safeParse(key);
      if (!websiteKey.success) {
        dropped += samples.length;
        continue;
      }
      for (const entry of samples) {
        const sample = sampleSchema.safeParse(entry);
        if (!sample.success) {
          dropped += 1;
          continue;
        }
        const [at, visitors] = sample.data;
        if (at >= now - HISTORY_RETENTION_MS && at <= now) history.add(websiteKey.data, at, visitors);
      }
    }
    if (dropped > 0) onDropped(dropped);
    return history;
  }
}
