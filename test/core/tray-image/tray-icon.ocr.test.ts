import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SHEET_COUNT_STATES, SHEET_COUNTS } from '../../../src/core/tray-image/icon-set';
import { iconText, renderTrayIcon } from '../../../src/core/tray-image/tray-icon';
import { tempDir } from '../../support/temp';

const run = promisify(execFile);
const CONVERT = '/usr/bin/convert';
const TESSERACT = '/usr/bin/tesseract';
const missing = [CONVERT, TESSERACT].filter((tool) => !existsSync(tool));
// Required where CI installs them: this machine's .ci/run and the Linux job of the workflow.
const required = process.env['CI'] === 'true' && process.platform === 'linux';
if (missing.length > 0 && !required)
  console.warn(`tray icon read-back skipped: ${missing.join(', ')} not installed (apt-get install imagemagick tesseract-ocr)`);

/**
 * Reads an icon back the way an eye meets it: enlarged smoothly, as light text on the badge turned
 * into dark text on white (tesseract reads dark on light), with room around it.
 */
async function readBack(png: Buffer, folder: string, name: string): Promise<string> {
  const source = join(folder, name);
  const enlarged = join(folder, `large-${name}`);
  writeFileSync(source, png);
  await run(CONVERT, [
    source,
    '-background',
    'black',
    '-flatten',
    '-colorspace',
    'gray',
    '-level',
    '45%,95%',
    '-negate',
    '-resize',
    '400%',
    '-bordercolor',
    'white',
    '-border',
    '24',
    enlarged,
  ]);
  const { stdout } = await run(TESSERACT, [enlarged, '-', '--psm', '7', '-c', 'tessedit_char_whitelist=0123456789.kM+<']);
  return stdout.replace(/\s/g, '');
}

describe.skipIf(missing.length > 0 && !required)('tray icons read back by a text recogniser', () => {
  const folder = tempDir('tray-ocr-');
  afterAll(() => folder.remove());

  it('has its tools in CI', () => {
    expect(missing).toEqual([]);
  });

  const cases = [24, 32].flatMap((size) => SHEET_COUNT_STATES.flatMap((status) => SHEET_COUNTS.map((count) => [count, status, size] as const)));
  it.each(cases)('reads %i (%s) at %i px as the text drawn', async (count, status, size) => {
    const drawn = iconText(count, status, size);
    expect(await readBack(renderTrayIcon(count, status, size).toPng(), folder.path, `${count}-${status}-${size}.png`)).toBe(drawn);
  });

  const saleCases = [24, 32].flatMap((size) => SHEET_COUNTS.map((count) => [count, size] as const));
  it.each(saleCases)('reads %i on the green sale badge at %i px as the text drawn', async (count, size) => {
    const drawn = iconText(count, 'ok', size);
    expect(await readBack(renderTrayIcon(count, 'ok', size, true).toPng(), folder.path, `${count}-sale-${size}.png`)).toBe(drawn);
  });
});
