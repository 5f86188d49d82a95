/**
 * What the transform bundle carries: its code and the tables it runs on, never the schema's prose or the
 * AWS SDK (used here only as a test oracle). Built in memory with the options of esbuild.config.mjs.
 */
import { build, type Metafile } from 'esbuild';
import path from 'node:path';
import { FIELD_SOURCES } from '../../../functions/transform/schema-prose';

const ROOT = path.resolve(__dirname, '../../..');
/** The transform bundle's budget (docs/reference/design.md#performance-budgets): 50 KiB. */
const BUNDLE_BUDGET_BYTES = 50 * 1024;

interface Bundle {
  readonly text: string;
  readonly inputs: readonly string[];
}

let bundle: Bundle;

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(ROOT, 'functions/transform/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
    write: false,
    outfile: path.join(ROOT, 'dist/transform-bundle-test/index.js'),
  });
  const output = result.outputFiles.find((file) => file.path.endsWith('index.js'));
  if (output === undefined) throw new Error('esbuild wrote no index.js for the transform.');
  bundle = { text: output.text, inputs: Object.keys((result.metafile as Metafile).inputs) };
}, 60_000);

describe('the transform bundle', () => {
  test('is built from the transform sources', () => {
    expect(bundle.inputs).toContain('functions/transform/schema.ts');
    expect(bundle.inputs).toContain('functions/transform/classify.ts');
  });

  test('carries no schema prose', () => {
    expect(bundle.inputs).not.toContain('functions/transform/schema-prose.ts');
    const long = Object.values(FIELD_SOURCES).filter((text) => text.length >= 30);
    expect(long.length).toBeGreaterThan(10);
    for (const text of long) expect(bundle.text).not.toContain(text);
  });

  test('carries no AWS SDK', () => {
    expect(bundle.inputs.filter((input) => input.includes('@aws-sdk/') || input.includes('@smithy/'))).toEqual([]);
  });

  test('stays within its budget', () => {
    expect(Buffer.byteLength(bundle.text)).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });
});
