import { hex, PixelCanvas, type Rgba } from './pixels';
import type { ReadingStatus } from '../../shared/settings-shapes';
import { facesFor } from './glyph-atlas';
import { fitText, type InkBox, type TextLayout } from './typeset';

/** Marks for the states without a count: a person tells them apart by shape, not by colour. */
export const TRAY_MARKS = { error: '!', loading: '…', empty: '+' } as const;

/**
 * The count as it fits: every form has at most 3 characters below 24 px (`42`, `150`, `12k`,
 * `1M`, `<1M` where `999k` would be too small to read; at 16 px `99+` for three digits)
 * and at most 4 from 24 px (`1.2k`, `999k`, `1.2M`).
 */
function compactCount(visitors: number, sizePx: number): string {
  const tiny = sizePx < 20;
  const tenths = sizePx >= 24;
  if (visitors < 100) return String(visitors);
  if (visitors < 1000) return tiny ? '99+' : String(visitors);
  if (!tenths && visitors >= 100_000 && visitors < 1_000_000) return '<1M';
  const [value, unit] = visitors < 1_000_000 ? [visitors / 1000, 'k'] : [visitors / 1_000_000, 'M'];
  if (value >= 10 || !tenths) return `${Math.min(999, Math.floor(value))}${unit}`;
  const rounded = Math.floor(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}${unit}`;
}

/**
 * What the icon says: the compact count, `!42` when the last read failed (as the macOS title's
 * `⚠ 42`), or a mark when there is no count: `!` error, `…` loading, `+` no websites yet.
 */
export function iconText(visitors: number | null, status: ReadingStatus, sizePx: number): string {
  if (status === 'empty') return TRAY_MARKS.empty;
  if (visitors === null) return status === 'error' ? TRAY_MARKS.error : TRAY_MARKS.loading;
  const count = compactCount(visitors, sizePx);
  return status === 'error' ? `${TRAY_MARKS.error}${count}` : count;
}

/**
 * Badge colours. White text on each has a contrast of at least 4.5:1 (WCAG AA); the brand's own
 * orange (#e8451e) reaches only 3.9:1, so the tray uses its darker shade.
 */
export const TRAY_FILL: Readonly<Record<ReadingStatus, string>> = {
  ok: '#c2410c',
  loading: '#c2410c',
  stale: '#666666',
  empty: '#666666',
  error: '#b3261e',
};

/** A fresh count's badge while a new sale is marked: green, which no other state uses (5.0:1 with white). */
export const SALE_FILL = '#15803d';

/** The badge colour: green for a fresh count with a sale marked; stale and failing keep theirs, which matter more. */
export function badgeFill(status: ReadingStatus, sale: boolean): string {
  return sale && status === 'ok' ? SALE_FILL : TRAY_FILL[status];
}

const INK = hex('#ffffff');

/** Clear space between the text's ink and the icon's edge. */
export function inkMargin(sizePx: number): number {
  return Math.max(1, Math.round(sizePx / 16));
}

/** A stale badge has its top-right corner folded away (a dog-ear): old news, told by shape. */
export function dogEarSize(sizePx: number): number {
  return Math.round(sizePx * 0.28);
}

function insideDogEar(x: number, y: number, sizePx: number): number {
  return sizePx - 1 - x + y - dogEarSize(sizePx);
}

function fitsIcon(status: ReadingStatus, sizePx: number): (ink: InkBox) => boolean {
  const margin = inkMargin(sizePx);
  return (ink) =>
    ink.left >= margin &&
    ink.top >= margin &&
    ink.right <= sizePx - margin &&
    ink.bottom <= sizePx - margin &&
    // The ink's top-right corner keeps a pixel clear of the fold.
    (status !== 'stale' || insideDogEar(ink.right - 1, ink.top, sizePx) >= 1);
}

/** The text laid out in the largest face that fits the icon's margins (and misses a stale fold). */
export function layoutIconText(visitors: number | null, status: ReadingStatus, sizePx: number): TextLayout | null {
  return fitText(iconText(visitors, status, sizePx), facesFor(sizePx), sizePx, fitsIcon(status, sizePx));
}

function drawBadge(canvas: PixelCanvas, status: ReadingStatus, fill: string): void {
  const size = canvas.width;
  canvas.fillRoundedRect(0, 0, size, size, Math.max(2, Math.round(size / 5)), hex(fill));
  if (status !== 'stale') return;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = insideDogEar(x, y, size);
      // The fold's edge is half covered, so the diagonal reads smooth rather than stepped.
      if (distance < 0) canvas.setAlpha(x, y, 0);
      else if (distance === 0) canvas.setAlpha(x, y, Math.round(canvas.alphaAt(x, y) / 2));
    }
  }
}

function drawText(canvas: PixelCanvas, layout: TextLayout, ink: Rgba): void {
  for (const { glyph, x, y } of layout.glyphs) {
    for (let row = 0; row < glyph.height; row++) {
      for (let column = 0; column < glyph.width; column++) {
        const coverage = glyph.alpha[row * glyph.width + column] ?? 0;
        if (coverage > 0) canvas.blend(x + column, y + row, { ...ink, a: Math.round((ink.a * coverage) / 255) });
      }
    }
  }
}

/**
 * A square tray icon of `sizePx` (Windows and Linux trays show no title): the count in white in
 * a real typeface on a coloured badge; orange when fresh, grey with a folded corner when stale,
 * red with `!` when the last read failed. RGBA pixels.
 */
export function renderTrayIcon(visitors: number | null, status: ReadingStatus, sizePx: number, sale = false): PixelCanvas {
  const canvas = new PixelCanvas(sizePx, sizePx);
  drawBadge(canvas, status, badgeFill(status, sale));
  const layout = layoutIconText(visitors, status, sizePx);
  if (layout) drawText(canvas, layout, INK);
  return canvas;
}

/** Tray images cost a render and an encode; counts repeat, so each image is made once. */
export class TrayIconCache {
  readonly #images = new Map<string, Buffer>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  png(visitors: number | null, status: ReadingStatus, sizePx: number, sale = false): Buffer {
    const key = `${iconText(visitors, status, sizePx)}|${badgeFill(status, sale)}|${status === 'stale'}|${sizePx}`;
    let png = this.#images.get(key);
    if (!png) {
      png = renderTrayIcon(visitors, status, sizePx, sale).toPng();
      if (this.#images.size >= this.#limit) {
        const oldest = this.#images.keys().next().value;
        if (oldest !== undefined) this.#images.delete(oldest);
      }
      this.#images.set(key, png);
    }
    return png;
  }

  get size(): number {
    return this.#images.size;
  }
}
