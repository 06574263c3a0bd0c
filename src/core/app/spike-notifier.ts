import { websiteKey, type WebsiteKey } from '../../shared/settings-shapes';

/** Names the sample notification's website when there is none yet. */
const SAMPLE_WEBSITE_KEY = websiteKey('sample');
import { DASHBOARDS_URL, dashboardUrl } from '../datafast/dashboard';
import type { Clock } from '../time/clock';
import type { SpikeEvent } from '../readings/spike-detector';
import { spikeMessage } from '../readings/spike-message';
import type { Settings, WebsiteSettings } from '../storage/settings-schema';

export interface NotificationRequest {
  readonly websiteKey: WebsiteKey;
  readonly title: string;
  readonly body: string;
  /** The website's dashboard, opened when the notification is clicked. */
  readonly url: string | null;
}

export interface SpikeNotifierOptions {
  readonly settings: () => Settings;
  readonly clock: Clock;
  readonly locale?: string | undefined;
  readonly notify: (request: NotificationRequest) => void;
}

export function websiteName(website: WebsiteSettings): string {
  const name = website.domain ?? website.label;
  return website.tokenKind === 'demo' ? `${name} (demo)` : name;
}

/** Turns spikes into notification requests, unless notifications are off or snoozed. */
export class SpikeNotifier {
  readonly #options: SpikeNotifierOptions;

  constructor(options: SpikeNotifierOptions) {
    this.#options = options;
  }

  snoozed(): boolean {
    const until = this.#options.settings().notifications.snoozedUntil;
    return until !== null && until > this.#options.clock.now();
  }

  onSpike(spike: SpikeEvent): void {
    const { notifications } = this.#options.settings();
    if (!notifications.enabled || this.snoozed()) return;
    const website = this.#website(spike.websiteKey);
    if (!website) return;
    const message = spikeMessage(spike, websiteName(website), website.spikeThreshold, this.#options.locale);
    this.#options.notify({ websiteKey: website.id, ...message, url: this.dashboardUrlFor(website.id) });
  }

  /** A sample notification, so the user sees what a spike looks like (and that notifications work). */
  test(): void {
    const activeKey = this.#options.settings().activeWebsiteKey;
    const website = activeKey ? this.#website(activeKey) : undefined;
    const name = website ? websiteName(website) : 'example.com';
    const message = spikeMessage(
      { websiteKey: website?.id ?? SAMPLE_WEBSITE_KEY, visitors: 128, baseline: 30, reason: 'above-usual', at: this.#options.clock.now() },
      name,
      null,
    );
    this.#options.notify({
      websiteKey: website?.id ?? SAMPLE_WEBSITE_KEY,
      title: `${message.title} (test)`,
      body: message.body,
      url: website ? this.dashboardUrlFor(website.id) : null,
    });
  }

  /** The DataFast dashboard for a website, or DataFast's dashboard list when its id is unknown. */
  dashboardUrlFor(id: WebsiteKey): string | null {
    const website = this.#website(id);
    if (!website || website.tokenKind === 'demo') return null;
    return website.dataFastSiteId ? dashboardUrl(website.dataFastSiteId) : DASHBOARDS_URL;
  }

  #website(id: WebsiteKey): WebsiteSettings | undefined {
    return this.#options.settings().websites.find((candidate) => candidate.id === id);
  }
}
