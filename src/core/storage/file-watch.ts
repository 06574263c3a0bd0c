import { watch, readFileSync, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchOptions {
  /** Whether the file on disk is the one the caller itself last wrote or read (asked without reading it). */
  readonly alreadyKnown?: () => boolean;
}

/** Events for one write come in a burst (a temporary file, then a rename): one look after they settle. */
const SETTLE_MS = 50;

/**
 * Tells `onChange` the file's new text whenever another program writes or replaces it. The folder
 * is watched, not the file, since an atomic write replaces the file (and a watch on the old one
 * would go quiet); events come from the operating system, so nothing polls. A text that did not
 * change in place (a touch, an event for another file) is not reported; a file replaced by another
 * program's save is, even with the same text, since that save may have gone with a change beside
 * it (a key replaced in the keychain leaves the settings as they were). Returns a function that stops it.
 */
export function watchFileText(path: string, onChange: (text: string) => void, options: WatchOptions = {}): () => void {
  const name = basename(path);
  let last = readText(path);
  let lastFile = fileIdentity(path);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      if ((changed !== null && changed !== name) || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        // A file as the caller last wrote it is not read back: that write was its own.
        if (options.alreadyKnown?.()) return;
        const text = readText(path);
        const file = fileIdentity(path);
        if (text === null || (text === last && file === lastFile)) return;
        last = text;
        lastFile = file;
        onChange(text);
      }, SETTLE_MS);
    });
  } catch {
    // A folder that cannot be watched (gone, or too many watches) leaves the app as it was: changes show at the next start.
    return () => undefined;
  }
  watcher.on('error', () => watcher.close());
  return () => {
    if (timer !== null) clearTimeout(timer);
    watcher.close();
  };
}

/** Which file stands at the path: an atomic save puts a new one there. */
function fileIdentity(path: string): string | null {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
