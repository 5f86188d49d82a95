// The one build definition. `npm run build` builds every bundle; `sam build` reaches the same code through
// the Makefile (`build-<LogicalId>` → `node esbuild.config.mjs <LogicalId> "$(ARTIFACTS_DIR)"`).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Lambda functions by template logical id. Each bundle exports `handler` from `index.js`. */
export const FUNCTIONS = {
  TransformFunction: { entry: 'functions/transform/index.ts', outdir: 'dist/transform' },
  EndpointCheckFunction: { entry: 'functions/endpoint-check/index.ts', outdir: 'dist/endpoint-check' },
  PackInstallFunction: { entry: 'functions/pack-install/index.ts', outdir: 'dist/pack-install' },
};

/** Bundles that must not contain the AWS SDK (the runtime's is not used either). */
const NO_AWS_SDK = new Set(['TransformFunction']);

// Node 20 syntax so that the tests here and the Lambda runtime (nodejs24.x) run the same code.
const LAMBDA_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/** Builds one Lambda bundle into `outdir` (an absolute path or one relative to the project). */
export async function buildFunction(logicalId, outdir) {
  const spec = FUNCTIONS[logicalId];
  if (!spec) {
    throw new Error(`Unknown function '${logicalId}'; use one of: ${Object.keys(FUNCTIONS).join(', ')}.`);
  }
  const result = await build({
    ...LAMBDA_OPTIONS,
    entryPoints: [path.join(root, spec.entry)],
    outfile: path.join(path.resolve(root, outdir ?? spec.outdir), 'index.js'),
    // The AWS SDK v3 ships with the nodejs runtimes; the endpoint check uses it from there.
    external: NO_AWS_SDK.has(logicalId) ? [] : ['@aws-sdk/*', '@smithy/*'],
  });
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
    target: 'node20',
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
  if (logicalId) {
    await buildFunction(logicalId, outdir);
    return;
  }
  for (const [id, spec] of Object.entries(FUNCTIONS)) {
    if (!existsSync(path.join(root, spec.entry))) {
      process.stderr.write(`build: SKIPPED ${id}: ${spec.entry} does not exist yet.\n`);
      continue;
    }
    await buildFunction(id);
  }
  await buildCli();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exit(1);
  });
}
