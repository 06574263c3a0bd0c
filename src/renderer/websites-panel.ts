import type { DataFastSiteId, WebsiteKey } from '../shared/settings-shapes';
import { LABEL_MAX_LENGTH } from '../shared/setting-limits';
import type { AppStateView, Reply, TokenCheckView, WebsiteView } from '../shared/view-model';
import { h, rebuildKeepingFocus, replaceKeepingFocus } from './dom';
import { settle } from './settle';

type Api = Window['datafast'];

function statusText(website: WebsiteView): string {
  if (website.tokenKind === 'demo') return 'demo data';
  if (website.status === 'error') return 'failing';
  if (website.status === 'stale') return 'stale';
  if (website.status === 'loading') return 'loading';
  return 'live';
}

/** The website list with its actions, and the add form (kept across state updates). */
export class WebsitesPanel {
  readonly #api: Api;
  readonly #list = h('div');
  readonly #listMessages = h('div');
  readonly #addForm: HTMLElement;
  readonly #addHeading: HTMLElement;
  readonly #welcome: HTMLElement;
  readonly #demoRow: HTMLElement;
  readonly #tokenInput: HTMLInputElement;
  readonly #checkResult = h('div', { id: 'token-result' });
  readonly #addMessages = h('div');
  readonly #confirmingRemove = new Set<WebsiteKey>();
  #renaming: string | null = null;
  /** The open rename field of the website being renamed, kept across state pushes so what is typed (and its caret) survives a poll. */
  #renameField: HTMLElement | null = null;
  #state: AppStateView | null = null;

  constructor(root: HTMLElement, api: Api) {
    this.#api = api;
    this.#tokenInput = h('input', {
      type: 'password',
      id: 'token-input',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'df_… or dft_…',
      'aria-describedby': 'token-hint',
    });
    this.#addHeading = h('h2', { id: 'add-heading' }, 'Add a website');
    // On a first run the form is the welcome: one card, one way to start (or the demo).
    this.#welcome = h(
      'div',
      { class: 'welcome' },
      h('p', {}, 'See how many people are on your website right now, in your menu bar.'),
      h('p', { class: 'muted' }, "Paste your website's DataFast API key below, or look around with simulated visitors first."),
    );
    this.#demoRow = h(
      'div',
      { class: 'row demo-row' },
      h('span', { class: 'muted' }, 'No key at hand?'),
      h(
        'button',
        { type: 'button', id: 'onboarding-demo', onclick: () => void api.websites.addDemo().then((reply) => settle(reply, this.#addMessages)) },
        'Try demo data',
      ),
    );
    this.#addForm = h(
      'form',
      { class: 'card', id: 'add-website', 'aria-labelledby': 'add-heading', onsubmit: (event: Event) => void this.#check(event) },
      this.#addHeading,
      this.#welcome,
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'token-input' }, 'API key or token'),
        this.#tokenInput,
        h('button', { type: 'submit', class: 'primary' }, 'Check token'),
      ),
      h(
        'p',
        { id: 'token-hint', class: 'muted' },
        'A website key (df_…) adds its website. An account token (dft_…) lets you pick from its websites. The token is stored in your system keychain and never shown again.',
      ),
      this.#demoRow,
      this.#addMessages,
      this.#checkResult,
    );
    root.replaceChildren(h('h2', { class: 'visually-hidden' }, 'Websites'), this.#listMessages, this.#list, this.#addForm);
  }

  render(state: AppStateView): void {
    this.#state = state;
    const firstRun = state.websites.length === 0;
    this.#addHeading.textContent = firstRun ? 'Welcome to DataFast Menubar' : 'Add a website';
    this.#addForm.classList.toggle('onboarding', firstRun);
    this.#welcome.hidden = !firstRun;
    this.#demoRow.hidden = !firstRun;
    if (firstRun) {
      // The welcome in the add form says it better than an empty list would.
      replaceKeepingFocus(this.#list);
      return;
    }
    rebuildKeepingFocus(this.#list, () => [
      h('ol', { class: 'website-list', 'aria-label': 'Your websites' }, ...state.websites.map((website, index) => this.#item(website, index, state))),
    ]);
  }

  #item(website: WebsiteView, index: number, state: AppStateView): HTMLElement {
    const active = website.id === state.activeWebsiteKey;
    const count = state.websites.length;
    const name =
      this.#renaming === website.id
        ? this.#openRenameField(website)
        : h(
            'div',
            { class: 'name' },
            website.label,
            active ? h('span', { class: 'badge active' }, 'in menu bar') : null,
            h('span', { class: 'badge' }, statusText(website)),
          );
    const token =
      website.tokenKind === 'demo'
        ? 'simulated visitors'
        : website.maskedToken
          ? `token ${website.maskedToken}${website.tokenInSessionOnly ? ' (this session only: keychain unavailable)' : ''}`
          : 'no token stored';
    const confirming = this.#confirmingRemove.has(website.id);
    const act = (label: string, key: string, action: () => Promise<Reply<null>>, extra: Record<string, string | boolean> = {}) =>
      h(
        'button',
        { type: 'button', 'data-key': `${key}:${website.id}`, onclick: () => void action().then((reply) => settle(reply, this.#listMessages)), ...extra },
        label,
      );
    return h(
      'li',
      { class: `website${active ? ' active' : ''}`, 'aria-label': `${website.label}, ${website.countText} visitors` },
      h('div', {}, name, h('div', { class: 'meta' }, [website.domain ?? website.dataFastSiteId, token].filter(Boolean).join(' · '))),
      h('div', { class: 'count', 'aria-hidden': 'true' }, website.countText),
      website.problem ? h('p', { class: 'problem' }, website.problem) : null,
      h(
        'div',
        { class: 'actions' },
        active ? null : act('Show in menu bar', 'activate', () => this.#api.websites.setActive(website.id)),
        act('Move up', 'up', () => this.#api.websites.move(website.id, 'up'), { disabled: index === 0, 'aria-label': `Move ${website.label} up` }),
        act('Move down', 'down', () => this.#api.websites.move(website.id, 'down'), {
          disabled: index === count - 1,
          'aria-label': `Move ${website.label} down`,
        }),
        h('button', { type: 'button', 'data-key': `rename:${website.id}`, onclick: () => this.#startRename(website.id) }, 'Rename'),
        website.dataFastSiteId ? act('Open dashboard', 'dashboard', () => this.#api.dashboard.open(website.id)) : null,
        confirming
          ? act('Confirm remove', 'remove', () => this.#remove(website.id), {
              class: 'danger',
              'aria-label': `Confirm removing ${website.label} and its token`,
            })
          : h('button', { type: 'button', class: 'danger', 'data-key': `remove:${website.id}`, onclick: () => this.#askRemove(website.id) }, 'Remove'),
      ),
    );
  }

  /** Draws the last state again after a change that is the panel's own (rename, confirm). */
  #rerender(): void {
    if (this.#state) this.render(this.#state);
  }

  #openRenameField(website: WebsiteView): HTMLElement {
    this.#renameField ??= this.#newRenameField(website);
    return this.#renameField;
  }

  #newRenameField(website: WebsiteView): HTMLElement {
    const input = h('input', {
      type: 'text',
      value: website.label,
      maxlength: LABEL_MAX_LENGTH,
      'aria-label': `New name for ${website.label}`,
      'data-key': `rename-input:${website.id}`,
    });
    const save = async (): Promise<void> => {
      const reply = await this.#api.websites.rename(website.id, input.value);
      if (settle(reply, this.#listMessages) !== undefined) this.#stopRename();
      this.#rerender();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void save();
      if (event.key === 'Escape') {
        this.#stopRename();
        this.#rerender();
      }
    });
    queueMicrotask(() => input.focus());
    return h('div', { class: 'row' }, input, h('button', { type: 'button', onclick: () => void save() }, 'Save'));
  }

  #startRename(id: WebsiteKey): void {
    this.#renaming = id;
    this.#renameField = null;
    this.#rerender();
  }

  #stopRename(): void {
    this.#renaming = null;
    this.#renameField = null;
  }

  #askRemove(id: WebsiteKey): void {
    this.#confirmingRemove.add(id);
    this.#rerender();
    this.#list.querySelector<HTMLElement>(`[data-key="remove:${CSS.escape(id)}"]`)?.focus();
  }

  async #remove(id: WebsiteKey): Promise<Reply<null>> {
    this.#confirmingRemove.delete(id);
    return this.#api.websites.remove(id);
  }

  async #check(event: Event): Promise<void> {
    event.preventDefault();
    const token = this.#tokenInput.value.trim();
    this.#checkResult.replaceChildren();
    if (token === '') {
      settle({ ok: false, error: 'Paste a DataFast API key or token first.' }, this.#addMessages);
      this.#tokenInput.focus();
      return;
    }
    this.#addMessages.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Checking with DataFast…'));
    const checked = settle(await this.#api.tokens.check(token), this.#addMessages);
    if (!checked) return;
    // The token now waits in the app under a one-time id; the page forgets it.
    this.#tokenInput.value = '';
    this.#showChoices(checked);
  }

  #showChoices(checked: TokenCheckView): void {
    if (checked.kind === 'website-key') {
      const add = h(
        'button',
        { type: 'button', class: 'primary', id: 'confirm-add', onclick: () => void this.#add(checked.pendingId, []) },
        `Add ${checked.domain}`,
      );
      this.#checkResult.replaceChildren(h('p', {}, `This key belongs to ${checked.name ? `${checked.name} (${checked.domain})` : checked.domain}.`), add);
      add.focus();
      return;
    }
    if (checked.websites.length === 0) {
      this.#checkResult.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'This token cannot see any websites.'));
      return;
    }
    const boxes = checked.websites.map((site) =>
      h('input', {
        type: 'checkbox',
        id: `choose-${site.dataFastSiteId}`,
        value: site.dataFastSiteId,
        checked: !site.alreadyAdded,
        disabled: site.alreadyAdded,
      }),
    );
    const list = h(
      'ul',
      { class: 'choices' },
      ...checked.websites.map((site, index) =>
        h(
          'li',
          {},
          boxes[index] ?? null,
          ' ',
          h(
            'label',
            { for: `choose-${site.dataFastSiteId}` },
            `${site.domain}${site.name ? ` (${site.name})` : ''}${site.alreadyAdded ? ' — already added' : ''}`,
          ),
        ),
      ),
    );
    const add = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: 'confirm-add',
        onclick: () => {
          const chosen = checked.websites.filter((_site, index) => boxes[index]?.checked === true && !boxes[index].disabled).map((site) => site.dataFastSiteId);
          if (chosen.length === 0) {
            settle({ ok: false, error: 'Tick at least one website to add.' }, this.#addMessages);
            return;
          }
          void this.#add(checked.pendingId, chosen);
        },
      },
      'Add selected websites',
    );
    this.#checkResult.replaceChildren(h('fieldset', {}, h('legend', {}, 'Websites this token can see'), list), add);
    boxes.find((box) => !box.disabled)?.focus();
  }

  async #add(pendingId: string, dataFastSiteIds: readonly DataFastSiteId[]): Promise<void> {
    const added = settle(await this.#api.websites.add(pendingId, dataFastSiteIds), this.#addMessages);
    if (!added) return;
    this.#checkResult.replaceChildren();
    const note = added.sessionOnly ? ' The keychain is unavailable, so the token is kept only until you quit.' : '';
    this.#addMessages.replaceChildren(h('p', { class: 'success', role: 'status' }, `Added ${added.added.join(', ')}.${note}`));
    this.#tokenInput.focus();
  }
}
