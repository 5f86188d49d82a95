import { INSTALL_ALL_TOOLS as HELPER_INSTALL, skippedMessage } from '../../helpers/external-tools';

// The reporter is CommonJS that jest loads by path; its helpers are read the same way.
const reporter = require('../../reporters/summary-line.cjs') as {
  summaryLines: (results: Record<string, number>, env: Record<string, string>, version: string, execPath: string) => string[];
  INSTALL_ALL_TOOLS: string;
};

const results = (passed: number, failed: number, pending: number) => ({ numPassedTests: passed, numFailedTests: failed, numPendingTests: pending, numTodoTests: 0 });

describe('summary-line reporter', () => {
  test('ends with the plain closing line, after the Node.js the suite ran on', () => {
    const lines = reporter.summaryLines(results(10, 1, 0), {}, 'v24.22.3', '/opt/node/bin/node');
    expect(lines).toEqual(['jest: ran on Node.js v24.22.3 (/opt/node/bin/node)', 'jest: 10 passed, 1 failed, 0 skipped']);
  });

  test('says how to install the Python tools when tests were skipped, before the closing line', () => {
    const lines = reporter.summaryLines(results(10, 0, 3), {}, 'v20.20.2', 'node');
    expect(lines.at(-1)).toBe('jest: 10 passed, 0 failed, 3 skipped');
    expect(lines).toContain('jest: they need Python tools; install them with: pip install cfn-lint "moto[server]" aws-sam-translator botocore');
  });

  test('explains the silenced AWS SDK Node.js warning once', () => {
    const lines = reporter.summaryLines(results(1, 0, 0), { O2C_SDK_NODE_WARNING_SILENCED: '1' }, 'v20.20.2', 'node');
    expect(lines.filter((line) => line.includes('NodeVersionSupportWarning'))).toHaveLength(1);
  });

  test('names the same install command as the test helper', () => {
    expect(reporter.INSTALL_ALL_TOOLS).toBe(HELPER_INSTALL);
  });
});

describe('skippedMessage', () => {
  test.each([
    ['cfn-lint', 'pip install cfn-lint'],
    ['moto_server', 'pip install "moto[server]"'],
    ['sam-translator', 'pip install aws-sam-translator'],
    ['botocore', 'pip install botocore'],
  ] as const)('for %s names the check, the tool and `%s`', (tool, install) => {
    const message = skippedMessage(tool, 'template lint');
    expect(message).toMatch(/^SKIPPED: "template lint" needs /);
    expect(message).toContain(`\`${install}\``);
    expect(message).toContain(HELPER_INSTALL);
  });
});
