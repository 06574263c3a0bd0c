// Prints the totals over every test runner as the last line of CI: "N passed, N failed, N skipped".
import { readFileSync, existsSync } from 'node:fs';

const reports = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    // A runner that wrote no report did not finish: count it as a failure, never as silence.
    console.error(`missing test report: ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + suitesThatFailedToLoad(report);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

// A test file that fails to load reports no failed test, only a failed suite: count it as one.
function suitesThatFailedToLoad(report) {
  return (report.testResults ?? []).filter((suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'))
    .length;
}
