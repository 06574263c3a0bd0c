import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Moves a damaged file aside as `<name>.corrupt-<timestamp><ext>` so nothing is lost and the app
 * can start clean. Never overwrites an earlier one. Returns the new path.
 */
export function setAside(path: string, now: number): string {
  const target = siblingName(path, 'corrupt', now);
  renameSync(path, target);
  return target;
}

/** Copies a file to `<name>.backup-<timestamp><ext>` before it is changed; returns the copy's path. */
export function keepBackup(path: string, now: number): string {
  const target = siblingName(path, 'backup', now);
  copyFileSync(path, target);
  return target;
}

function siblingName(path: string, label: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const extension = extname(path);
  const stem = join(dirname(path), `${basename(path, extension)}.${label}-${stamp}`);
  let target = `${stem}${extension}`;
  for (let copy = 2; existsSync(target); copy++) target = `${stem}-${copy}${extension}`;
  return target;
}
