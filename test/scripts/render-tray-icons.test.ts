import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SHEET_COUNTS, SHEET_SIZES } from '../../src/core/tray-image/icon-set';
import { tempDir } from '../support/temp';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

describe('scripts/render-tray-icons.mjs', () => {
  const out = tempDir('tray-icons-');
  afterAll(() => out.remove());

  it('writes every count, state and size, and a contact sheet that matches the committed one', async () => {
    await run(process.execPath, ['scripts/render-tray-icons.mjs', out.path], { cwd: ROOT });
    const expected = SHEET_SIZES.flatMap((size) => [
      ...['ok', 'stale'].flatMap((state) => SHEET_COUNTS.map((count) => `${count}-${state}-${size}.png`)),
      ...['error', 'loading', 'empty'].map((state) => `none-${state}-${size}.png`),
    ]);
    expect(readdirSync(out.path).sort()).toEqual([...expected, 'contact-sheet.png'].sort());
    for (const size of SHEET_SIZES) expect(PNG.sync.read(readFileSync(join(out.path, `42-ok-${size}.png`))).width).toBe(size);
    const sheet = PNG.sync.read(readFileSync(join(out.path, 'contact-sheet.png')));
    const committed = PNG.sync.read(readFileSync(join(ROOT, 'assets/tray-icons-contact-sheet.png')));
    expect([sheet.width, sheet.height]).toEqual([committed.width, committed.height]);
    expect(sheet.data.equals(committed.data), 'run npm run build && node scripts/render-tray-icons.mjs OUT and copy contact-sheet.png to assets/').toBe(true);
  }, 30_000);

  it('says how to run it without an output folder', async () => {
    await expect(run(process.execPath, ['scripts/render-tray-icons.mjs'], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage:') as unknown,
    });
  });
});
