import type { PixelCanvas } from '../../src/core/tray-image/pixels';

/** The badge's colour: the most common fully opaque colour in the icon. */
function badgeMinimum(canvas: PixelCanvas): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < canvas.width * canvas.height; i++) {
    if (canvas.data[i * 4 + 3] !== 255) continue;
    const minimum = Math.min(canvas.data[i * 4] ?? 0, canvas.data[i * 4 + 1] ?? 0, canvas.data[i * 4 + 2] ?? 0);
    counts.set(minimum, (counts.get(minimum) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Text ink: a pixel clearly lighter than the badge (white text, anti-aliased edges included). */
export function isInk(canvas: PixelCanvas, x: number, y: number, badge = badgeMinimum(canvas)): boolean {
  const i = (y * canvas.width + x) * 4;
  return Math.min(canvas.data[i] ?? 0, canvas.data[i + 1] ?? 0, canvas.data[i + 2] ?? 0) - badge > 24;
}

export function inkMask(canvas: PixelCanvas): number[] {
  const badge = badgeMinimum(canvas);
  return Array.from({ length: canvas.width * canvas.height }, (_, i) => (isInk(canvas, i % canvas.width, Math.floor(i / canvas.width), badge) ? 1 : 0));
}

/** The bounding box of the ink, right and bottom exclusive; null without ink. */
export function inkBox(canvas: PixelCanvas): { left: number; top: number; right: number; bottom: number } | null {
  const mask = inkMask(canvas);
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  mask.forEach((lit, i) => {
    if (!lit) return;
    const x = i % canvas.width;
    const y = Math.floor(i / canvas.width);
    box = box
      ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x + 1), bottom: Math.max(box.bottom, y + 1) }
      : { left: x, top: y, right: x + 1, bottom: y + 1 };
  });
  return box;
}

function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
