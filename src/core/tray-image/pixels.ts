import { deflateSync } from 'node:zlib';

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
  #lineMarks: Uint32Array | null = null;
  #lineCount = 0;

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
    // Onto nothing, or with nothing showing through: the colour as it is (most pixels of a chart or badge).
    if (color.a === 255 || this.data[i + 3] === 0) {
      this.data[i] = color.r;
      this.data[i + 1] = color.g;
      this.data[i + 2] = color.b;
      this.data[i + 3] = color.a;
      return;
    }
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
    // Each pixel of the stroke is blended once, however many steps land on it: marked with this line's number.
    this.#lineMarks ??= new Uint32Array(this.width * this.height);
    const mark = ++this.#lineCount;
    for (let step = 0; step <= steps; step++) {
      const x = Math.round(x0 + ((x1 - x0) * step) / steps);
      const y = Math.round(y0 + ((y1 - y0) * step) / steps);
      if (x < 0 || x >= this.width) continue;
      for (let dy = -half; dy < thickness - half; dy++) {
        const row = y + dy;
        if (row < 0 || row >= this.height || this.#lineMarks[row * this.width + x] === mark) continue;
        this.#lineMarks[row * this.width + x] = mark;
        this.blend(x, row, color);
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
   * The canvas as a PNG (8-bit RGBA), rows unfiltered, with moderate compression. A tray icon or
   * a menu chart is small and flat: long runs of one colour compress as well unfiltered as with
   * a filter (the menu chart comes out a few bytes smaller), and skipping the filter pass halves
   * the encoding time.
   */
  toPng(): Buffer {
    const { data, width, height } = this;
    const stride = width * 4;
    const rows = new Uint8Array((stride + 1) * height);
    // Each row: filter type 0 (None), then the row's bytes as they are.
    for (let y = 0; y < height; y++) rows.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filtering, no interlace
    return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 3 })), pngChunk('IEND', Buffer.alloc(0))]);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Buffer): number {
  let crc = -1;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'ascii');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

function cornerCoverage(column: number, row: number, width: number, height: number, radius: number): number {
  const cx = column < radius ? radius : column >= width - radius ? width - radius - 1 : column;
  const cy = row < radius ? radius : row >= height - radius ? height - radius - 1 : row;
  if (cx === column && cy === row) return 1;
  const distance = Math.hypot(column - cx, row - cy);
  return Math.max(0, Math.min(1, radius + 0.5 - distance));
}
