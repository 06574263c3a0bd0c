import type { AppStateView } from '../shared/view-model';
import { lineChart } from './chart';
import { h, replaceKeepingFocus } from './dom';

/** The active website right now, with charts of the last hour and day. */
export function renderLive(root: HTMLElement, state: AppStateView): void {
  const active = state.websites.find((website) => website.id === state.activeWebsiteKey) ?? null;
  const now = Date.now();
  if (!active) {
    replaceKeepingFocus(root, h('h2', {}, 'Live'), h('p', { class: 'muted' }, 'Add a website to see it live.'));
    return;
  }
  replaceKeepingFocus(
    root,
    h('h2', {}, `Live: ${active.label}${active.tokenKind === 'demo' ? ' (demo)' : ''}`),
    h('div', { class: 'live-count', id: 'live-count' }, active.countText),
    h('p', { class: 'muted' }, `visitors in the last 10 minutes · ${state.detail}`),
    h('h3', {}, 'Last hour'),
    lineChart(state.lastHour, now - 3_600_000, now, 'Visitors over the last hour'),
    h('h3', {}, 'Last day'),
    lineChart(state.lastDay, now - 86_400_000, now, 'Visitors over the last day'),
  );
}
