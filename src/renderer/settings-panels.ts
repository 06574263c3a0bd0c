import type { SettingsPatch } from '../shared/ipc-contract';
import { COOLDOWN_MINUTES, REFRESH_SECONDS, SPIKE_FACTOR, SPIKE_MINIMUM, SPIKE_THRESHOLD_MAX } from '../shared/setting-limits';
import type { AppStateView, Reply } from '../shared/view-model';
import { h, replaceKeepingFocus } from './dom';
import { settle } from './settle';

type Api = Window['datafast'];

interface NumberFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly hint?: string;
  readonly save: (value: number) => void;
}

function numberField(options: NumberFieldOptions): HTMLElement {
  const input = h('input', {
    type: 'number',
    id: options.id,
    'data-key': options.id,
    value: options.value,
    min: options.min,
    max: options.max,
    step: options.step ?? 1,
    ...(options.hint && { 'aria-describedby': `${options.id}-hint` }),
  });
  input.addEventListener('change', () => {
    if (input.value.trim() !== '') options.save(Number(input.value));
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: options.id }, options.label),
    input,
    options.hint ? h('p', { class: 'hint', id: `${options.id}-hint` }, options.hint) : null,
  );
}

function checkboxField(id: string, label: string, checked: boolean, save: (checked: boolean) => void): HTMLElement {
  const input = h('input', { type: 'checkbox', id, 'data-key': id, checked });
  input.addEventListener('change', () => save(input.checked));
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('div', {}, input));
}

function radioGroup<T extends string>(
  name: string,
  legend: string,
  value: T,
  options: ReadonlyArray<readonly [T, string]>,
  save: (value: T) => void,
): HTMLElement {
  return h(
    'fieldset',
    { class: 'field' },
    h('legend', {}, legend),
    h(
      'div',
      { class: 'row' },
      ...options.map(([optionValue, label]) => {
        const id = `${name}-${optionValue}`;
        const input = h('input', { type: 'radio', name, id, value: optionValue, 'data-key': id, checked: optionValue === value });
        input.addEventListener('change', () => {
          if (input.checked) save(optionValue);
        });
        return h('span', {}, input, ' ', h('label', { for: id }, label));
      }),
    ),
  );
}

/**
 * A form drawn from state: redrawn only when what it shows changed (so typing is never
 * interrupted by a poll), and redrawn after a refused change so it shows the saved value again.
 */
abstract class FormPanel {
  protected readonly api: Api;
  readonly #root: HTMLElement;
  readonly #messages = h('div');
  #shown = '';
  /** The state last shown, to redraw from when a change is refused. */
  #state: AppStateView | null = null;

  constructor(root: HTMLElement, api: Api) {
    this.#root = root;
    this.api = api;
  }

  render(state: AppStateView): void {
    this.#state = state;
    const key = this.key(state);
    if (key === this.#shown) return;
    this.#shown = key;
    replaceKeepingFocus(this.#root, h('h2', {}, this.title), this.#messages, ...this.fields(state));
  }

  /** Sends a change; a refusal is shown as a message, and the form goes back at once to what is saved. */
  protected save(reply: Promise<Reply<unknown>>): void {
    void reply.then((settled) => {
      if (settle(settled, this.#messages) !== undefined) return;
      this.#shown = '';
      if (this.#state) this.render(this.#state);
    });
  }

  protected get messages(): HTMLElement {
    return this.#messages;
  }

  protected abstract readonly title: string;
  protected abstract key(state: AppStateView): string;
  protected abstract fields(state: AppStateView): Array<Node | null>;
}

/** Refresh interval, display mode, number format and launch at login. */
export class GeneralPanel extends FormPanel {
  protected readonly title = 'General';

  protected key(state: AppStateView): string {
    return JSON.stringify(state.settings);
  }

  protected fields({ settings }: AppStateView): Array<Node | null> {
    const save = (patch: SettingsPatch): void => this.save(this.api.settings.update(patch));
    return [
      numberField({
        id: 'interval',
        label: 'Refresh every (seconds)',
        value: settings.refreshIntervalSeconds,
        min: REFRESH_SECONDS.min,
        max: REFRESH_SECONDS.max,
        hint: `From ${REFRESH_SECONDS.min} seconds to ${REFRESH_SECONDS.max / 60} minutes. Other websites are read at most every 2 minutes.`,
        save: (value) => save({ refreshIntervalSeconds: value }),
      }),
      radioGroup(
        'display',
        'Menu bar shows',
        settings.displayMode,
        [
          ['active', 'The chosen website'],
          ['sum', 'Sum of all websites'],
        ],
        (value) => save({ displayMode: value }),
      ),
      radioGroup(
        'format',
        'Numbers',
        settings.numberFormat,
        [
          ['compact', 'Compact (1.2k)'],
          ['full', 'Full (1,234)'],
        ],
        (value) => save({ numberFormat: value }),
      ),
      checkboxField('launch-at-login', 'Launch at login', settings.launchAtLogin, (checked) => save({ launchAtLogin: checked })),
    ];
  }
}

/** Spike notifications: on/off, sensitivity, cooldown, per-website thresholds, a test. */
export class NotificationsPanel extends FormPanel {
  protected readonly title = 'Notifications';

  protected key(state: AppStateView): string {
    return JSON.stringify([state.settings.notifications, state.websites.map((w) => [w.id, w.label, w.spikeThreshold, w.notifySales])]);
  }

  protected fields(state: AppStateView): Array<Node | null> {
    const { notifications } = state.settings;
    const save = (patch: NonNullable<SettingsPatch['notifications']>): void => this.save(this.api.settings.update({ notifications: patch }));
    const snoozedUntil = notifications.snoozedUntil !== null && notifications.snoozedUntil > Date.now() ? notifications.snoozedUntil : null;
    const thresholds = state.websites.map((website) =>
      numberField({
        id: `threshold-${website.id}`,
        label: `Alert at (${website.label})`,
        value: website.spikeThreshold ?? 0,
        min: 0,
        max: SPIKE_THRESHOLD_MAX,
        save: (value) => this.save(this.api.websites.setThreshold(website.id, value > 0 ? Math.round(value) : null)),
      }),
    );
    return [
      snoozedUntil !== null ? h('p', { class: 'muted' }, `Snoozed until ${new Date(snoozedUntil).toLocaleTimeString()}.`) : null,
      checkboxField('notify-enabled', 'Notify me about traffic spikes', notifications.enabled, (enabled) => save({ enabled })),
      checkboxField('notify-sales', 'Notify me about new sales', notifications.sales, (sales) => save({ sales })),
      checkboxField('sales-names', 'Name the customer in sale notifications', notifications.customerNames, (customerNames) => save({ customerNames })),
      ...state.websites.map((website) =>
        checkboxField(`sales-${website.id}`, `Sales on ${website.label}`, website.notifySales, (notifySales) =>
          this.save(this.api.websites.setSales(website.id, notifySales)),
        ),
      ),
      numberField({
        id: 'factor',
        label: 'Spike means at least (× usual)',
        value: notifications.factor,
        min: SPIKE_FACTOR.min,
        max: SPIKE_FACTOR.max,
        step: 0.1,
        hint: 'Usual = the median of the last hour. Lower is more sensitive.',
        save: (factor) => save({ factor }),
      }),
      numberField({
        id: 'minimum',
        label: 'And at least (visitors)',
        value: notifications.minimum,
        min: SPIKE_MINIMUM.min,
        max: SPIKE_MINIMUM.max,
        save: (minimum) => save({ minimum }),
      }),
      numberField({
        id: 'cooldown',
        label: 'Quiet after a spike (minutes)',
        value: notifications.cooldownMinutes,
        min: COOLDOWN_MINUTES.min,
        max: COOLDOWN_MINUTES.max,
        save: (cooldownMinutes) => save({ cooldownMinutes }),
      }),
      state.websites.length > 0 ? h('h3', {}, 'Alert levels') : null,
      state.websites.length > 0 ? h('p', { class: 'muted' }, 'Also notify whenever a website reaches this many visitors (0 = off).') : null,
      ...thresholds,
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', id: 'test-notification', onclick: () => void this.api.notifications.test().then((reply) => settle(reply, this.messages)) },
          'Send test notification',
        ),
      ),
    ];
  }
}
