import type { WebsiteKey } from '../../shared/settings-shapes';
import type { AppStateView, HistoryPoint, WebsiteView } from '../../shared/view-model';
import type { PollState } from '../polling/poll-entry';
import type { History } from '../readings/history';
import { present, type TrayView } from '../presenting/presenter';
import { activeWebsiteOf, type Settings } from '../storage/settings-schema';
import type { LoadedWebsite } from './settings-sync';

const HOUR_MS = 60 * 60_000;
const DAY_POINTS_SPACING_MS = 5 * 60_000;

/** What both views are computed from: one snapshot of settings, polling and history. */
export interface ViewInputs {
  readonly settings: Settings;
  readonly loaded: readonly LoadedWebsite[];
  readonly states: readonly PollState[];
  readonly paused: boolean;
  readonly now: number;
  readonly locale?: string | undefined;
}

/** The tray: title, tooltip and menu model. */
export function trayViewOf(inputs: ViewInputs): TrayView {
  const states = new Map(inputs.states.map((state) => [state.websiteKey, state]));
  return present({
    websites: inputs.loaded.map(({ settings }) => ({
      websiteKey: settings.id,
      label: settings.label,
      poll: states.get(settings.id) ?? null,
      demo: settings.tokenKind === 'demo',
    })),
    activeKey: activeWebsiteOf(inputs.settings)?.id ?? null,
    mode: inputs.settings.displayMode,
    numberFormat: inputs.settings.numberFormat,
    now: inputs.now,
    paused: inputs.paused,
    ...(inputs.locale !== undefined && { locale: inputs.locale }),
  });
}

/** The settings window's state, built on the tray view. Tokens appear masked only. */
export function appStateOf(
  inputs: ViewInputs,
  view: TrayView,
  history: History,
  notices: readonly string[],
  live: Pick<AppStateView, 'live' | 'today'>,
): AppStateView {
  const states = new Map(inputs.states.map((state) => [state.websiteKey, state]));
  const menu = new Map(view.websites.map((website) => [website.websiteKey, website]));
  const websites: WebsiteView[] = inputs.loaded.map(({ settings, maskedToken, tokenInSessionOnly }) => {
    const poll = states.get(settings.id);
    const item = menu.get(settings.id);
    return {
      id: settings.id,
      label: settings.label,
      domain: settings.domain,
      dataFastSiteId: settings.dataFastSiteId,
      tokenKind: settings.tokenKind,
      maskedToken,
      tokenInSessionOnly,
      spikeThreshold: settings.spikeThreshold,
      notifySales: settings.notifySales,
      visitors: poll?.visitors ?? null,
      countText: item?.countText ?? '—',
      status: item?.status ?? 'loading',
      problem: item?.problem ?? null,
      fetchedAt: poll?.fetchedAt ?? null,
    };
  });
  const { now } = inputs;
  const activeKey = activeWebsiteOf(inputs.settings)?.id ?? null;
  const { schemaVersion, websites: configured, activeWebsiteKey, apiUrl, ...settings } = inputs.settings;
  return {
    websites,
    activeWebsiteKey: activeKey,
    settings,
    headline: view.headline,
    detail: view.detail,
    lastHour: lastHourOf(inputs, history),
    lastDay: activeKey ? historyPoints(history, activeKey, now - 24 * HOUR_MS, now, DAY_POINTS_SPACING_MS) : [],
    notices: [...notices],
    paused: inputs.paused,
    ...live,
  };
}

/** The active website's readings over the last hour: the tray's sparkline and the window's live chart. */
export function lastHourOf(inputs: Pick<ViewInputs, 'settings' | 'now'>, history: History): HistoryPoint[] {
  const activeKey = activeWebsiteOf(inputs.settings)?.id ?? null;
  return activeKey ? historyPoints(history, activeKey, inputs.now - HOUR_MS, inputs.now, 0) : [];
}

/** A website's readings in [from, to]; with a spacing, one point per bucket (its highest count). */
export function historyPoints(history: History, websiteKey: WebsiteKey, from: number, to: number, spacing: number): HistoryPoint[] {
  const samples = history.between(websiteKey, from, to + 1);
  if (spacing === 0) return samples;
  // One point per bucket (its highest count) keeps a day's chart small and its peaks visible.
  const buckets = new Map<number, HistoryPoint>();
  for (const sample of samples) {
    const bucket = Math.floor(sample.at / spacing);
    const current = buckets.get(bucket);
    if (!current || sample.visitors > current.visitors) buckets.set(bucket, sample);
  }
  return [...buckets.values()];
}
