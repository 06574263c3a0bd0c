// Prints line coverage per source folder from vitest's coverage/coverage-summary.json, so CI's
// log and README's development section show the same figures. Usage: node scripts/coverage-by-folder.mjs
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
const folders = new Map();
for (const [file, figures] of Object.entries(summary)) {
  if (file === 'total') continue;
  const folder = relative(process.cwd(), file).split('/').slice(0, 2).join('/');
  const sum = folders.get(folder) ?? { covered: 0, total: 0 };
  sum.covered += figures.lines.covered;
  sum.total += figures.lines.total;
  folders.set(folder, sum);
}
console.log('line coverage by folder:');
for (const [folder, { covered, total }] of [...folders].sort()) {
  console.log(`  ${folder.padEnd(14)} ${((100 * covered) / Math.max(1, total)).toFixed(1).padStart(5)} %  (${covered}/${total} lines)`);
}
