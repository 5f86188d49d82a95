/**
 * Lambda code is the core and its thin entry points; the CLI is an edge over the same core. A Lambda bundle
 * that imports `cli/` would ship command-line code to Lambda and tie the core to one of its callers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module `file` imports, as a path relative to the repository root (bare package names left out). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier === undefined || !specifier.startsWith('.')) continue;
    found.push(path.relative(ROOT, path.resolve(path.dirname(file), specifier)));
  }
  return found;
}

describe('Lambda code', () => {
  const files = sourceFiles(path.join(ROOT, 'functions'));

  it('finds the Lambda sources it checks', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(localImports(path.join(ROOT, 'functions/pack-install/pack-resource.ts'))).toContain('functions/shared/pack/install');
  });

  it('never imports from cli/', () => {
    const offending = files.flatMap((file) =>
      localImports(file)
        .filter((target) => target === 'cli' || target.startsWith(`cli${path.sep}`))
        .map((target) => `${path.relative(ROOT, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
