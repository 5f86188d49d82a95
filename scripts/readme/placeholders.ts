/**
 * The placeholders a fragment may hold (`<!-- table:parameters -->`…), what replaces each, and where that
 * comes from, for the "generated from" note at the top of the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Template } from '../../cli/template/load-template';
import { alertTable } from './alert-table';
import { DOC_PAGES } from './pages';
import { categoryTable, fieldTable, outputTable, parameterTable } from './tables';

/** Written by `npm run detections` (it needs DuckDB and the scenarios); the pages only embed it. */
export const QUALITY_TABLE_PATH = 'docs/readme/generated/detection-quality.md';

interface Placeholder {
  /** What the page is generated from, besides its fragments. */
  readonly source: string;
  readonly render: (template: () => Template, root: string) => string;
}

/**
 * The README's index of the generated pages: a table's head and one row per page, linked from the repository
 * root as fragments are. Rows for pages written by hand may follow it in the fragment.
 */
function documentationIndex(): string {
  const rows = DOC_PAGES.map((page) => `| [${path.posix.basename(page.path, '.md')}](${page.path}) | ${page.summary} |`);
  return ['| Page | What it holds |', '|---|---|', ...rows].join('\n');
}

const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = {
  '<!-- table:parameters -->': { source: 'template.yaml', render: (template) => parameterTable(template()) },
  '<!-- table:outputs -->': { source: 'template.yaml', render: (template) => outputTable(template()) },
  '<!-- table:fields -->': { source: 'the schema table in functions/transform/', render: () => fieldTable() },
  '<!-- table:categories -->': { source: 'the category tables in functions/transform/', render: () => categoryTable() },
  '<!-- table:alerts -->': { source: 'the alerts in content/alerts/', render: () => alertTable() },
  '<!-- table:detection-quality -->': {
    source: `${QUALITY_TABLE_PATH} (written by \`npm run detections\`)`,
    render: (_, root) => readFileSync(path.join(root, QUALITY_TABLE_PATH), 'utf8').trim(),
  },
  '<!-- index:docs -->': { source: 'the page list in scripts/readme/pages.ts', render: () => documentationIndex() },
};

/** A line that is a placeholder, and nothing else: a marker inside prose or a code span is text. */
const PLACEHOLDER_LINE = /^<!-- (?:table|index):[a-z-]+ -->$/;

/**
 * `text` with every placeholder line replaced, and the sources those placeholders stand for; `template` is
 * read on demand. Throws on a placeholder line this module does not know.
 */
export function fillPlaceholders(text: string, template: () => Template, root: string, where: string): { text: string; sources: string[] } {
  const sources: string[] = [];
  const lines = text.split('\n').map((line) => {
    const marker = line.trim();
    if (!PLACEHOLDER_LINE.test(marker)) return line;
    const placeholder = PLACEHOLDERS[marker];
    if (placeholder === undefined) throw new Error(`${where} holds the unknown placeholder ${marker}; see scripts/readme/placeholders.ts.`);
    if (!sources.includes(placeholder.source)) sources.push(placeholder.source);
    return placeholder.render(template, root);
  });
  return { text: lines.join('\n'), sources };
}
