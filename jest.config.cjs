/** Jest 30 with @swc/jest; `tsc --noEmit` (npm run typecheck) is the type gate. */
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
