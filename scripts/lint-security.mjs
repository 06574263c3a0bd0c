// Runs electronegativity over the sources and fails on any finding it rates high or medium that
// is not in security-review.json. Its CLI exits 0 whatever it finds, so its report is read here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(dir, 'report.csv');
const run = spawnSync(
  process.execPath,
  ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', 'src', '-e', electronVersion, '-o', report, '-r', '-v', 'false'],
  { encoding: 'utf8' },
);
let csv;
try {
  csv = readFileSync(report, 'utf8');
} catch {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity wrote no report; it did not run.');
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** RFC 4180 rows: quoted fields may hold commas and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

const [header, ...rows] = parseCsv(csv);
const column = (name) => header.findIndex((cell) => cell.trim() === name);
const findings = rows
  .filter((row) => row.length >= header.length)
  .map((row) => ({
    check: row[column('issue')],
    severity: row[column('severity')],
    confidence: row[column('confidence')],
    file: row[column('filename')],
    location: row[column('location')],
    sample: row[column('sample')],
  }));

const { reviewed } = JSON.parse(readFileSync('security-review.json', 'utf8'));
const isReviewed = (finding) => reviewed.some((entry) => entry.check === finding.check && entry.file === finding.file);
const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
const unreviewed = serious.filter((finding) => !isReviewed(finding));
const stale = reviewed.filter((entry) => !serious.some((finding) => finding.check === entry.check && finding.file === entry.file));

for (const finding of findings) {
  const mark = unreviewed.includes(finding) ? 'FAIL' : isReviewed(finding) ? 'reviewed' : 'ok';
  console.log(`${mark.padEnd(8)} ${finding.severity.padEnd(6)} ${finding.check} ${finding.file}:${finding.location}  ${finding.sample.slice(0, 80)}`);
}
for (const entry of stale) console.log(`FAIL     review entry matches nothing any more: ${entry.check} ${entry.file} (remove it from security-review.json)`);
console.log(`electronegativity: ${findings.length} findings, ${serious.length} high or medium, ${unreviewed.length} unreviewed`);
process.exit(unreviewed.length > 0 || stale.length > 0 ? 1 : 0);
