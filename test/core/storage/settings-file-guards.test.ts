import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFile, lockSettings, problemMessage, refusalMessage } from '../../../src/core/storage/settings-file-guards';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('the settings file before it is read', () => {
  it('passes a JSON object, and sets aside anything else, saying where it went', () => {
    const path = join(dir.path, 'config.json');
    writeFileSync(path, '{"schemaVersion":5}');
    expect(checkFile(path, 0, () => undefined)).toBeNull();
    writeFileSync(path, '[]');
    const problems: string[] = [];
    const checked = checkFile(path, Date.UTC(2026, 11, 2), (message) => problems.push(message));
    expect(existsSync(path)).toBe(false);
    expect(checked?.setAsideAs).toMatch(/config\.corrupt-2026-12-02T00-00-00-000Z\.json$/);
    expect(problems).toEqual([
      `The settings file could not be read (it is not a settings object); starting with defaults. The old file was kept as ${checked?.setAsideAs}.`,
    ]);
    expect(readdirSync(dir.path)).toHaveLength(1);
  });

  it('says why in words: not JSON, or not a file to use at all', () => {
    expect(problemMessage('/x/aside.json', new SyntaxError('Unexpected token'))).toMatch(/^The settings file could not be read \(it is not valid JSON\)/);
    expect(refusalMessage('config.json is a named pipe (FIFO), not a regular file')).toMatch(
      /It was left as it is; replace it with a regular file \(or remove it\), then start again\./,
    );
  });

  it('lets one writer at a time hold the lock, the next one taking it once it is let go', async () => {
    const path = join(dir.path, 'config.json');
    writeFileSync(path, '{}');
    const release = await lockSettings(path);
    let second = false;
    const waiting = lockSettings(path).then((releaseSecond) => {
      second = true;
      return releaseSecond;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second).toBe(false);
    await release();
    await (
      await waiting
    )();
    expect(second).toBe(true);
  });
});
