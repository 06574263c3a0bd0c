import type { AppStateView, LiveView } from '../shared/view-model';
import { lineChart } from './chart';
import { h, replaceKeepingFocus } from './dom';
import { hourBars } from './hour-bars';

/** "Live now": pages, referrers and countries, each a short list of counts. */
function liveNow(live: LiveView): HTMLElement {
  const list = (title: string, lines: readonly string[]): HTMLElement | null =>
    lines.length === 0 ? null : h('section', { class: 'live-list' }, h('h4', {}, title), h('ul', {}, ...lines.map((line) => h('li', {}, line))));
  return h(
    'div',
    { class: 'live-now' },
    list('Pages', live.pages),
    list('Referrers', live.referrers),
    list('Countries', live.countries),
    live.customers ? h('p', { class: 'muted' }, live.customers) : null,
  );
}

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
    state.live ? h('h3', {}, 'Live now') : null,
    state.live ? liveNow(state.live) : null,
    state.today ? h('h3', {}, 'Today against yesterday') : null,
    state.today ? h('p', { id: 'today-line' }, state.today.line) : null,
    state.today ? hourBars(state.today.today, state.today.yesterday) : null,
    h('h3', {}, 'Last hour'),
    lineChart(state.lastHour, now - 3_600_000, now, 'Visitors over the last hour'),
    h('h3', {}, 'Last day'),
    lineChart(state.lastDay, now - 86_400_000, now, 'Visitors over the last day'),
  );
}
