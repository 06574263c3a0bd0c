import { BRAND_COLOR, hex, PixelCanvas } from '../tray-image/pixels';

export interface SparklinePoint {
  readonly at: number;
  readonly visitors: number;
}

/** The last hour as a small line chart for the tray menu; null when there is nothing to draw. */
export function renderSparkline(points: readonly SparklinePoint[], from: number, to: number, width: number, height: number): PixelCanvas | null {
  if (points.length < 2 || to <= from) return null;
  const canvas = new PixelCanvas(width, height);
  const peak = Math.max(1, ...points.map((point) => point.visitors));
  const x = (at: number): number => Math.round(((at - from) / (to - from)) * (width - 1));
  const y = (visitors: number): number => Math.round(height - 2 - (visitors / peak) * (height - 3));
  const fill = hex(BRAND_COLOR, 60);
  const stroke = hex(BRAND_COLOR);
  for (let index = 1; index < points.length; index++) {
    const previous = points[index - 1];
    const point = points[index];
    if (!previous || !point) continue;
    const x0 = x(previous.at);
    const x1 = x(point.at);
    // Each column is filled once: a segment stops short of where the next one starts.
    const last = index === points.length - 1 ? x1 : x1 - 1;
    for (let column = x0; column <= last; column++) {
      const t = x1 === x0 ? 1 : (column - x0) / (x1 - x0);
      const top = Math.round(y(previous.visitors) + (y(point.visitors) - y(previous.visitors)) * t);
      canvas.fillRect(column, top + 1, 1, height - top - 1, fill);
    }
    canvas.line(x0, y(previous.visitors), x1, y(point.visitors), stroke, Math.max(1, Math.round(height / 16)));
  }
  return canvas;
}
