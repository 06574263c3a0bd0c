// Renders the tray count's glyphs from the bundled typeface into an atlas of anti-aliased alpha
// masks: src/core/tray-image/glyph-atlas.json. Run with `npm run icons` after changing the font
// or the sizes; the atlas is committed, and a test fails when it is out of date.
//
// Why an atlas and not a renderer at run time: the app then ships no native rasteriser (resvg's
// binary differs per OS and CPU, and a universal macOS build would need both), and drawing a new
// count is a copy of a few hundred bytes per glyph (`npm run bench` prints both costs).
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import opentype from 'opentype.js';

export const FONT = 'assets/fonts/RobotoCondensed-Bold-tray.ttf';
export const ATLAS = 'src/core/tray-image/glyph-atlas.json';
/** Every character a tray count or mark uses. */
export const CHARACTERS = '0123456789.kM+<!…';
/** Icon sizes in pixels: a 16 px logical icon at scale factors 1, 1.25, 1.5 and 2. */
export const ICON_SIZES = [16, 20, 24, 32];
/** A single digit's cap height may fill this share of the icon; more crowds the badge's corners. */
const MAX_CAP_SHARE = 0.62;
/** Below this share of the icon a face is never chosen: the widest count (`!9.9M`) fits above it. */
const MIN_FONT_SHARE = 0.45;
const MIN_FONT_PX = 7;

function loadFont(path) {
  const bytes = readFileSync(path);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** One glyph at one size: its alpha mask cropped to the ink, placed relative to pen and baseline. */
function renderGlyph(font, character, fontPx) {
  const glyph = font.charToGlyph(character);
  if (glyph.index === 0) throw new Error(`${FONT} has no glyph for ${JSON.stringify(character)}`);
  const pad = Math.ceil(fontPx * 0.5);
  const width = Math.ceil(fontPx * 1.5) + pad * 2;
  const height = Math.ceil(fontPx * 1.5) + pad * 2;
  const baseline = pad + Math.ceil(fontPx);
  const path = glyph.getPath(pad, baseline, fontPx).toPathData(4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="${path}" fill="#000"/></svg>`;
  // The SVG is outlines only: no font database needed, and loading the system's costs seconds.
  const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  let left = width,
    right = -1,
    top = height,
    bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3] === 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const w = right - left + 1;
  const h = bottom - top + 1;
  const alpha = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) alpha[y * w + x] = rgba[((top + y) * width + left + x) * 4 + 3];
  return {
    advance: Number(((glyph.advanceWidth / font.unitsPerEm) * fontPx).toFixed(3)),
    left: left - pad,
    top: top - baseline,
    width: w,
    height: h,
    alpha: alpha.toString('base64'),
  };
}

/** Every font size from the smallest legible one up to the largest a single digit may take. */
export function buildGlyphAtlas(fontPath = FONT) {
  const font = loadFont(fontPath);
  const capShare = font.tables.os2.sCapHeight / font.unitsPerEm;
  const sizes = {};
  for (const iconPx of ICON_SIZES) {
    const largest = Math.floor((iconPx * MAX_CAP_SHARE) / capShare);
    const faces = [];
    const smallest = Math.max(MIN_FONT_PX, Math.floor(iconPx * MIN_FONT_SHARE));
    for (let fontPx = largest; fontPx >= smallest; fontPx--) {
      const glyphs = {};
      for (const character of CHARACTERS) glyphs[character] = renderGlyph(font, character, fontPx);
      faces.push({ fontPx, glyphs });
    }
    sizes[iconPx] = faces;
  }
  return { font: 'Roboto Condensed Bold (Apache-2.0), subset', sizes };
}

export function atlasJson(atlas) {
  return `${JSON.stringify(atlas)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = atlasJson(buildGlyphAtlas());
  writeFileSync(ATLAS, json);
  console.log(`${ATLAS}: ${(json.length / 1024).toFixed(1)} KiB`);
}
