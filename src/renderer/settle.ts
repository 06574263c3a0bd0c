import type { Reply } from '../shared/view-model';
import { h } from './dom';

/** Shows a reply's error next to the control that caused it; returns the value on success. */
export function settle<T>(reply: Reply<T>, messageArea: HTMLElement): T | undefined {
  messageArea.replaceChildren();
  if (reply.ok) return reply.value;
  messageArea.append(h('p', { class: 'error', role: 'alert' }, reply.error));
  return undefined;
}
