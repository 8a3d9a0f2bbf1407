// Sums vitest JSON reports (one per suite run) into the one line CI ends with: "N passed, N failed".
// Usage: node .ci/summarize.mjs <dir with *.json reports>. Exit code 1 on any failure or when no test ran.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: node .ci/summarize.mjs <report dir>');
  process.exit(2);
}

let passed = 0;
let failed = 0;
const reportFiles = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
for (const name of reportFiles) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  let failedHere = report.numFailedTests;
  passed += report.numPassedTests;
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'failed') console.log(`FAILED ${name}: ${file.name} > ${test.fullName}`);
    }
    // A file that failed without a failing test (import error, afterAll hook) is one failure too.
    if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
      console.log(`FAILED ${name}: ${file.name}: ${String(file.message ?? 'suite error').split('\n')[0]}`);
      failedHere += 1;
    }
  }
  // Vitest reports unhandled errors only as success: false; count the run as one failure then.
  if (report.success === false && failedHere === 0) {
    console.log(`FAILED ${name}: the run reported an error outside any test`);
    failedHere = 1;
  }
  failed += failedHere;
}
if (reportFiles.length === 0) console.log(`no vitest JSON report in ${dir}: no test suite ran`);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
