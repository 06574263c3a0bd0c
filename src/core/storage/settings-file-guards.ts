// The settings file's lock, and the checks made before conf reads it, for the settings repository.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { errnoCode, errorMessage } from '../datafast/errors';
import { setAside } from './quarantine';
import { isObject } from './settings-repair';

const LOCK_OPTIONS = { realpath: false, stale: 10_000, retries: 0 } as const;
const LOCK_ATTEMPTS = 50;

/**
 * Takes the settings lock, waiting (10 ms, growing to 200 ms, about 8 s in all) while another
 * writer holds it. Any other failure, such as a folder this user may not write, is final at
 * once: proper-lockfile's own retries would spend those 8 s on it too.
 */
export async function lockSettings(path: string): Promise<() => Promise<void>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lockfile.lock(path, LOCK_OPTIONS);
    } catch (error) {
      if (errnoCode(error) !== 'ELOCKED' || attempt >= LOCK_ATTEMPTS) throw error;
      await sleep(Math.min(200, 10 * 1.3 ** attempt));
    }
  }
}

export function refusalMessage(reason: string): string {
  return `The settings file cannot be used: ${reason}. It was left as it is; replace it with a regular file (or remove it), then start again. Until then no settings are read or saved.`;
}

/**
 * Sets a file that is not a JSON object aside (saying where it went), or says why a file that
 * cannot be read at all is refused.
 */
export function checkFile(path: string, now: number, onProblem: (message: string) => void): { refusal?: string; setAsideAs?: string } | null {
  try {
    // conf would turn a list (`[]`) into an empty object: no settings, silently.
    if (!isObject(JSON.parse(readFileSync(path, 'utf8')))) throw new Error('it is not a settings object');
    return null;
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        refusal: `The settings file ${path} cannot be read: permission denied. It was left as it is; give your user access to it (or remove it), then start again.`,
      };
    }
    const setAsideAs = setAside(path, now);
    onProblem(problemMessage(setAsideAs, error));
    return { setAsideAs };
  }
}

export function problemMessage(aside: string, error: unknown): string {
  const reason =
    error instanceof SyntaxError
      ? 'it is not valid JSON'
      : error instanceof Error && 'issues' in error
        ? 'it does not match the settings format'
        : errorMessage(error);
  return `The settings file could not be read (${reason}); starting with defaults. The old file was kept as ${aside}.`;
}
