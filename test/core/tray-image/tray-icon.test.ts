import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { PixelCanvas } from '../../../src/core/tray-image/pixels';
import type { ReadingStatus } from '../../../src/shared/settings-shapes';
import { renderSparkline } from '../../../src/core/readings/sparkline';
import { SHEET_COUNTS, SHEET_SIZES, trayIconSet } from '../../../src/core/tray-image/icon-set';
import { dogEarSize, iconText, inkMargin, layoutIconText, renderTrayIcon, SALE_FILL, TRAY_FILL, TrayIconCache } from '../../../src/core/tray-image/tray-icon';
import { contrastRatio, inkBox, inkMask, isInk } from '../../support/tray-pixels';
import { inRepo } from '../../support/repo-paths';

const GOLDEN_DIR = inRepo('test', 'golden', 'tray-icons');
const OUTPUT_DIR = inRepo('test-results', 'tray-icons');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const ICONS = trayIconSet();

const GOLDEN_CASES: Array<[number | null, ReadingStatus]> = [
  [7, 'ok'],
  [42, 'ok'],
  [150, 'ok'],
  [1234, 'ok'],
  [56_789, 'stale'],
  [42, 'error'],
  [null, 'error'],
  [null, 'loading'],
  [null, 'empty'],
];

describe('icon text', () => {
  const counts = [7, 42, 150, 999, 1000, 1234, 9999, 12_345, 250_000, 1_250_000];

  it('fits the count to the pixels the icon has: three characters below 24 px, four from there', () => {
    expect(counts.map((n) => iconText(n, 'ok', 16))).toEqual(['7', '42', '99+', '99+', '1k', '1k', '9k', '12k', '<1M', '1M']);
    expect(counts.map((n) => iconText(n, 'ok', 20))).toEqual(['7', '42', '150', '999', '1k', '1k', '9k', '12k', '<1M', '1M']);
    expect(counts.map((n) => iconText(n, 'ok', 32))).toEqual(['7', '42', '150', '999', '1k', '1.2k', '9.9k', '12k', '250k', '1.2M']);
  });

  it('marks the states without a count, and a failed read, with a shape of their own', () => {
    expect(iconText(null, 'loading', 16)).toBe('…');
    expect(iconText(null, 'error', 16)).toBe('!');
    expect(iconText(null, 'empty', 16)).toBe('+');
    expect(iconText(42, 'error', 24)).toBe('!42');
    expect(iconText(42, 'stale', 24)).toBe('42');
  });
});

describe('tray icon geometry', () => {
  it.each(ICONS.map((icon) => [icon.name, icon] as const))('%s keeps every glyph inside its margin, on the badge', (_name, icon) => {
    const { canvas, sizePx } = icon;
    const margin = inkMargin(sizePx);
    const box = inkBox(canvas);
    expect(box, 'the icon shows no text').not.toBeNull();
    expect(box!.left).toBeGreaterThanOrEqual(margin);
    expect(box!.top).toBeGreaterThanOrEqual(margin);
    expect(box!.right).toBeLessThanOrEqual(sizePx - margin);
    expect(box!.bottom).toBeLessThanOrEqual(sizePx - margin);
    // Nothing clipped: every glyph's whole mask lies inside the margin as laid out.
    const layout = layoutIconText(icon.visitors, icon.status, sizePx)!;
    for (const { glyph, x, y } of layout.glyphs) {
      expect(x).toBeGreaterThanOrEqual(margin);
      expect(y).toBeGreaterThanOrEqual(margin);
      expect(x + glyph.width).toBeLessThanOrEqual(sizePx - margin);
      expect(y + glyph.height).toBeLessThanOrEqual(sizePx - margin);
    }
    // Ink never falls on a transparent or half-covered pixel (the corners, a stale icon's fold).
    for (let y = 0; y < sizePx; y++) for (let x = 0; x < sizePx; x++) if (isInk(canvas, x, y)) expect(canvas.alphaAt(x, y)).toBe(255);
  });

  it.each(Object.entries(TRAY_FILL))('white text on the %s badge has a contrast of at least 4.5:1', (status, fill) => {
    const canvas = renderTrayIcon(status === 'empty' || status === 'loading' ? null : 42, status as ReadingStatus, 24);
    const centreLeft = 12 * 4;
    const badge = canvas.data.subarray(centreLeft, centreLeft + 3);
    expect([...badge]).toEqual([Number.parseInt(fill.slice(1, 3), 16), Number.parseInt(fill.slice(3, 5), 16), Number.parseInt(fill.slice(5, 7), 16)]);
    expect(contrastRatio(fill, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('turns a fresh badge green while a sale is marked, white text still at least 4.5:1, and leaves stale and failing badges as they are', () => {
    const fillOf = (canvas: { data: Buffer }): number[] => [...canvas.data.subarray(12 * 4, 12 * 4 + 3)];
    expect(fillOf(renderTrayIcon(42, 'ok', 24, true))).toEqual([0x15, 0x80, 0x3d]);
    expect(contrastRatio(SALE_FILL, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(fillOf(renderTrayIcon(42, 'stale', 24, true))).toEqual(fillOf(renderTrayIcon(42, 'stale', 24)));
    expect(fillOf(renderTrayIcon(42, 'error', 24, true))).toEqual(fillOf(renderTrayIcon(42, 'error', 24)));
    const cache = new TrayIconCache();
    expect(cache.png(42, 'ok', 24, true).equals(cache.png(42, 'ok', 24))).toBe(false);
  });

  it.each(SHEET_SIZES.map((size) => [size]))('draws one digit at %i px centred and at its own proportions, not stretched to the edges', (size) => {
    for (const digit of [1, 7, 9]) {
      const box = inkBox(renderTrayIcon(digit, 'ok', size))!;
      const height = box.bottom - box.top;
      const width = box.right - box.left;
      expect(Math.abs((box.left + box.right) / 2 - size / 2)).toBeLessThanOrEqual(1);
      expect(Math.abs((box.top + box.bottom) / 2 - size / 2)).toBeLessThanOrEqual(1);
      expect(height).toBeLessThanOrEqual(Math.ceil(size * 0.7));
      expect(height / width).toBeGreaterThan(1.3);
    }
  });

  it('draws every count of the contact sheet in a face that fits, never the fallback', () => {
    for (const icon of ICONS) {
      const layout = layoutIconText(icon.visitors, icon.status, icon.sizePx)!;
      expect(layout.glyphs.length, icon.name).toBe(Array.from(iconText(icon.visitors, icon.status, icon.sizePx)).length);
    }
  });

  it.each(SHEET_SIZES.map((size) => [size]))('tells the states apart by shape at %i px, not by colour alone', (size) => {
    const alphaOf = (canvas: PixelCanvas): number[] => Array.from({ length: size * size }, (_, i) => canvas.data[i * 4 + 3] ?? 0);
    // Stale: the badge's top-right corner is folded away.
    const fold = dogEarSize(size);
    expect(fold).toBeGreaterThanOrEqual(4);
    expect(renderTrayIcon(42, 'stale', size).alphaAt(size - fold + 1, 1)).toBe(0);
    expect(renderTrayIcon(42, 'ok', size).alphaAt(size - fold + 1, 1)).toBe(255);
    expect(alphaOf(renderTrayIcon(42, 'stale', size))).not.toEqual(alphaOf(renderTrayIcon(42, 'ok', size)));
    // Error, loading and no-websites carry different marks; a failed read keeps its count beside `!`.
    const marks = (['error', 'loading', 'empty'] as const).map((status) => inkMask(renderTrayIcon(null, status, size)).join(''));
    expect(new Set(marks).size).toBe(3);
    expect(inkMask(renderTrayIcon(42, 'error', size)).join('')).not.toEqual(inkMask(renderTrayIcon(42, 'ok', size)).join(''));
  });

  it.each(GOLDEN_CASES.flatMap(([visitors, status]) => SHEET_SIZES.map((size) => [visitors, status, size] as const)))(
    'draws %s (%s) at %i px like the reviewed golden image',
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
});

describe('tray icon cache', () => {
  it('makes each image once, keyed by what it shows', () => {
    const cache = new TrayIconCache(3);
    const first = cache.png(42, 'ok', 16);
    expect(cache.png(42, 'ok', 16)).toBe(first);
    cache.png(150, 'ok', 16);
    expect(cache.png(151, 'ok', 16)).toBe(cache.png(150, 'ok', 16));
    expect(cache.png(42, 'stale', 16)).not.toBe(first);
    expect(cache.size).toBe(3);
    cache.png(1, 'ok', 16);
    expect(cache.size).toBe(3);
  });

  it('covers every count of the sheet with its own image per size', () => {
    const cache = new TrayIconCache(1000);
    for (const count of SHEET_COUNTS) for (const size of SHEET_SIZES) cache.png(count, 'ok', size);
    const distinct = new Set(SHEET_SIZES.flatMap((size) => SHEET_COUNTS.map((count) => `${iconText(count, 'ok', size)}|${size}`)));
    expect(cache.size).toBe(distinct.size);
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
