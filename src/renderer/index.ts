import type { AppStateView } from '../shared/view-model';
import { h } from './dom';
import { renderLive } from './live-panel';
import { GeneralPanel, NotificationsPanel } from './settings-panels';
import { setUpTabs } from './tabs';
import { WebsitesPanel } from './websites-panel';

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
}

const api = window.datafast;
const websitesRoot = byId('panel-websites');
const websites = new WebsitesPanel(websitesRoot, api);
const general = new GeneralPanel(byId('panel-general'), api);
const notifications = new NotificationsPanel(byId('panel-notifications'), api);
setUpTabs(document.querySelector<HTMLElement>('[role="tablist"]') ?? document.body);

/** Sets a live region's text only when it changes: a screen reader speaks every rewrite, even of the same words. */
function announce(region: HTMLElement, text: string): void {
  if (region.textContent !== text) region.textContent = text;
}

function render(state: AppStateView): void {
  // With no websites the tray's "add one in Settings" hint would point at this very window.
  announce(byId('headline'), state.websites.length === 0 ? 'No websites yet' : `${state.headline} · ${state.detail}`);
  byId('notices').replaceChildren(...state.notices.map((notice) => h('p', { class: 'notice' }, notice)));
  websites.render(state);
  general.render(state);
  notifications.render(state);
  renderLive(byId('panel-live'), state);
}

api.state.onChange(render);
void api.state.get().then((reply) => {
  if (reply.ok) render(reply.value);
  else byId('headline').textContent = reply.error;
});
