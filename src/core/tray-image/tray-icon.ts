import { forEachLitPixel, GLYPH_HEIGHT, textWidth } from './pixel-font';
import { BRAND_COLOR, hex, PixelCanvas } from './pixels';
import type { TrayStatus } from './presenter';

/** The count as it fits a square icon of `sizePx`: `42`, `999`, `99+`, `1.2k`, `12k`, `1.2M`. */
export function iconText(visitors: number | null, status: TrayStatus, sizePx: number): string {
  if (visitors === null) return status === 'error' ? '!' : '—';
  const small = sizePx < 24;
  if (visitors < 100) return String(visitors);
  if (visitors < 1000) return small ? '99+' : String(visitors);
  const [value, unit] = visitors < 1_000_000 ? [visitors / 1000, 'k'] : [visitors / 1_000_000, 'M'];
  if (value >= 10 || small) return `${Math.min(999, Math.floor(value))}${unit}`;
  const tenths = Math.floor(value * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}${unit}`;
}

const BACKGROUND: Record<TrayStatus, string> = {
  ok: BRAND_COLOR,
  loading: BRAND_COLOR,
  empty: '#7a7a7a',
  stale: '#7a7a7a',
  error: '#b3261e',
};

/**
 * A square tray icon of `sizePx` with the count drawn in: white on the brand colour, grey when
 * stale, dark red on error, so each reads on light and dark panels alike. RGBA pixels.
 */
export function renderTrayIcon(visitors: number | null, status: TrayStatus, sizePx: number): PixelCanvas {
  const canvas = new PixelCanvas(sizePx, sizePx);
  const radius = Math.max(2, Math.round(sizePx / 5));
  canvas.fillRoundedRect(0, 0, sizePx, sizePx, radius, hex(BACKGROUND[status]));
  const text = iconText(visitors, status, sizePx);
  const inner = sizePx - 2;
  const width = textWidth(text);
  const scaleX = Math.max(1, Math.floor(inner / width));
  const scaleY = Math.max(scaleX, Math.min(Math.floor(inner / GLYPH_HEIGHT), Math.ceil(scaleX * 1.5)));
  const left = Math.floor((sizePx - width * scaleX) / 2);
  const top = Math.floor((sizePx - GLYPH_HEIGHT * scaleY) / 2);
  const ink = hex('#ffffff');
  forEachLitPixel(text, (x, y) => canvas.fillRect(left + x * scaleX, top + y * scaleY, scaleX, scaleY, ink));
  return canvas;
}

/** Tray images cost a render and an encode; counts repeat, so each image is made once. */
export class TrayIconCache {
  readonly #images = new Map<string, Buffer>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  png(visitors: number | null, status: TrayStatus, sizePx: number): Buffer {
    const key = `${iconText(visitors, status, sizePx)}|${status === 'loading' ? 'ok' : status}|${sizePx}`;
    let png = this.#images.get(key);
    if (!png) {
      png = renderTrayIcon(visitors, status, sizePx).toPng();
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
