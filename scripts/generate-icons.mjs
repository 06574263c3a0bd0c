// Generates every icon the platforms need from the one source drawing, assets/icon.svg:
//   icons/<size>x<size>.png (Linux), icon.png, icon.icns (macOS), icon.ico (Windows);
//   tray-<size>.png (Windows and Linux trays, before the first count is drawn);
//   trayTemplate.png and trayTemplate@2x.png (macOS menu bar): the drawing's motif alone, black on
//   transparent, as macOS template images must be.
// Run with `npm run icons` after changing the drawing; the outputs are committed, and a test
// fails when they are out of date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const SOURCE = 'assets/icon.svg';

/** The motif without its badge: background removed, white shapes made opaque black, cropped square. */
export function templateDrawing(svg) {
  return svg
    .replace(/<defs>[\s\S]*?<\/defs>/, '')
    .replace(/<rect[^>]*fill="url\(#bg\)"[^>]*\/>/, '')
    .replace(/fill="#fff"/g, 'fill="#000"')
    .replace(/ opacity="[^"]*"/g, '')
    .replace(/viewBox="[^"]*"/, 'viewBox="160 120 704 704"');
}

export function render(svg, size) {
  // The drawing has no text, so no font database is loaded (that alone costs seconds).
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)', font: { loadSystemFonts: false } }).render().asPng();
}

function main() {
  const drawing = readFileSync(SOURCE, 'utf8');
  mkdirSync('assets/icons', { recursive: true });
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) writeFileSync(`assets/icons/${size}x${size}.png`, render(drawing, size));
  const master = render(drawing, 1024);
  writeFileSync('assets/icon.png', render(drawing, 512));
  writeFileSync('assets/icon.icns', png2icons.createICNS(master, png2icons.BICUBIC, 0));
  writeFileSync('assets/icon.ico', png2icons.createICO(master, png2icons.BICUBIC, 0, false, true));
  for (const size of [16, 24, 32, 48]) writeFileSync(`assets/tray-${size}.png`, render(drawing, size));
  const template = templateDrawing(drawing);
  writeFileSync('assets/trayTemplate.png', render(template, 16));
  writeFileSync('assets/trayTemplate@2x.png', render(template, 32));
  console.log('icons written to assets/');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
