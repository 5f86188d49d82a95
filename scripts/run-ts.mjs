// Runs a TypeScript script of the project (bench, events, docs) by bundling it with esbuild first.
// Usage: node scripts/run-ts.mjs <file.ts> [args…]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/run-ts.mjs <file.ts> [args…]\n');
  process.exit(2);
}
const outdir = path.join(root, 'node_modules', '.cache', 'run-ts');
mkdirSync(outdir, { recursive: true });
const outfile = path.join(outdir, `${path.basename(file, '.ts')}.cjs`);
await build({
  entryPoints: [path.resolve(file)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], path.resolve(file), ...args];
createRequire(pathToFileURL(outfile).href)(outfile);
