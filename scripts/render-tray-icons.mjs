// Writes every tray icon a person should check, and a contact sheet of them enlarged 8× on a light
// and a dark panel: `node scripts/render-tray-icons.mjs OUT_DIR` after `npm run build`.
//   OUT_DIR/<count>-<ok|stale>-<16|20|24|32>.png, OUT_DIR/none-<error|loading|empty>-<size>.png,
//   OUT_DIR/contact-sheet.png
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/render-tray-icons.mjs OUT_DIR   (after npm run build)');
  process.exit(2);
}
const require = createRequire(import.meta.url);
let iconSet;
try {
  iconSet = require('../dist/tray-icon-set.js');
} catch {
  console.error('dist/tray-icon-set.js is missing: run npm run build first');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const icons = iconSet.trayIconSet();
for (const icon of icons) writeFileSync(join(outDir, icon.name), icon.canvas.toPng());
writeFileSync(join(outDir, 'contact-sheet.png'), iconSet.contactSheet(icons).toPng());
console.log(`${icons.length} tray icons and contact-sheet.png written to ${outDir}`);
