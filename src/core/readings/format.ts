const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * "just now", "3 min ago", "2 h ago", "3 days ago": short enough for a menu line, and whole
 * minutes at the finest, so the text changes at most once a minute and the tray wakes no oftener.
 */
export function formatAge(ageMs: number): string {
  const age = Math.max(0, ageMs);
  if (age < MINUTE_MS) return 'just now';
  if (age < HOUR_MS) return `${Math.floor(age / MINUTE_MS)} min ago`;
  if (age < 48 * HOUR_MS) return `${Math.floor(age / HOUR_MS)} h ago`;
  return `${Math.floor(age / DAY_MS)} days ago`;
}

/** When `formatAge` of a reading taken at `fetchedAt` next says something else: the next whole minute, hour or day of its age. */
export function ageChangesAt(fetchedAt: number, now: number): number {
  const age = Math.max(0, now - fetchedAt);
  const step = age < HOUR_MS ? MINUTE_MS : age < 48 * HOUR_MS ? HOUR_MS : DAY_MS;
  return fetchedAt + (Math.floor(age / step) + 1) * step;
}

/**
 * Control characters (newlines, tabs, escape sequences) become one space: a name from DataFast
 * or a hand-edited settings file is one line in a menu, a tooltip or a status bar.
 */
export function singleLine(text: string): string {
  // The usual name has none, and is only trimmed: no new string on the presenter's path.
  return CONTROL_CHARACTERS.test(text) ? text.replace(CONTROL_RUNS, ' ').trim() : text.trim();
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- as above, a run of them at a time
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
