/**
 * Closes the run with one plain line, `jest: N passed, N failed, N skipped`, so CI logs can be read by any
 * tool that does not understand Jest's own summary. Before it: the Node.js the suite ran on, and what was
 * skipped or silenced, with what to do about it.
 */

/** Kept equal to INSTALL_ALL_TOOLS in tests/helpers/external-tools.ts by tests/unit/reporters/summary-line.test.ts. */
const INSTALL_ALL_TOOLS = 'pip install cfn-lint "moto[server]" aws-sam-translator botocore';

/** The closing lines for a run's results, `env` its environment. */
function summaryLines(results, env, nodeVersion, execPath) {
  const skipped = results.numPendingTests + results.numTodoTests;
  const lines = [`jest: ran on Node.js ${nodeVersion} (${execPath})`];
  if (env.O2C_SDK_NODE_WARNING_SILENCED === '1') {
    lines.push(
      `jest: the AWS SDK's NodeVersionSupportWarning (its releases after early January 2027 need Node.js >= 22) was silenced on ${nodeVersion}; Lambda runs Node.js 24, and .ci/run runs this suite on Node.js 24 too.`,
    );
  }
  if (skipped > 0) {
    // Only describeWithTool skips (lint forbids .skip): every skipped test wanted a Python tool.
    lines.push(`jest: ${skipped} test(s) did not run — the SKIPPED lines above say which and why.`);
    lines.push(`jest: they need Python tools; install them with: ${INSTALL_ALL_TOOLS}`);
  }
  lines.push(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  return lines;
}

class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`${summaryLines(results, process.env, process.version, process.execPath).join('\n')}\n`);
  }
}

module.exports = SummaryLineReporter;
module.exports.summaryLines = summaryLines;
module.exports.INSTALL_ALL_TOOLS = INSTALL_ALL_TOOLS;
