import type { AppStateView } from '../shared/view-model';
import { h } from './dom';
import { renderLive } from './live-panel';
import { GeneralPanel, NotificationsPanel } from './settings-panels';
import { setUpTabs } from './tabs';
import { settle, WebsitesPanel } from './websites-panel';

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
}

const api = window.datafast;
const websitesRoot = byId('panel-websites');
const onboardingArea = h('div');
const websites = new WebsitesPanel(websitesRoot, api);
// The welcome belongs to the Websites tab, above the add form it points to.
websitesRoot.prepend(onboardingArea);
const general = new GeneralPanel(byId('panel-general'), api);
const notifications = new NotificationsPanel(byId('panel-notifications'), api);
const showPanel = setUpTabs(document.querySelector<HTMLElement>('[role="tablist"]') ?? document.body);

function onboarding(state: AppStateView): HTMLElement | null {
  if (state.websites.length > 0) return null;
  const messages = h('div');
  return h(
    'section',
    { class: 'onboarding card', 'aria-labelledby': 'welcome' },
    h('h2', { id: 'welcome' }, 'Welcome to DataFast Menubar'),
    h('p', {}, 'See how many people are on your website right now, in your menu bar.'),
    h('p', { class: 'muted' }, 'Add a website with its DataFast API key, or look around with simulated visitors first.'),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', id: 'onboarding-add', onclick: () => { showPanel('panel-websites'); websites.focusAdd(); } }, 'Add website'),
      h('button', { type: 'button', id: 'onboarding-demo', onclick: () => void api.websites.addDemo().then((reply) => settle(reply, messages)) }, 'Try demo data'),
    ),
    messages,
  );
}

function render(state: AppStateView): void {
  // With no websites the tray's "add one in Settings" hint would point at this very window.
  byId('headline').textContent = state.websites.length === 0 ? 'No websites yet' : `${state.headline} · ${state.detail}`;
  byId('notices').replaceChildren(...state.notices.map((notice) => h('p', { class: 'notice' }, notice)));
  onboardingArea.replaceChildren(...[onboarding(state)].filter((node): node is HTMLElement => node !== null));
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
