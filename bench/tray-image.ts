/**
 * What a tray image costs on Windows and Linux: a count never shown before (four sizes composed
 * from the glyph atlas and PNG-encoded), one shown before (a cache hit), and, for comparison, the
 * same text rasterised at run time by resvg from the font's outlines, the alternative the atlas
 * replaces.
 */
import { performance } from 'node:perf_hooks';
import { Resvg } from '@resvg/resvg-js';
import { TrayIconCache } from '../src/core/tray-image/tray-icon';
import { renderSparkline } from '../src/core/readings/sparkline';

const SIZES = [16, 20, 24, 32] as const;

function perCall(iterations: number, body: (i: number) => void): number {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) body(i);
  return ((performance.now() - started) * 1000) / iterations;
}

/** The alternative: resvg lays out and rasterises the text from the font file for every new count. */
function resvgPerCount(iterations: number): number {
  const font = { fontFiles: ['assets/fonts/RobotoCondensed-Bold-tray.ttf'], loadSystemFonts: false, defaultFontFamily: 'Roboto Condensed' };
  return perCall(iterations, (i) => {
    for (const size of SIZES) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${size / 5}" fill="#c2410c"/><text x="50%" y="72%" text-anchor="middle" font-size="${size * 0.55}" font-weight="bold" fill="#fff">${100 + (i % 900)}</text></svg>`;
      new Resvg(svg, { font }).render().asPng();
    }
  });
}

export function benchTrayImage(): void {
  const cache = new TrayIconCache(100_000);
  for (const size of SIZES) cache.png(1, 'ok', size); // decode the atlas once, as the app does at its first image
  let next = 100;
  const fresh = perCall(800, () => {
    next += 1;
    for (const size of SIZES) cache.png(next, 'ok', size);
  });
  const hit = perCall(20_000, (i) => {
    for (const size of SIZES) cache.png(101 + (i % 100), 'ok', size);
  });
  const resvg = resvgPerCount(300);
  console.log(`tray image, new count (4 sizes from the glyph atlas, PNG-encoded): ${fresh.toFixed(0)} µs; cached count: ${hit.toFixed(2)} µs`);
  console.log(`tray image, new count rasterised at run time by resvg instead (4 sizes): ${resvg.toFixed(0)} µs`);
  // The menu's last-hour chart as the shell draws it: 120 readings, at 1x and 2x, PNG-encoded.
  const now = Date.UTC(2026, 10, 2, 10, 0, 0);
  const points = Array.from({ length: 120 }, (_, i) => ({ at: now - 60 * 60_000 + i * 30_000, visitors: 30 + Math.round(20 * Math.sin(i / 9)) }));
  const drawSparkline = (): void => {
    for (const scale of [1, 2]) renderSparkline(points, now - 60 * 60_000, now, 120 * scale, 24 * scale)?.toPng();
  };
  perCall(50, drawSparkline); // as in the app, where it is drawn again and again
  const sparkline = perCall(300, drawSparkline);
  console.log(`sparkline, one drawing (1x and 2x, PNG-encoded): ${(sparkline / 1000).toFixed(2)} ms (goal ≤ 1 ms), at most once a minute`);
}
