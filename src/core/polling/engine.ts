import type { WebsiteKey } from '../../shared/settings-shapes';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/clock';
import { History } from '../readings/history';
import { Scheduler } from './scheduler';
import { RequestBudget } from './request-budget';
import { DEFAULT_BUDGET_PER_MINUTE } from './intervals';
import type { PollOutcome, PollState, PollTarget } from './poll-entry';
import { DEFAULT_SPIKE_SETTINGS, SpikeDetector, type SpikeEvent, type SpikeSettings } from '../readings/spike-detector';

export interface EngineWebsite extends PollTarget {
  /** The user's absolute spike threshold for this website, if any. */
  readonly threshold: number | null;
}

export interface EngineOptions {
  readonly clock?: Clock;
  readonly intervalMs?: number;
  readonly budgetPerMinute?: number;
  readonly spikeSettings?: SpikeSettings;
  readonly history?: History;
  readonly onUpdate?: (outcome: PollOutcome) => void;
  readonly onSpike?: (event: SpikeEvent) => void;
}

/**
 * The whole engine: scheduler → history → spike detector. The app and the headless runner each
 * own one and render its state their own way.
 */
export class Engine {
  readonly scheduler: Scheduler;
  readonly history: History;
  readonly detector: SpikeDetector;
  /** Requests per token per minute, for the scheduler's reads and any made beside them. */
  readonly budget: RequestBudget;
  readonly #thresholds = new Map<WebsiteKey, number | null>();
  readonly #onUpdate: (outcome: PollOutcome) => void;
  readonly #onSpike: (event: SpikeEvent) => void;

  constructor(options: EngineOptions = {}) {
    this.history = options.history ?? new History();
    this.detector = new SpikeDetector(this.history, options.spikeSettings ?? DEFAULT_SPIKE_SETTINGS);
    this.#onUpdate = options.onUpdate ?? (() => undefined);
    this.#onSpike = options.onSpike ?? (() => undefined);
    this.budget = new RequestBudget(options.budgetPerMinute ?? DEFAULT_BUDGET_PER_MINUTE);
    this.scheduler = new Scheduler({
      clock: options.clock ?? systemClock,
      ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
      budget: this.budget,
      onPoll: (outcome) => this.#record(outcome),
    });
  }

  /** Makes the polled websites exactly these; unchanged targets keep their state and timers. */
  setWebsites(websites: readonly EngineWebsite[]): void {
    const wanted = new Set(websites.map((website) => website.websiteKey));
    for (const websiteKey of this.scheduler.websiteKeys()) {
      if (!wanted.has(websiteKey)) {
        this.scheduler.removeTarget(websiteKey);
        this.detector.forget(websiteKey);
        this.#thresholds.delete(websiteKey);
      }
    }
    for (const website of websites) {
      this.#thresholds.set(website.websiteKey, website.threshold);
      this.scheduler.setTarget(website);
    }
  }

  start(): void {
    this.detector.markDiscontinuity();
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler.stop();
  }

  pause(): void {
    this.scheduler.pause();
  }

  resume(): void {
    if (!this.scheduler.paused) return;
    this.detector.markDiscontinuity();
    this.scheduler.resume();
  }

  states(): PollState[] {
    return this.scheduler.states();
  }

  #record(outcome: PollOutcome): void {
    if (outcome.ok) {
      this.history.add(outcome.websiteKey, outcome.at, outcome.visitors);
    }
    const spike = this.detector.observe({
      websiteKey: outcome.websiteKey,
      visitors: outcome.ok ? outcome.visitors : 0,
      at: outcome.at,
      stale: !outcome.ok,
      threshold: this.#thresholds.get(outcome.websiteKey) ?? null,
    });
    this.#onUpdate(outcome);
    if (spike) this.#onSpike(spike);
  }
}
