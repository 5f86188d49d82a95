import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleDir } from '../../functions/lambda-functions.cjs';
import { esbuildFunctions, makefileTargets } from './support/check-packaging';
import { rawTemplate, ROOT } from './support/template-fixture';

/**
 * One list of functions: template.yaml's `BuildMethod: makefile` functions are what esbuild.config.mjs builds,
 * what the Makefile offers `sam build`, and where `o2-cognito invoke` looks for bundles. And `sam build`
 * (`make build-<LogicalId>` with ARTIFACTS_DIR set) and `npm run build` give the very same bundle, built for
 * the Node.js the template runs, so what the tests exercise is what deploys.
 */

interface BuildView {
  readonly functions: { id: string; entry: string; outdir: string; runtime: string }[];
  readonly targets: Record<string, string>;
  readonly cliTarget: string;
}

/** What esbuild.config.mjs says, asked of the config itself in a child node (it is an ES module). */
function buildView(): BuildView {
  const script = `import('./esbuild.config.mjs').then((m) => {
    const functions = m.lambdaFunctions();
    const targets = Object.fromEntries(functions.map((fn) => [fn.id, m.lambdaBuildOptions(fn.id).target]));
    process.stdout.write(JSON.stringify({ functions, targets, cliTarget: m.CLI_TARGET }));
  })`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as BuildView;
}

/** Template functions that `sam build` builds through the Makefile, read from the template as data. */
function templateMakefileFunctions(): string[] {
  return Object.entries(rawTemplate().Resources)
    .filter(([, resource]) => ['AWS::Lambda::Function', 'AWS::Serverless::Function'].includes(resource.Type))
    .filter(([, resource]) => (resource.Metadata as { BuildMethod?: string } | undefined)?.BuildMethod === 'makefile')
    .map(([id]) => id);
}

/** esbuild `nodeNN` for a Lambda `nodejsNN.x` runtime; undefined for any other runtime. */
function esbuildTargetFor(runtime: unknown): string | undefined {
  const match = /^nodejs(\d+)\.x$/.exec(String(runtime));
  return match ? `node${match[1]}` : undefined;
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
function npmBuildOutput(id: string, outdir: string): Buffer {
  const file = path.join(ROOT, outdir, 'index.js');
  const inputs = ['esbuild.config.mjs', 'template.yaml'].map((name) => statSync(path.join(ROOT, name)).mtimeMs);
  const sourcesMs = Math.max(newestSourceMs(path.join(ROOT, 'functions')), ...inputs);
  if (!existsSync(file) || statSync(file).mtimeMs < sourcesMs) run(process.execPath, ['esbuild.config.mjs', id]);
  return readFileSync(file);
}

const view = buildView();
const template = rawTemplate();

describe('one list of functions', () => {
  test('esbuild.config.mjs builds exactly the functions template.yaml builds with BuildMethod: makefile', () => {
    expect(view.functions.map((fn) => fn.id)).toEqual(templateMakefileFunctions());
    expect(view.functions.length).toBeGreaterThanOrEqual(3);
  });

  test('the Makefile has a build-<LogicalId> target for exactly those functions', () => {
    expect([...makefileTargets(ROOT)].sort()).toEqual(templateMakefileFunctions().sort());
  });

  test('the template tests read the same table the build uses', () => {
    expect([...esbuildFunctions(ROOT).keys()]).toEqual(view.functions.map((fn) => fn.id));
  });

  test.each(view.functions.map((fn) => [fn.id, fn] as const))('%s has its entry point, and o2-cognito invoke finds its bundle where the build puts it', (id, fn) => {
    expect(statSync(path.join(ROOT, fn.entry)).isFile()).toBe(true);
    expect(bundleDir(id)).toBe(fn.outdir);
    expect(existsSync(path.join(ROOT, bundleDir(id), 'index.js'))).toBe(true);
  });
});

describe('bundles are built for the runtime they run on', () => {
  test.each(view.functions.map((fn) => [fn.id, fn] as const))('%s: the esbuild target matches the template Runtime', (id) => {
    // Prepare: the runtime as the template says it, read as data (the function's, else Globals.Function's).
    const resource = template.Resources[id]!;
    const runtime = (resource.Properties as { Runtime?: string }).Runtime ?? (template.Globals?.Function as { Runtime?: string } | undefined)?.Runtime;

    // Assess
    expect(esbuildTargetFor(runtime)).toBeDefined();
    expect(view.targets[id]).toBe(esbuildTargetFor(runtime));
  });

  test('the CLI is built for the oldest Node.js package.json engines allows', () => {
    const engines = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const oldest = /^>=\s*(\d+)/.exec(engines)?.[1];
    expect(view.cliTarget).toBe(`node${oldest}`);
  });
});

describe('sam build and npm run build', () => {
  test.each(view.functions.map((fn) => [fn.id, fn] as const))('make build-%s gives the bundle npm run build gives', (id, fn) => {
    // Prepare
    const artifacts = mkdtempSync(path.join(os.tmpdir(), `o2c-${id}-`));
    const bothBuilds = (): [Buffer, Buffer] => {
      const npmBundle = npmBuildOutput(id, fn.outdir);
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

  test('make refuses a function the template does not build', () => {
    const result = spawnSync('make', ['-f', 'Makefile', 'build-NoSuchFunction', 'ARTIFACTS_DIR=/nonexistent'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/No rule to make target 'build-NoSuchFunction'/);
  });
});
