// The one build definition. `npm run build` builds every bundle; `sam build` reaches the same code through
// the Makefile (`build-<LogicalId>` → `node esbuild.config.mjs <LogicalId> "$(ARTIFACTS_DIR)"`), whose
// targets come from `node esbuild.config.mjs --list`. Which functions exist is template.yaml's to say
// (functions/lambda-functions.cjs).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBuiltFunctions } from './functions/lambda-functions.cjs';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Lambda bundles are built for the runtime they run on, template.yaml's `Runtime: nodejs24.x` (a test keeps
 * the two equal). They use no syntax newer than Node 20's, so the tests on an older Node load them too.
 */
export const LAMBDA_TARGET = 'node24';
/** The o2-cognito command runs on the developer's Node: the oldest that package.json `engines` allows. */
export const CLI_TARGET = 'node20';

/** Bundles that must not contain the AWS SDK (the runtime's is not used either). */
const NO_AWS_SDK = new Set(['TransformFunction']);

/** The functions template.yaml builds with the Makefile: `{ id, entry, outdir, runtime }`, in template order. */
export function lambdaFunctions() {
  return readBuiltFunctions(root);
}

/** The esbuild options of one Lambda bundle, `outdir` an absolute path or one relative to the project. */
export function lambdaBuildOptions(logicalId, outdir) {
  const spec = lambdaFunctions().find((fn) => fn.id === logicalId);
  if (!spec) {
    const ids = lambdaFunctions().map((fn) => fn.id);
    throw new Error(`template.yaml builds no function '${logicalId}' (BuildMethod: makefile); use one of: ${ids.join(', ')}.`);
  }
  const entry = path.join(root, spec.entry);
  if (!existsSync(entry)) throw new Error(`${spec.entry} does not exist; ${logicalId} needs it as its entry point.`);
  return {
    bundle: true,
    platform: 'node',
    target: LAMBDA_TARGET,
    format: 'cjs',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    entryPoints: [entry],
    outfile: path.join(path.resolve(root, outdir ?? spec.outdir), 'index.js'),
    // The AWS SDK v3 ships with the nodejs runtimes; the custom resources use it from there.
    external: NO_AWS_SDK.has(logicalId) ? [] : ['@aws-sdk/*', '@smithy/*'],
  };
}

/** Builds one Lambda bundle into `outdir` (default: its `dist/<folder>`). */
export async function buildFunction(logicalId, outdir) {
  const result = await build(lambdaBuildOptions(logicalId, outdir));
  if (NO_AWS_SDK.has(logicalId)) {
    const sdk = Object.keys(result.metafile.inputs).filter((p) => p.includes('@aws-sdk/') || p.includes('@smithy/'));
    if (sdk.length > 0) throw new Error(`${logicalId} must not bundle the AWS SDK, but it includes ${sdk[0]}.`);
  }
  return result;
}

/** The o2-cognito command: its dependencies stay in node_modules. */
export async function buildCli() {
  return build({
    bundle: true,
    platform: 'node',
    target: CLI_TARGET,
    format: 'cjs',
    sourcemap: true,
    packages: 'external',
    logLevel: 'warning',
    entryPoints: [path.join(root, 'cli/index.ts')],
    outfile: path.join(root, 'dist/cli/index.js'),
  });
}

async function main(argv) {
  const [logicalId, outdir] = argv;
  if (logicalId === '--list') {
    process.stdout.write(`${lambdaFunctions().map((fn) => fn.id).join(' ')}\n`);
    return;
  }
  if (logicalId) {
    await buildFunction(logicalId, outdir);
    return;
  }
  for (const { id } of lambdaFunctions()) await buildFunction(id);
  await buildCli();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exit(1);
  });
}
