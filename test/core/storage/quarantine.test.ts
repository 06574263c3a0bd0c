import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepBackup, setAside } from '../../../src/core/storage/quarantine';
import { tempDir } from '../../support/temp';

const NOW = Date.UTC(2026, 11, 2, 9, 30, 15, 250);
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('files kept aside', () => {
  it('moves a damaged file beside itself with the time in its name, and never over an earlier one', () => {
    const path = join(dir.path, 'config.json');
    writeFileSync(path, 'first');
    const first = setAside(path, NOW);
    writeFileSync(path, 'second');
    const second = setAside(path, NOW);
    expect(first).toBe(join(dir.path, 'config.corrupt-2026-12-02T09-30-15-250Z.json'));
    expect(second).toBe(join(dir.path, 'config.corrupt-2026-12-02T09-30-15-250Z-2.json'));
    expect([readFileSync(first, 'utf8'), readFileSync(second, 'utf8')]).toEqual(['first', 'second']);
    expect(existsSync(path)).toBe(false);
  });

  it('copies a file it is about to change, leaving the original in place', () => {
    const path = join(dir.path, 'config.json');
    writeFileSync(path, '{"a":1}');
    const copy = keepBackup(path, NOW);
    expect(readdirSync(dir.path).sort()).toEqual(['config.backup-2026-12-02T09-30-15-250Z.json', 'config.json']);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(path, 'utf8'));
  });
});
