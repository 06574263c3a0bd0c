import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Why the file at `path` must not be read, or null when it is a regular file or absent. Asked
 * with `lstat`, which never opens the file: opening a FIFO blocks until a writer appears, and a
 * blocking read in the event loop would leave no way to answer even SIGTERM. A link may lead
 * only to a regular file inside the same folder, so a settings file cannot be made to read (or
 * be written over) somewhere else.
 */
export function unsafeFileReason(path: string): string | null {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return null;
  }
  if (stats.isFile()) return null;
  if (!stats.isSymbolicLink()) return `${path} is ${kindOf(stats)}, not a regular file`;
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return `${path} is a link that leads nowhere`;
  }
  const inside = relative(realpathSync(dirname(path)), dirname(target));
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return `${path} is a link that leads outside its folder (to ${target})`;
  const targetStats = statSync(target);
  if (!targetStats.isFile()) return `${path} is a link to ${basename(target)}, which is ${kindOf(targetStats)}`;
  return null;
}
