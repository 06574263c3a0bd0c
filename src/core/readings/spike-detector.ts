import type { WebsiteKey } from '../../shared/settings-shapes';
import { COOLDOWN_MINUTES, SPIKE_FACTOR, SPIKE_MINIMUM } from '../../shared/setting-limits';
import type { History } from './history';

export interface SpikeSettings {
  /** Visitors must reach `factor` × the usual level… */
  readonly factor: number;
  /** …and at least this many, so 1 → 3 visitors is not a spike. */
  readonly minimum: number;
  readonly cooldownMs: number;
}

export const DEFAULT_SPIKE_SETTINGS: SpikeSettings = {
  factor: SPIKE_FACTOR.default,
  minimum: SPIKE_MINIMUM.default,
  cooldownMs: COOLDOWN_MINUTES.default * 60_000,
};

export type SpikeReason = 'threshold' | 'above-usual';

export interface SpikeEvent {
  readonly websiteKey: WebsiteKey;
  readonly visitors: number;
  /** The usual level: the median of the last hour, not counting the last five minutes. */
  readonly baseline: number | null;
  readonly reason: SpikeReason;
  readonly at: number;
}

const BASELINE_WINDOW_MS = 60 * 60_000;
const BASELINE_EXCLUDE_RECENT_MS = 5 * 60_000;
/** Fewer samples than this make a median that is more noise than signal. */
const BASELINE_MIN_SAMPLES = 10;
const CONSECUTIVE_READINGS = 2;
const REARM_FRACTION = 0.8;

interface WebsiteTrack {
  primed: boolean;
  readingsAbove: number;
  /** While set, the website must fall below this before another spike can fire. */
  rearmBelow: number | null;
  lastFiredAt: number | null;
}

export interface Reading {
  readonly websiteKey: WebsiteKey;
  readonly visitors: number;
  readonly at: number;
  readonly stale: boolean;
  /** The website's own absolute threshold, if the user set one. */
  readonly threshold: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Decides when traffic is a spike worth a notification: two readings in a row above the trigger,
 * then quiet until traffic falls back below 80 % of it and the cooldown has passed.
 */
export class SpikeDetector {
  #settings: SpikeSettings;
  readonly #history: History;
  readonly #tracks = new Map<WebsiteKey, WebsiteTrack>();

  constructor(history: History, settings: SpikeSettings = DEFAULT_SPIKE_SETTINGS) {
    this.#history = history;
    this.#settings = settings;
  }

  updateSettings(settings: SpikeSettings): void {
    this.#settings = settings;
  }

  /** After start or wake the first reading only sets the scene; it never fires. */
  markDiscontinuity(): void {
    for (const track of this.#tracks.values()) {
      track.primed = false;
      track.readingsAbove = 0;
    }
  }

  forget(websiteKey: WebsiteKey): void {
    this.#tracks.delete(websiteKey);
  }

  baseline(websiteKey: WebsiteKey, at: number): number | null {
    const samples = this.#history.between(websiteKey, at - BASELINE_WINDOW_MS, at - BASELINE_EXCLUDE_RECENT_MS);
    if (samples.length < BASELINE_MIN_SAMPLES) return null;
    return median(samples.map((sample) => sample.visitors));
  }

  observe(reading: Reading): SpikeEvent | null {
    const track = this.#track(reading.websiteKey);
    if (reading.stale) {
      track.readingsAbove = 0;
      return null;
    }
    const baseline = this.baseline(reading.websiteKey, reading.at);
    const trigger = this.#trigger(reading, baseline);

    if (track.rearmBelow !== null && reading.visitors < track.rearmBelow) track.rearmBelow = null;
    if (!track.primed) {
      track.primed = true;
      track.readingsAbove = 0;
      return null;
    }
    track.readingsAbove = trigger ? track.readingsAbove + 1 : 0;
    if (!trigger || track.readingsAbove < CONSECUTIVE_READINGS || track.rearmBelow !== null) return null;
    if (track.lastFiredAt !== null && reading.at - track.lastFiredAt < this.#settings.cooldownMs) return null;

    track.readingsAbove = 0;
    track.rearmBelow = trigger.level * REARM_FRACTION;
    track.lastFiredAt = reading.at;
    return { websiteKey: reading.websiteKey, visitors: reading.visitors, baseline, reason: trigger.reason, at: reading.at };
  }

  #trigger(reading: Reading, baseline: number | null): { level: number; reason: SpikeReason } | null {
    if (reading.threshold !== null && reading.visitors >= reading.threshold) {
      return { level: reading.threshold, reason: 'threshold' };
    }
    if (baseline === null) return null;
    const level = Math.max(this.#settings.minimum, this.#settings.factor * baseline);
    return reading.visitors >= level ? { level, reason: 'above-usual' } : null;
  }

  #track(websiteKey: WebsiteKey): WebsiteTrack {
    let track = this.#tracks.get(websiteKey);
    if (!track) {
      track = { primed: false, readingsAbove: 0, rearmBelow: null, lastFiredAt: null };
      this.#tracks.set(websiteKey, track);
    }
    return track;
  }
}
