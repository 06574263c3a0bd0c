/** "just now", "12 s ago", "3 min ago", "2 h ago": short enough for a menu line. */
export function formatAge(ageMs: number): string {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** A wait in the unit a person thinks in: "45 s", "5 min", "60 min", "24 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
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
