/**
 * The pages `npm run docs` writes (README.md and those under docs/ that scripts/readme/pages.ts lists), read
 * from disk as a user reads them, for the tests that check their examples and commands wherever they sit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_PAGES } from '../../scripts/readme/pages';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface GeneratedDoc {
  /** Relative to the repository root, e.g. `README.md`. */
  readonly file: string;
  readonly text: string;
}

export function generatedDocs(): GeneratedDoc[] {
  return ALL_PAGES.map((page) => ({ file: page.path, text: readFileSync(path.join(ROOT, page.path), 'utf8') }));
}

/** One generated page's text, by its path. */
export function generatedDoc(file: string): string {
  const doc = generatedDocs().find((one) => one.file === file);
  if (doc === undefined) throw new Error(`${file} is not a generated page; see scripts/readme/pages.ts.`);
  return doc.text;
}
