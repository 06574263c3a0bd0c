import { renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Moves a damaged file aside as `<name>.corrupt-<timestamp><ext>` so nothing is lost and the app
 * can start clean. Returns the new path.
 */
export function setAside(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const extension = extname(path);
  const target = join(dirname(path), `${basename(path, extension)}.corrupt-${stamp}${extension}`);
  renameSync(path, target);
  return target;
}
