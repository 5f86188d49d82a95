/**
 * Prints one plain closing line, `jest: N passed, N failed, N skipped`, so CI logs can be read by any
 * tool that does not understand Jest's own summary.
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
    if (skipped > 0) {
      process.stdout.write(`jest: ${skipped} test(s) did not run — see the SKIPPED lines above for why.\n`);
    }
  }
}
module.exports = SummaryLineReporter;
