import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { iconText, renderTrayIcon, TrayIconCache } from '../../src/core/tray-icon';
import { renderSparkline } from '../../src/core/sparkline';
import type { TrayStatus } from '../../src/core/presenter';

const GOLDEN_DIR = join(__dirname, '..', 'golden', 'tray-icons');
const OUTPUT_DIR = join(__dirname, '..', '..', 'test-results', 'tray-icons');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const CASES: Array<[number | null, TrayStatus]> = [
  [null, 'loading'],
  [7, 'ok'],
  [42, 'ok'],
  [150, 'ok'],
  [1234, 'ok'],
  [56_789, 'stale'],
  [42, 'error'],
  [null, 'error'],
];

describe('icon text', () => {
  it('fits the count to the icon size', () => {
    expect([7, 42, 150, 999, 1000, 1234, 9999, 12_345, 1_250_000].map((n) => iconText(n, 'ok', 16))).toEqual(['7', '42', '99+', '99+', '1k', '1k', '9k', '12k', '1M']);
    expect([7, 42, 150, 999, 1000, 1234, 9999, 12_345, 1_250_000].map((n) => iconText(n, 'ok', 32))).toEqual(['7', '42', '150', '999', '1k', '1.2k', '9.9k', '12k', '1.2M']);
    expect(iconText(null, 'loading', 16)).toBe('—');
    expect(iconText(null, 'error', 16)).toBe('!');
  });
});

describe('tray icon images', () => {
  it.each(CASES.flatMap(([visitors, status]) => [16, 24, 32].map((size) => [visitors, status, size] as const)))(
    'draws %s (%s) at %i px like the golden image',
    (visitors, status, size) => {
      const png = renderTrayIcon(visitors, status, size).toPng();
      const name = `${visitors ?? 'none'}-${status}-${size}.png`;
      mkdirSync(OUTPUT_DIR, { recursive: true });
      writeFileSync(join(OUTPUT_DIR, name), png);
      const golden = join(GOLDEN_DIR, name);
      if (UPDATE || !existsSync(golden)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        if (!UPDATE && process.env['CI'] === 'true') throw new Error(`golden image ${name} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
        writeFileSync(golden, png);
      }
      const expected = PNG.sync.read(readFileSync(golden));
      const actual = PNG.sync.read(png);
      expect([actual.width, actual.height]).toEqual([size, size]);
      expect(actual.data.equals(expected.data)).toBe(true);
    },
  );

  it('puts white ink on the badge, centred, within the icon', () => {
    const canvas = renderTrayIcon(42, 'ok', 16);
    const ink: Array<[number, number]> = [];
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        const i = (y * 16 + x) * 4;
        if (canvas.data[i] === 255 && canvas.data[i + 1] === 255 && canvas.data[i + 2] === 255) ink.push([x, y]);
      }
    }
    const xs = ink.map(([x]) => x);
    const ys = ink.map(([, y]) => y);
    // "42" in the 3×5 font at scale 2 is 14 × 10 px.
    expect(Math.max(...xs) - Math.min(...xs) + 1).toBe(14);
    expect(Math.max(...ys) - Math.min(...ys) + 1).toBe(10);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
    expect(canvas.alphaAt(0, 0)).toBeLessThan(255);
    expect(canvas.alphaAt(8, 8)).toBe(255);
  });

  it('makes stale and error icons look different from fresh ones', () => {
    const pixel = (status: TrayStatus) => [...renderTrayIcon(42, status, 16).data.subarray((8 * 16) * 4, (8 * 16) * 4 + 3)];
    expect(pixel('ok')).not.toEqual(pixel('stale'));
    expect(pixel('ok')).not.toEqual(pixel('error'));
    expect(pixel('stale')).not.toEqual(pixel('error'));
  });

  it('caches images by what they show', () => {
    const cache = new TrayIconCache(3);
    const first = cache.png(42, 'ok', 16);
    expect(cache.png(42, 'ok', 16)).toBe(first);
    expect(cache.png(42, 'loading', 16)).toBe(first);
    cache.png(150, 'ok', 16);
    expect(cache.png(151, 'ok', 16)).toBe(cache.png(150, 'ok', 16));
    expect(cache.size).toBe(2);
    cache.png(1, 'ok', 16);
    cache.png(2, 'ok', 16);
    expect(cache.size).toBe(3);
  });
});

describe('sparkline', () => {
  it('draws the last hour with the peak near the top, and nothing without data', () => {
    const from = 0;
    const to = 3_600_000;
    const points = Array.from({ length: 60 }, (_, minute) => ({ at: minute * 60_000, visitors: minute === 30 ? 100 : 10 }));
    const canvas = renderSparkline(points, from, to, 120, 24);
    expect(canvas).not.toBeNull();
    const column = Math.round((30 / 60) * 119);
    const topmost = Array.from({ length: 24 }, (_, y) => y).find((y) => canvas!.alphaAt(column, y) > 200);
    expect(topmost).toBeLessThanOrEqual(2);
    const quiet = Array.from({ length: 24 }, (_, y) => y).find((y) => canvas!.alphaAt(10, y) > 200);
    expect(quiet).toBeGreaterThan(18);
    expect(renderSparkline(points.slice(0, 1), from, to, 120, 24)).toBeNull();
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'sparkline.png'), canvas!.toPng());
  });
});
