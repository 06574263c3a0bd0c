import { join, resolve } from 'node:path';

/** The repository's root, wherever in the test tree a test file sits. */
export const REPO_ROOT = resolve(__dirname, '../..');

/** A path inside the repository: `inRepo('test', 'fixtures', 'settings-v1.json')`. */
export function inRepo(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}
