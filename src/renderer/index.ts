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

function render(state: AppStateView): void {
  // With no websites the tray's "add one in Settings" hint would point at this very window.
  byId('headline').textContent = state.websites.length === 0 ? 'No websites yet' : `${state.headline} · ${state.detail}`;
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
