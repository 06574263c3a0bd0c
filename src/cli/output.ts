import type { PollState } from '../core/polling/poll-entry';
import { ERROR_MARK, type MenuWebsite, type TrayView } from '../core/presenting/presenter';
import type { SpikeEvent } from '../core/readings/spike-detector';
import type { OutputFormat } from './args';
import { singleLine } from '../core/readings/format';
import { pangoText, polybarText, xbarText } from './host-text';
import { detailsJson, detailsLines } from './details-output';
import type { RunnerDetails } from './live-details';

export interface SnapshotWebsite {
  readonly menu: MenuWebsite;
  /** The website's page on DataFast, or the list of dashboards when its DataFast id is unknown. */
  readonly dashboardUrl: string;
}

export interface Snapshot {
  readonly view: TrayView;
  readonly poll: PollState;
  readonly label: string;
  readonly dashboardUrl: string;
  /** Every website read in this run (xbar lists them all), the watched one included. */
  readonly websites: readonly SnapshotWebsite[];
  /** With `--details`: today against yesterday and what is live now. */
  readonly details: RunnerDetails | null;
}

export type BarState = 'ok' | 'stale' | 'error';

/** One word for the three looks a bar can give the count. */
export function barState(view: TrayView): BarState {
  if (view.status === 'error' || view.status === 'empty') return 'error';
  return view.status === 'stale' ? 'stale' : 'ok';
}

/** Legible on light and dark bars alike. */
const BAR_COLOURS: Readonly<Record<BarState, string | null>> = { ok: null, stale: '#9a9a9a', error: '#e5484d' };

/** Formats read by a status bar, which draws whatever comes out: they report failure in what they print. */
export function isBarFormat(format: OutputFormat): boolean {
  return format === 'waybar' || listsEveryWebsite(format) || format === 'i3blocks' || format === 'polybar';
}

/** The formats whose menu lists every configured website, so every one is read. */
export function listsEveryWebsite(format: OutputFormat): boolean {
  return format === 'xbar' || format === 'swiftbar';
}

/**
 * SwiftBar's streamable plugins: one process stays running, and each new menu follows a `~~~`
 * line, so a runner that keeps reading replaces the menu instead of appending to it.
 */
const STREAM_SEPARATOR = '~~~';

/** One update rendered for the chosen output. xbar's and i3blocks' are several lines; the others one. */
export function renderSnapshot(format: OutputFormat, snapshot: Snapshot): string {
  const { view, poll } = snapshot;
  const state = barState(view);
  const colour = BAR_COLOURS[state];
  switch (format) {
    case 'text':
      return view.title;
    case 'json':
      return JSON.stringify({
        type: 'reading',
        website: snapshot.label,
        visitors: poll.visitors,
        fetchedAt: poll.fetchedAt === null ? null : new Date(poll.fetchedAt).toISOString(),
        stale: poll.stale,
        error: poll.error ? { kind: poll.error.kind, message: poll.error.message } : null,
        ...(snapshot.details && detailsJson(snapshot.details)),
      });
    case 'waybar':
      return JSON.stringify({
        text: pangoText(view.title),
        // The tooltip's two lines, each kept to one whatever a name or a message holds.
        tooltip: pangoText(
          [view.headline, view.problem ?? view.detail, ...(snapshot.details ? detailsLines(snapshot.details) : [])].map(singleLine).join('\n'),
        ),
        class: state,
        alt: state,
      });
    case 'i3blocks':
      // full_text, short_text, colour: i3blocks' line protocol.
      return [view.title, view.title, ...(colour ? [colour] : [])].join('\n');
    case 'polybar':
      return colour ? `%{F${colour}}${polybarText(view.title)}%{F-}` : polybarText(view.title);
    case 'xbar':
      return renderXbar(snapshot, colour);
    case 'swiftbar':
      return `${STREAM_SEPARATOR}\n${renderXbar(snapshot, colour)}`;
  }
}

/** Parameters for a line carrying a name: no emoji or SF Symbol parsing of `:words:` in it. */
const PLAIN = 'emojize=false symbolize=false';

function renderXbar(snapshot: Snapshot, colour: string | null): string {
  const { view } = snapshot;
  const lines = [`${view.title}${colour ? ` | color=${colour}` : ''}`, '---', `${xbarText(view.headline)} | ${PLAIN}`];
  lines.push(`${xbarText(view.problem ?? view.detail)} | ${PLAIN}${colour && view.problem ? ` color=${colour}` : ''}`);
  const details = snapshot.details ? detailsLines(snapshot.details) : [];
  if (details.length > 0) lines.push('---', ...details.map((line) => `${xbarText(line)} | ${PLAIN}`));
  if (snapshot.websites.length > 1) {
    lines.push('---');
    for (const { menu, dashboardUrl } of snapshot.websites) {
      const mark = menu.checked ? '✓ ' : '';
      lines.push(`${mark}${xbarText(menu.menuLabel)} | href=${dashboardUrl} ${PLAIN}`);
    }
  }
  lines.push('---', `Open dashboard | href=${snapshot.dashboardUrl}`, 'Refresh | refresh=true');
  return lines.join('\n');
}

/**
 * What a bar shows when the runner could not even start reading (no website configured, the
 * keychain locked): the error look with the reason where the bar shows details. Null for json,
 * whose readers take the exit status and stderr.
 */
export function renderSetupFailure(format: OutputFormat, reason: string): string | null {
  const colour = BAR_COLOURS.error;
  switch (format) {
    case 'json':
      return null;
    case 'text':
      return ERROR_MARK;
    case 'waybar':
      return JSON.stringify({ text: ERROR_MARK, tooltip: pangoText(singleLine(reason)), class: 'error', alt: 'error' });
    case 'i3blocks':
      return [ERROR_MARK, ERROR_MARK, colour].join('\n');
    case 'polybar':
      return `%{F${colour}}${ERROR_MARK}%{F-}`;
    case 'xbar':
      return [`${ERROR_MARK} | color=${colour}`, '---', `${xbarText(reason)} | ${PLAIN}`, '---', 'Refresh | refresh=true'].join('\n');
    case 'swiftbar':
      return [STREAM_SEPARATOR, `${ERROR_MARK} | color=${colour}`, '---', `${xbarText(reason)} | ${PLAIN}`, '---', 'Refresh | refresh=true'].join('\n');
  }
}

export function renderSpike(format: OutputFormat, spike: SpikeEvent, label: string): string | null {
  if (format !== 'json') return null;
  return JSON.stringify({
    type: 'spike',
    website: label,
    visitors: spike.visitors,
    baseline: spike.baseline,
    reason: spike.reason,
    at: new Date(spike.at).toISOString(),
  });
}
