/**
 * The generated pages on disk: which differ from what `npm run docs` renders, which are generated no longer,
 * and writing them (`npm run docs`, `npm run detections`).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lingeringPages, renderDocs } from './render-docs';

export interface DocsState {
  readonly pages: ReadonlyMap<string, string>;
  /** Pages whose file differs from the rendered text, or is missing. */
  readonly stale: readonly string[];
  /** Generated pages under docs/ that no page of scripts/readme/pages.ts produces now. */
  readonly lingering: readonly string[];
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function docsState(root: string): DocsState {
  const pages = renderDocs(root);
  const stale = [...pages].filter(([file, text]) => readOrUndefined(path.join(root, file)) !== text).map(([file]) => file);
  return { pages, stale, lingering: lingeringPages(root, pages) };
}

/** Writes the stale pages and deletes the lingering ones; returns what it found before. */
export function writeDocs(root: string): DocsState {
  const state = docsState(root);
  for (const file of state.stale) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), state.pages.get(file) ?? '');
  }
  for (const file of state.lingering) rmSync(path.join(root, file));
  return state;
}
