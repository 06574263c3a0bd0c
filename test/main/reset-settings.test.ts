import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetSettings } from '../../src/main/reset-settings';
import { tempDir } from '../support/temp';

describe('reset settings', () => {
  it('keeps the settings file beside itself, never deleted, then starts the app again', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'config.json'), '{"broken": true');
      let restarts = 0;
      const copy = resetSettings({ directory: dir.path, now: () => Date.UTC(2026, 11, 2, 9, 0, 0), restart: () => void (restarts += 1) });
      expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
      expect(copy).not.toBeNull();
      expect(readFileSync(copy ?? '', 'utf8')).toBe('{"broken": true');
      expect(readdirSync(dir.path)).toEqual([expect.stringMatching(/^config\.corrupt-2026-12-02T09-00-00/) as unknown]);
      expect(restarts).toBe(1);
    } finally {
      dir.remove();
    }
  });

  it('starts again on defaults when there was no file to keep', () => {
    const dir = tempDir();
    try {
      let restarts = 0;
      expect(resetSettings({ directory: dir.path, now: () => 0, restart: () => void (restarts += 1) })).toBeNull();
      expect(restarts).toBe(1);
    } finally {
      dir.remove();
    }
  });
});
