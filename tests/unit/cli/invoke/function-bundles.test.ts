import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { FUNCTION_BUNDLES } from '../../../../cli/invoke/function-bundles';

const root = path.resolve(__dirname, '..', '..', '..', '..');

describe('FUNCTION_BUNDLES', () => {
  test('names the same functions and bundle folders as FUNCTIONS in esbuild.config.mjs', () => {
    // Prepare: the config is an ES module that imports esbuild, so read it in a child node process.
    const script = "import('./esbuild.config.mjs').then((m) => process.stdout.write(JSON.stringify(m.FUNCTIONS)))";

    // Act
    const functions = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as Record<string, { outdir: string }>;

    // Assess
    const fromConfig = Object.fromEntries(Object.entries(functions).map(([id, spec]) => [id, spec.outdir]));
    expect(FUNCTION_BUNDLES).toEqual(fromConfig);
  });
});
