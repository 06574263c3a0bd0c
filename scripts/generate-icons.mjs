// Generates every icon the platforms need from the source drawings in assets/:
//   icon.svg          → icons/<size>x<size>.png (Linux), icon.png, icon.icns (macOS), icon.ico (Windows)
//   tray-template.svg → trayTemplate.png, trayTemplate@2x.png (macOS menu bar, template images)
//   tray.svg          → tray-16.png, tray-24.png, tray-32.png, tray-48.png (Windows and Linux trays)
// Run with `npm run icons` after changing a drawing; the outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const render = (svgFile, size) =>
  new Resvg(readFileSync(`assets/${svgFile}`), { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();

mkdirSync('assets/icons', { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) writeFileSync(`assets/icons/${size}x${size}.png`, render('icon.svg', size));
const master = render('icon.svg', 1024);
writeFileSync('assets/icon.png', render('icon.svg', 512));
writeFileSync('assets/icon.icns', png2icons.createICNS(master, png2icons.BICUBIC, 0));
writeFileSync('assets/icon.ico', png2icons.createICO(master, png2icons.BICUBIC, 0, false, true));

writeFileSync('assets/trayTemplate.png', render('tray-template.svg', 16));
writeFileSync('assets/trayTemplate@2x.png', render('tray-template.svg', 32));
for (const size of [16, 24, 32, 48]) writeFileSync(`assets/tray-${size}.png`, render('tray.svg', size));
console.log('icons written to assets/');
