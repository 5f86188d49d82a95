import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/template-fixture';

/**
 * `sam build` (BuildMethod: makefile) runs `make build-<LogicalId>` with ARTIFACTS_DIR set; `npm run build`
 * runs esbuild.config.mjs. Both must give the very same bundle, so what the tests exercise is what deploys.
 */

interface BundleSpec {
  readonly id: string;
  readonly entry: string;
  readonly outdir: string;
}

function bundleSpecs(): BundleSpec[] {
  const text = readFileSync(path.join(ROOT, 'esbuild.config.mjs'), 'utf8');
  return [...text.matchAll(/(\w+): \{ entry: '([^']+)', outdir: '([^']+)' \}/g)].map((m) => ({ id: m[1]!, entry: m[2]!, outdir: m[3]! }));
}

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestSourceMs(file) : statSync(file).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.error?.message ?? ''}`);
}

/** dist/<function>/index.js as `npm run build` leaves it, rebuilt (same code path) only when older than the sources. */
function npmBuildOutput(spec: BundleSpec): Buffer {
  const file = path.join(ROOT, spec.outdir, 'index.js');
  const sourcesMs = Math.max(newestSourceMs(path.join(ROOT, 'functions')), statSync(path.join(ROOT, 'esbuild.config.mjs')).mtimeMs);
  if (!existsSync(file) || statSync(file).mtimeMs < sourcesMs) run('node', ['esbuild.config.mjs', spec.id]);
  return readFileSync(file);
}

describe('sam build and npm run build', () => {
  const specs = bundleSpecs();

  test('read the three Lambda bundles from esbuild.config.mjs', () => {
    expect(specs.map((spec) => spec.id)).toEqual(['TransformFunction', 'EndpointCheckFunction', 'PackInstallFunction']);
  });

  test.each(specs.map((spec) => [spec.id, spec] as const))('make build-%s gives the bundle npm run build gives', (id, spec) => {
    if (!existsSync(path.join(ROOT, spec.entry))) {
      process.stderr.write(`\n*** BUILD CHECK NOT RUN for ${id}: ${spec.entry} does not exist yet. The final tree must have it. ***\n`);
      return;
    }
    // Prepare
    const artifacts = mkdtempSync(path.join(os.tmpdir(), `o2c-${id}-`));
    const bothBuilds = (): [Buffer, Buffer] => {
      const npmBundle = npmBuildOutput(spec);
      // Act: what `sam build` runs for this function.
      run('make', ['-f', 'Makefile', `build-${id}`, `ARTIFACTS_DIR=${artifacts}`]);
      return [readFileSync(path.join(artifacts, 'index.js')), npmBundle];
    };
    try {
      let [samBundle, npmBundle] = bothBuilds();
      // A source edit landing between the two builds (a shared working tree) differs once, never twice.
      if (!samBundle.equals(npmBundle)) [samBundle, npmBundle] = bothBuilds();

      // Assess
      expect(samBundle.equals(npmBundle)).toBe(true);
      expect(samBundle.toString('utf8')).toMatch(/exports|module\.exports/);
    } finally {
      rmSync(artifacts, { recursive: true, force: true });
    }
  });
});
