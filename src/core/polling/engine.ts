import type { WebsiteKey } from '../../shared/settings-shapes';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/clock';
import { History } from '../readings/history';
import { Scheduler } from './scheduler';
import { RequestBudget } from './request-budget';
import { DEFAULT_BUDGET_PER_MINUTE, DEFAULT_INTERVAL_MS } from './intervals';
import type { PollOutcome, PollState, PollTarget } from './poll-entry';
import { DEFAULT_SPIKE_SETTINGS, SpikeDetector, type SpikeEvent, type SpikeSettings } from '../readings/spike-detector';

export interface EngineWebsite extends PollTarget {
  /** The user's absolute spike threshold for this website, if any. */
  readonly threshold: number | null;
}

/** Everything that decides what is read and how often: the app and the runner each turn their settings into one. */
export interface DesiredPolling {
  readonly websites: readonly EngineWebsite[];
  readonly intervalMs: number;
  /** The website on screen, read at the full rate; chosen by the caller, never by the engine. */
  readonly activeKey: WebsiteKey | null;
  /** "Sum of all websites": every website is on screen. */
  readonly everyWebsiteActive: boolean;
  readonly spikeSettings: SpikeSettings;
}

/** What polls these websites with nothing else chosen: the default rate, the first website on screen, default spike levels. */
export function pollingOf(websites: readonly EngineWebsite[], chosen: Partial<Omit<DesiredPolling, 'websites'>> = {}): DesiredPolling {
  return {
    websites,
    intervalMs: DEFAULT_INTERVAL_MS,
    activeKey: websites[0]?.websiteKey ?? null,
    everyWebsiteActive: false,
    spikeSettings: DEFAULT_SPIKE_SETTINGS,
    ...chosen,
  };
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
 * The whole engine: scheduler → history → spike detector, told what to poll by `apply`. The app
 * and the headless runner each own one and render its state their own way; its scheduler, spike
 * detector and request budget are its own.
 */
export class Engine {
  readonly history: History;
  readonly #scheduler: Scheduler;
  readonly #detector: SpikeDetector;
  /** Requests per token per minute, for the scheduler's reads and any made beside them. */
  readonly #budget: RequestBudget;
  readonly #clock: Clock;
  readonly #thresholds = new Map<WebsiteKey, number | null>();
  readonly #onUpdate: (outcome: PollOutcome) => void;
  readonly #onSpike: (event: SpikeEvent) => void;

  constructor(options: EngineOptions = {}) {
    this.history = options.history ?? new History();
    this.#clock = options.clock ?? systemClock;
    this.#detector = new SpikeDetector(this.history, options.spikeSettings ?? DEFAULT_SPIKE_SETTINGS);
    this.#onUpdate = options.onUpdate ?? (() => undefined);
    this.#onSpike = options.onSpike ?? (() => undefined);
    this.#budget = new RequestBudget(options.budgetPerMinute ?? DEFAULT_BUDGET_PER_MINUTE);
    this.#scheduler = new Scheduler({
      clock: this.#clock,
      ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
      budget: this.#budget,
      onPoll: (outcome) => this.#record(outcome),
    });
  }

  /**
   * Makes polling what `desired` says, the one way settings become polling: the websites read
   * (unchanged ones keep their state and timers), the rate, the website on screen, sum mode and
   * the spike levels.
   */
  apply(desired: DesiredPolling): void {
    const wanted = new Set(desired.websites.map((website) => website.websiteKey));
    for (const websiteKey of this.#scheduler.websiteKeys()) {
      if (!wanted.has(websiteKey)) {
        this.#scheduler.removeTarget(websiteKey);
        this.#detector.forget(websiteKey);
        this.#thresholds.delete(websiteKey);
      }
    }
    for (const website of desired.websites) {
      this.#thresholds.set(website.websiteKey, website.threshold);
      this.#scheduler.setTarget(website);
    }
    this.#scheduler.setIntervalMs(desired.intervalMs);
    this.#scheduler.setEveryWebsiteActive(desired.everyWebsiteActive);
    this.#detector.updateSettings(desired.spikeSettings);
    if (desired.activeKey !== null) this.#scheduler.setActive(desired.activeKey);
  }

  start(): void {
    this.#detector.markDiscontinuity();
    this.#scheduler.start();
  }

  stop(): void {
    this.#scheduler.stop();
  }

  pause(): void {
    this.#scheduler.pause();
  }

  resume(): void {
    if (!this.#scheduler.paused) return;
    this.#detector.markDiscontinuity();
    this.#scheduler.resume();
  }

  get paused(): boolean {
    return this.#scheduler.paused;
  }

  get activeKey(): WebsiteKey | null {
    return this.#scheduler.activeKey;
  }

  get intervalMs(): number {
    return this.#scheduler.intervalMs;
  }

  states(): PollState[] {
    return this.#scheduler.states();
  }

  state(websiteKey: WebsiteKey): PollState | null {
    return this.#scheduler.state(websiteKey);
  }

  /** Reads a website now, or joins the read already in flight. */
  refreshNow(websiteKey: WebsiteKey): Promise<void> {
    return this.#scheduler.refreshNow(websiteKey);
  }

  /** Spends one request of a token's budget outside polling (a token check): 0 when it was free now, else how long until one is. */
  reserve(budgetKey: string): number {
    return this.#scheduler.reserve(budgetKey);
  }

  /** Spends `count` requests beside polling (today's hourly reads) if the token has one free now; false leaves the budget as it was. */
  spendBeside(budgetKey: string, count: number): boolean {
    const now = this.#clock.now();
    if (this.#budget.earliest(budgetKey, now) > now) return false;
    for (let i = 0; i < count; i++) this.#budget.record(budgetKey, now);
    return true;
  }

  #record(outcome: PollOutcome): void {
    if (outcome.ok) {
      this.history.add(outcome.websiteKey, outcome.at, outcome.visitors);
    }
    const spike = this.#detector.observe({
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
