import type { WebsiteKey } from '../../shared/settings-shapes';
import type { Clock } from '../time/clock';
import type { EngineWebsite } from '../polling/engine';
import type { ReadableWebsite } from '../accounts/website-readers';
import { liveRead } from '../live/live-reader';
import type { LiveSummary } from '../live/live-summary';
import { SaleTracker, type SeenRecord, type SeenStore } from '../live/sale-tracker';
import type { Sale } from '../live/sales';
import type { TodayComparison } from '../live/today';
import { createTodayReader } from '../live/today-reader';
import type { LiveSource } from '../live/live-source';
import type { Settings, WebsiteSettings } from '../storage/settings-schema';
import { errorMessage } from '../datafast/errors';
import { liveLines, type LiveLines } from '../live/live-lines';
import type { AppStateView } from '../../shared/view-model';
import { saleNotice } from '../live/sale-text';
import { todayLine } from '../live/today';
import { websiteName } from './spike-notifier';
import type { TrayModelInputs } from './tray-model';

/** The active website's map: once a minute. */
export const ACTIVE_MAP_EVERY_MS = 60_000;
/** Other websites' maps, for their sales only: every 5 minutes. */
export const BACKGROUND_MAP_EVERY_MS = 5 * 60_000;
/** How long the tray shows that a sale came in, unless the menu is opened first. */
export const SALE_MARK_MS = 10 * 60_000;

export interface LiveFeedOptions {
  readonly clock: Clock;
  readonly settings: () => Settings;
  /** The website the tray shows; its map is read every minute and its day every 5 minutes. */
  readonly activeKey: () => WebsiteKey | null;
  /** Spends from the engine's per-token budget, as the counts do: false when the token has no request free now. */
  readonly spendBeside: (budgetKey: string, count: number) => boolean;
  readonly seen: SeenStore | null;
  readonly onSales: (website: WebsiteSettings, sales: readonly Sale[]) => void;
  readonly onNotice: (message: string) => void;
  readonly onChange: () => void;
}

/** Which websites the tray and the window show now. */
type ShownWebsites = { readonly activeKey: WebsiteKey | null; readonly sumSelected: boolean };

interface Prepared {
  readonly revision: string;
  readonly read: (signal: AbortSignal) => Promise<number>;
}

/**
 * What DataFast says beyond the count, for the tray and the window: each website's live summary,
 * the active website's day against yesterday, and sales told once. The map is read in place of a
 * count read (no extra request); today's two series are the only requests added.
 */
export class LiveFeed {
  readonly #options: LiveFeedOptions;
  readonly #tracker: SaleTracker;
  readonly #prepared = new Map<WebsiteKey, Prepared>();
  readonly #summaries = new Map<WebsiteKey, LiveSummary>();
  readonly #days = new Map<WebsiteKey, TodayComparison>();
  #saleMarkUntil = 0;
  #lastSale: { readonly websiteKey: WebsiteKey; readonly sales: readonly Sale[] } | null = null;

  constructor(options: LiveFeedOptions) {
    this.#options = options;
    let saved = new Map<WebsiteKey, SeenRecord>();
    try {
      saved = options.seen?.load() ?? saved;
    } catch (error) {
      // Without the record the first look is silent: no sale is lost to the count, none told twice.
      options.onNotice(`The list of sales already shown could not be read (${errorMessage(error)}); new sales are told from the next one on.`);
    }
    this.#tracker = new SaleTracker(saved);
  }

  /** The engine's websites, each read through the map when its map is due. Unchanged websites keep their reads. */
  prepare(websites: readonly ReadableWebsite[]): EngineWebsite[] {
    const wanted = new Set(websites.map((website) => website.websiteKey));
    for (const key of [...this.#prepared.keys()]) {
      if (wanted.has(key)) continue;
      this.#prepared.delete(key);
      this.#summaries.delete(key);
      this.#days.delete(key);
      this.#tracker.forget(key);
    }
    // Records of websites removed while the app was not running go too.
    for (const key of this.#tracker.records().keys()) if (!wanted.has(key)) this.#tracker.forget(key);
    if (this.#tracker.takeUnsaved()) this.#save();
    return websites.map((website) => {
      const source = website.live;
      if (!source) return website;
      const known = this.#prepared.get(website.websiteKey);
      if (known?.revision === website.revision) return { ...website, read: known.read };
      const read = this.#read(website, source);
      this.#prepared.set(website.websiteKey, { revision: website.revision, read });
      return { ...website, read };
    });
  }

  summary(key: WebsiteKey): LiveSummary | null {
    return this.#summaries.get(key) ?? null;
  }

  today(key: WebsiteKey): TodayComparison | null {
    return this.#days.get(key) ?? null;
  }

  /** The last sales told, while the tray still marks them. */
  recentSale(now: number): { readonly websiteKey: WebsiteKey; readonly sales: readonly Sale[] } | null {
    return now < this.#saleMarkUntil ? this.#lastSale : null;
  }

  /** When the sale mark goes by itself, for the shell's one wake-up timer. */
  saleMarkEndsAt(now: number): number | null {
    return now < this.#saleMarkUntil ? this.#saleMarkUntil : null;
  }

  /** The person opened the menu and saw it. */
  clearSaleMark(): void {
    if (this.#saleMarkUntil === 0) return;
    this.#saleMarkUntil = 0;
    this.#options.onChange();
  }

  /** Writes when each website was last looked at, so a quick restart can still tell new sales (at quit, before sleep). */
  flush(): void {
    this.#tracker.takeUnsaved();
    this.#save();
  }

  #save(): void {
    try {
      this.#options.seen?.save(this.#tracker.records());
    } catch (error) {
      this.#options.onNotice(
        `The list of sales already shown could not be saved (${errorMessage(error)}); after a restart, sales are told from the next new one.`,
      );
    }
  }

  /** After a wake, the payments listed are from while the computer slept: remembered, not told. */
  quietNextLook(): void {
    this.#tracker.quietNextLook();
  }

  #read(website: ReadableWebsite, source: LiveSource): (signal: AbortSignal) => Promise<number> {
    const key = website.websiteKey;
    const { clock } = this.#options;
    const countRead = liveRead({
      readCount: (signal) => website.read(signal),
      readMap: (signal) => source.readMap(signal),
      now: () => clock.now(),
      mapEveryMs: () => this.#mapEveryMs(key),
      onMap: (map, at) => this.#onMap(key, map.summary, map.sales, at),
      onMapRefused: (reason) => this.#options.onNotice(`${this.#name(key)}: ${reason}`),
    });
    const today = createTodayReader({
      readHours: (range, signal) => source.readHours(range, signal),
      timeZone: (signal) => source.timeZone(signal),
      now: () => clock.now(),
    });
    return async (signal) => {
      const visitors = await countRead(signal);
      const now = clock.now();
      // Today's two hourly series, only while the token has a request free now.
      if (this.#todayWanted(key) && today.due(now) && this.#options.spendBeside(website.budgetKey, 2)) {
        // Today's numbers stand beside the count: failing to read them never fails the reading.
        void today.read(signal).then(
          (comparison) => {
            this.#days.set(key, comparison);
            this.#options.onChange();
          },
          () => undefined,
        );
      }
      return visitors;
    };
  }

  /**
   * The tray's share: the active website's "Live now", today against yesterday (every website's,
   * added up, in sum mode) and the sale being marked.
   */
  trayInputs(view: ShownWebsites, locale: string | undefined, now: number): Pick<TrayModelInputs, 'live' | 'today' | 'sale'> {
    const settings = this.#options.settings();
    const { live, days } = this.#shown(view, locale);
    const recent = this.recentSale(now);
    const website = recent ? this.#website(recent.websiteKey) : undefined;
    return {
      live,
      today: days.length > 0 ? todayLine(days, locale) : null,
      sale:
        recent && website
          ? {
              websiteKey: recent.websiteKey,
              text: saleNotice(websiteName(website), recent.sales, { locale, showNames: settings.notifications.customerNames }).title,
              until: this.#saleMarkUntil,
            }
          : null,
    };
  }

  /** The window's share: the same "Live now", and today's hours over yesterday's for its bars. */
  windowView(view: ShownWebsites, locale: string | undefined): Pick<AppStateView, 'live' | 'today'> {
    const { live, days } = this.#shown(view, locale);
    const hours = (pick: (comparison: TodayComparison) => readonly number[]): number[] => {
      const sum: number[] = [];
      for (const day of days) pick(day).forEach((visitors, hour) => (sum[hour] = (sum[hour] ?? 0) + visitors));
      return Array.from({ length: sum.length }, (_, hour) => sum[hour] ?? 0);
    };
    const today =
      days.length > 0 ? { line: todayLine(days, locale), today: hours((day) => day.today.hourly), yesterday: hours((day) => day.yesterday.hourly) } : null;
    return { live, today };
  }

  /** The active website's live lines (none in sum mode), and the days of every website shown. */
  #shown(view: ShownWebsites, locale: string | undefined): { live: LiveLines | null; days: TodayComparison[] } {
    const summary = view.activeKey !== null && !view.sumSelected ? this.summary(view.activeKey) : null;
    const keys = view.sumSelected ? this.#options.settings().websites.map((website) => website.id) : view.activeKey !== null ? [view.activeKey] : [];
    return { live: summary ? liveLines(summary, locale) : null, days: keys.flatMap((key) => this.#days.get(key) ?? []) };
  }

  #todayWanted(key: WebsiteKey): boolean {
    return this.#options.activeKey() === key || this.#options.settings().displayMode === 'sum';
  }

  #mapEveryMs(key: WebsiteKey): number {
    if (this.#options.activeKey() === key) return ACTIVE_MAP_EVERY_MS;
    return this.#salesWanted(key) ? BACKGROUND_MAP_EVERY_MS : Number.POSITIVE_INFINITY;
  }

  #website(key: WebsiteKey): WebsiteSettings | undefined {
    return this.#options.settings().websites.find((website) => website.id === key);
  }

  #name(key: WebsiteKey): string {
    const website = this.#website(key);
    return website?.domain ?? website?.label ?? 'A website';
  }

  #salesWanted(key: WebsiteKey): boolean {
    const { notifications } = this.#options.settings();
    return notifications.sales && this.#website(key)?.notifySales === true;
  }

  #onMap(key: WebsiteKey, summary: LiveSummary, sales: readonly Sale[], at: number): void {
    this.#summaries.set(key, summary);
    const fresh = this.#tracker.observe(key, sales, at);
    if (this.#tracker.takeUnsaved()) this.#save();
    const website = this.#website(key);
    if (fresh.length > 0 && website?.notifySales) {
      this.#lastSale = { websiteKey: key, sales: fresh };
      this.#saleMarkUntil = at + SALE_MARK_MS;
      this.#options.onSales(website, fresh);
    }
    this.#options.onChange();
  }
}
