/**
 * Text from outside (website names come from DataFast or a hand-edited settings file) made safe
 * for each status bar's own syntax, so a name can never add a parameter, a tag or a line.
 */

import { singleLine } from '../core/readings/format';

/**
 * xbar and SwiftBar split a line at its first `|` into text and parameters, and read a line
 * that starts with `--` as a submenu item or `---` as a separator. Neither has an escape, so
 * the look-alike `│` stands in for `|` and a leading hyphen becomes a non-breaking one.
 */
export function xbarText(text: string): string {
  return singleLine(text)
    .replace(/\|/g, '│')
    .replace(/^-/, '\u2011')
    .replace(STREAM_SEPARATOR_RUN, (run) => '∼'.repeat(run.length));
}

/**
 * SwiftBar cuts a streaming plugin's output at a `~~~` anywhere in it, not only on a line of its
 * own, and keeps what follows: a name holding one would blank the menu before it. The look-alike
 * `∼` stands in for each tilde of such a run.
 */
const STREAM_SEPARATOR_RUN = /~{3,}/g;

const PANGO_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** waybar reads text and tooltip as Pango markup. Newlines are kept: a tooltip has several lines. */
export function pangoText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => PANGO_ENTITIES[character] ?? character);
}

/** polybar reads `%{…}` as a formatting tag; a literal percent sign is written twice. */
export function polybarText(text: string): string {
  return singleLine(text).replace(/%/g, '%%');
}
