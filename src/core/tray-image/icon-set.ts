import { hex, PixelCanvas } from './pixels';
import type { ReadingStatus } from '../../shared/settings-shapes';
import { renderTrayIcon } from './tray-icon';

/** Counts that exercise every compact form: one digit, two, three, `99+`, `1.2k`, `12k`, `1.2M`. */
export const SHEET_COUNTS = [0, 1, 7, 9, 10, 42, 99, 100, 150, 999, 1000, 1234, 9999, 12_345, 56_789, 999_999, 1_234_567] as const;
export const SHEET_COUNT_STATES = ['ok', 'stale'] as const satisfies readonly ReadingStatus[];
export const SHEET_MARK_STATES = ['error', 'loading', 'empty'] as const satisfies readonly ReadingStatus[];
export const SHEET_SIZES = [16, 20, 24, 32] as const;

export interface SheetIcon {
  /** `<count>-<state>-<size>.png`, or `none-<state>-<size>.png` for the states without a count. */
  readonly name: string;
  readonly visitors: number | null;
  readonly status: ReadingStatus;
  readonly sizePx: number;
  readonly canvas: PixelCanvas;
}

function icon(visitors: number | null, status: ReadingStatus, sizePx: number): SheetIcon {
  return { name: `${visitors ?? 'none'}-${status}-${sizePx}.png`, visitors, status, sizePx, canvas: renderTrayIcon(visitors, status, sizePx) };
}

/** Every icon a person should look at, size by size: counts fresh and stale, then the marks. */
export function trayIconSet(): SheetIcon[] {
  return SHEET_SIZES.flatMap((size) => [
    ...SHEET_COUNT_STATES.flatMap((status) => SHEET_COUNTS.map((count) => icon(count, status, size))),
    ...SHEET_MARK_STATES.map((status) => icon(null, status, size)),
  ]);
}

const PANELS = [hex('#f3f3f3'), hex('#1f1f1f')] as const;
const GAP = 16;

/**
 * All icons enlarged `scale` times (nearest neighbour, so every pixel shows), on a light panel
 * and below it on a dark one. A row per size and state: the counts in `SHEET_COUNTS` order, the
 * marks (error, loading, no websites) at the end of each size's first row.
 */
export function contactSheet(icons: readonly SheetIcon[], scale = 8): PixelCanvas {
  const rows = SHEET_SIZES.flatMap((size) =>
    SHEET_COUNT_STATES.map((status, index) =>
      icons.filter((entry) => entry.sizePx === size && (entry.status === status || (index === 0 && entry.visitors === null))),
    ),
  );
  const cell = (row: readonly SheetIcon[]): number => (row[0]?.sizePx ?? 0) * scale + GAP;
  const width = Math.max(...rows.map((row) => row.length * cell(row))) + GAP;
  const blockHeight = rows.reduce((sum, row) => sum + cell(row), 0) + GAP;
  const sheet = new PixelCanvas(width, blockHeight * PANELS.length);
  PANELS.forEach((panel, block) => {
    sheet.fillRect(0, block * blockHeight, width, blockHeight, panel);
    let top = block * blockHeight + GAP;
    for (const row of rows) {
      row.forEach((entry, column) => drawEnlarged(sheet, entry.canvas, GAP + column * cell(row), top, scale));
      top += cell(row);
    }
  });
  return sheet;
}

function drawEnlarged(sheet: PixelCanvas, image: PixelCanvas, left: number, top: number, scale: number): void {
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const color = { r: image.data[i] ?? 0, g: image.data[i + 1] ?? 0, b: image.data[i + 2] ?? 0, a: image.data[i + 3] ?? 0 };
      sheet.fillRect(left + x * scale, top + y * scale, scale, scale, color);
    }
  }
}
