/** Jest 30 with @swc/jest; `tsc --noEmit` (npm run typecheck) is the type gate. */

// The AWS SDK warns, once per test file that loads it, that its releases after early January 2027 need
// Node.js ≥ 22. Said once instead, by the summary reporter; Lambda runs Node.js 24, and .ci/run runs the
// suite on Node.js 24 as well. Set here so that jest's workers and the processes tests start inherit it.
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.O2C_SDK_NODE_WARNING_SILENCED = '1';
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  reporters: ['default', '<rootDir>/tests/reporters/summary-line.cjs'],
  testTimeout: 30000,
};
