import { PNG } from 'pngjs';

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** DataFast's orange, as in assets/icon.svg and the window's --accent. */
export const BRAND_COLOR = '#e8451e';

export function hex(color: string, alpha = 255): Rgba {
  const value = Number.parseInt(color.replace('#', ''), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255, a: alpha };
}

/** A small RGBA drawing surface: enough for tray badges and sparklines, no native canvas needed. */
export class PixelCanvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = Buffer.alloc(width * height * 4);
  }

  /** Source-over blending, so translucent strokes and fills combine as on screen. */
  blend(x: number, y: number, color: Rgba): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || color.a === 0) return;
    const i = (Math.floor(y) * this.width + Math.floor(x)) * 4;
    const srcA = color.a / 255;
    const dstA = (this.data[i + 3] ?? 0) / 255;
    const outA = srcA + dstA * (1 - srcA);
    const mix = (src: number, dst: number): number => (outA === 0 ? 0 : Math.round((src * srcA + dst * dstA * (1 - srcA)) / outA));
    this.data[i] = mix(color.r, this.data[i] ?? 0);
    this.data[i + 1] = mix(color.g, this.data[i + 1] ?? 0);
    this.data[i + 2] = mix(color.b, this.data[i + 2] ?? 0);
    this.data[i + 3] = Math.round(outA * 255);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgba): void {
    for (let row = y; row < y + height; row++) for (let column = x; column < x + width; column++) this.blend(column, row, color);
  }

  /** A filled rectangle with corners of `radius`, edge pixels antialiased by coverage. */
  fillRoundedRect(x: number, y: number, width: number, height: number, radius: number, color: Rgba): void {
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        const coverage = cornerCoverage(column, row, width, height, radius);
        if (coverage > 0) this.blend(x + column, y + row, { ...color, a: Math.round(color.a * coverage) });
      }
    }
  }

  line(x0: number, y0: number, x1: number, y1: number, color: Rgba, thickness = 1): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1) * 2;
    const half = Math.floor(thickness / 2);
    const seen = new Set<number>();
    for (let step = 0; step <= steps; step++) {
      const x = Math.round(x0 + ((x1 - x0) * step) / steps);
      const y = Math.round(y0 + ((y1 - y0) * step) / steps);
      for (let dy = -half; dy < thickness - half; dy++) {
        const key = (y + dy) * this.width + x;
        if (seen.has(key)) continue;
        seen.add(key);
        this.blend(x, y + dy, color);
      }
    }
  }

  /** Sets a pixel's coverage, keeping its colour: for cutting shapes out of a fill. */
  setAlpha(x: number, y: number, alpha: number): void {
    this.data[(y * this.width + x) * 4 + 3] = alpha;
  }

  /** Alpha of the pixel at (x, y), for tests and contrast checks. */
  alphaAt(x: number, y: number): number {
    return this.data[(y * this.width + x) * 4 + 3] ?? 0;
  }

  /**
   * Encoded with the Sub filter at moderate compression: for small flat images it is about twice
   * as fast as pngjs's default (level 9, every filter tried per row) for a few hundred bytes more.
   */
  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    this.data.copy(png.data);
    return PNG.sync.write(png, { deflateLevel: 6, filterType: 1 });
  }
}

function cornerCoverage(column: number, row: number, width: number, height: number, radius: number): number {
  const cx = column < radius ? radius : column >= width - radius ? width - radius - 1 : column;
  const cy = row < radius ? radius : row >= height - radius ? height - radius - 1 : row;
  if (cx === column && cy === row) return 1;
  const distance = Math.hypot(column - cx, row - cy);
  return Math.max(0, Math.min(1, radius + 0.5 - distance));
}
