// Runs electronegativity over the sources and fails on any finding it rates high or medium that
// is not in security-review.json, and on any source it could not parse (an unparsed file is an
// unchecked one). Its programmatic API is used rather than its CLI: the CLI exits 0 whatever it
// finds, and its CSV report is written by two racing async writes, so the header can land last
// and wipe the findings.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

// The lint runs offline, the same on every machine. electronegativity fetches fresh translations
// over HTTP on every run (and the CI machines reach only package registries), so its HTTP client
// is replaced before it loads by one that answers "nothing new"; its bundled English is used.
// The one check that compares against Electron's latest releases online is left out for the same
// reason; keeping Electron current is a dependency update, not a source finding.
const httpClientPath = createRequire(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')).resolve('got');
const nothingNew = () => Promise.resolve({ statusCode: 204, body: '' });
nothingNew.head = nothingNew;
require.cache[httpClientPath] = { id: httpClientPath, filename: httpClientPath, loaded: true, exports: nothingNew };

const runElectronegativity = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;

const { issues, errors } = await runElectronegativity(
  {
    // Relative on purpose: it skips every file whose path contains "node_modules", and an
    // absolute path would make the checkout's own location part of that test.
    input: 'src',
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  },
  false,
);

const findings = issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  file: issue.file,
  location: `${issue.location.line}:${issue.location.column}`,
  sample: issue.sample ?? '',
}));
const parseFailures = errors.filter((error) => !error.tolerable);

const { reviewed } = JSON.parse(readFileSync('security-review.json', 'utf8'));
const matches = (finding, entry) => entry.check === finding.check && entry.file === finding.file;
const isReviewed = (finding) => reviewed.some((entry) => matches(finding, entry));
const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
const unreviewed = serious.filter((finding) => !isReviewed(finding));
const stale = reviewed.filter((entry) => !serious.some((finding) => matches(finding, entry)));

for (const finding of findings) {
  const mark = unreviewed.includes(finding) ? 'FAIL' : isReviewed(finding) ? 'reviewed' : 'ok';
  console.log(`${mark.padEnd(8)} ${finding.severity.padEnd(6)} ${finding.check} ${finding.file}:${finding.location}  ${finding.sample.slice(0, 80)}`);
}
for (const entry of stale) console.log(`FAIL     review entry matches nothing any more: ${entry.check} ${entry.file} (remove it from security-review.json)`);
for (const failure of parseFailures) console.log(`FAIL     could not parse ${failure.file}: ${failure.message}`);
console.log(
  `electronegativity: ${findings.length} findings, ${serious.length} high or medium, ${unreviewed.length} unreviewed, ${parseFailures.length} unparsed`,
);
process.exit(unreviewed.length > 0 || stale.length > 0 || parseFailures.length > 0 ? 1 : 0);
