/**
 * The repository files a text cites, read the way a reader follows them: a path that starts with one of the
 * repository's top-level folders or files and ends in `/`, a file extension or an `#anchor`
 * (`docs/reference/design.md#configuration`, `functions/shared/`, `template.yaml`) is read from the root; a
 * `../` path from the folder of the file that holds it; Markdown links as GitHub renders them
 * (`brokenLinks`). A test uses it to say which citations point at a file or an `#anchor` that does not
 * exist, and which name the notes the project was built from, which are not in the repository.
 *
 * In TypeScript and JavaScript only comments are read for citations: a path in a string is data (a test's
 * made-up file, an import specifier) and the code that uses it fails on its own. Paths followed by a
 * placeholder (`functions/<name>/`, `events/*.json`, `${dir}`) are patterns, not citations. Mentions of the
 * notes are looked for in the whole text, strings included.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { brokenLinks, markdownAnchors } from './markdown-links';

export interface CitationProblem {
  /** The file that holds the citation, relative to the root. */
  readonly file: string;
  /** 1-based line of the citation. */
  readonly line: number;
  /** The citation as written. */
  readonly cited: string;
  readonly problem: string;
}

/** Notes outside the repository that comments once cited; what each now lives in is `docs/reference/`. */
export const OUT_OF_REPO_NOTES: readonly { readonly pattern: RegExp; readonly names: string }[] = [
  { pattern: /(?<![\w-])contracts\//g, names: 'the contract notes (contracts/…)' },
  { pattern: /\bDESIGN\b/g, names: 'the design notes (DESIGN.md)' },
  { pattern: /\bTEMPLATE-LESSONS\b/g, names: 'the template notes (TEMPLATE-LESSONS.md)' },
  { pattern: /\bSTYLE\.md\b/g, names: 'the style notes (STYLE.md)' },
  { pattern: /(?<![\w-])samples\//g, names: 'the sample notes (samples/)' },
  { pattern: /\/work\/shared\b/g, names: 'the notes folder (/work/shared)' },
  { pattern: /\b000_[0-9a-f]{16}\b/g, names: "a stored copy of OpenObserve's guide" },
  { pattern: /\bcontract(?:'s)?(?: order)? \(?§|\(§/g, names: 'a numbered section of the contract notes (§…)' },
];

/** What follows a path that makes it a pattern rather than a file name. */
const PLACEHOLDER_AFTER = /[<{*$…[]/;
const PATH_CHARS = String.raw`[\w.@/-]*`;
const ANCHOR = String.raw`(?:#([\p{L}\p{N}_-]+))?`;
const CODE_SPAN = /`([^`\n]+)`/g;
const FILE_EXTENSION = /\.(?:ts|js|mjs|cjs|json|jsonc|md|yaml|yml|toml|py|sh|txt|ndjson|gz)$/;
const CODE_FILE = /\.(?:ts|js|mjs|cjs)$/;
/** README fragments link as the README they are rendered into does; the README's own links are checked. */
const README_FRAGMENT = /^docs\/readme\//;
const RELATIVE_IMPORT_EXTENSIONS = ['', '.ts', '.js', '.mjs', '.cjs', '.json', '/index.ts'];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The top-level folders and files of `files` (root-relative paths with `/`). */
export function topLevelNames(files: readonly string[]): { folders: string[]; files: string[] } {
  const folders = new Set<string>();
  const rootFiles = new Set<string>();
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash === -1) rootFiles.add(file);
    else folders.add(file.slice(0, slash));
  }
  return { folders: [...folders].sort(), files: [...rootFiles].sort() };
}

/** Matches root-relative citations: group 1 the path, group 2 the anchor. */
function rootCitation(names: { folders: string[]; files: string[] }): RegExp {
  const folders = names.folders.map(escapeRegExp).join('|');
  const files = names.files.map(escapeRegExp).join('|');
  return new RegExp(String.raw`(?<![\w.@/:-])((?:${folders})/${PATH_CHARS}|(?:${files})(?![\w.-]*\w))${ANCHOR}`, 'gu');
}

const RELATIVE_CITATION = new RegExp(String.raw`(?<![\w.@/-])((?:\.\./)+${PATH_CHARS})${ANCHOR}`, 'gu');

/** 1-based line of each offset of `text`, by binary search over where its lines start. */
function lineFinder(text: string): (index: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

export class CitationChecker {
  private readonly anchors = new Map<string, Set<string>>();
  private readonly citation: RegExp;

  /** `root`: the repository; `files`: its tracked files, root-relative with `/`. */
  constructor(
    private readonly root: string,
    files: readonly string[],
  ) {
    this.citation = rootCitation(topLevelNames(files));
  }

  /**
   * Every problem with the citations in `file` (root-relative). `strictCodeSpans` also holds every backticked
   * path to exist from the root, except the label of a link, whose target is what is checked.
   */
  check(file: string, options: { strictCodeSpans?: boolean } = {}): CitationProblem[] {
    const full = path.join(this.root, file);
    const text = readFileSync(full, 'utf8');
    const problems = new Map<string, CitationProblem>();
    const lineAt = lineFinder(text);
    const report = (index: number, cited: string, problem: string): void => {
      const line = lineAt(index);
      problems.set(`${line}\0${cited}`, { file, line, cited, problem });
    };

    for (const { pattern, names } of OUT_OF_REPO_NOTES) {
      for (const match of text.matchAll(pattern)) report(match.index, match[0], `names ${names}, which is not in the repository: cite the page of docs/ that holds the fact`);
    }
    const cited = CODE_FILE.test(file) ? commentsOnly(file, text) : text;
    for (const match of cited.matchAll(this.citation)) {
      if (isPattern(cited, match) || !namesAFile(match)) continue;
      const problem = this.resolve(path.join(this.root, trimPath(match[1] ?? '')), match[2]);
      if (problem !== undefined) report(match.index, match[0], problem);
    }
    for (const match of cited.matchAll(RELATIVE_CITATION)) {
      if (isPattern(cited, match)) continue;
      const target = path.resolve(path.dirname(full), trimPath(match[1] ?? ''));
      const problem = this.resolve(target, match[2], RELATIVE_IMPORT_EXTENSIONS);
      if (problem !== undefined) report(match.index, match[0], problem);
    }
    if (file.endsWith('.md') && !README_FRAGMENT.test(file)) {
      for (const link of brokenLinks(full, this.root)) problems.set(`${link.line}\0${link.target}`, { file, line: link.line, cited: link.target, problem: link.problem });
    }
    if (options.strictCodeSpans === true) {
      for (const match of text.matchAll(CODE_SPAN)) {
        const span = match[1] ?? '';
        // The label of a link (`[`harness/`](tests/detections/harness/)`) may be short: its target is checked.
        if (!looksLikeRepoPath(span) || text.startsWith('](', (match.index ?? 0) + match[0].length)) continue;
        const [pathPart = '', anchor] = span.split('#');
        const problem = this.resolve(path.join(this.root, pathPart), anchor);
        if (problem !== undefined) report(match.index, span, problem);
      }
    }
    return [...problems.values()].sort((a, b) => a.line - b.line);
  }

  /** Why `target` (absolute) with `anchor` does not resolve, or undefined when it does. */
  private resolve(target: string, anchor: string | undefined, extensions: readonly string[] = ['']): string | undefined {
    const fromRoot = path.relative(this.root, target);
    if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return 'points outside the repository';
    const found = extensions.map((extension) => target + extension).find((candidate) => existsSync(candidate));
    if (found === undefined) return 'no such file or folder';
    if (anchor === undefined) return undefined;
    if (statSync(found).isDirectory() || !found.endsWith('.md')) return 'an anchor on something that is not a Markdown page';
    return this.anchorsOf(found).has(anchor) ? undefined : `no heading or anchor #${anchor} in ${path.relative(this.root, found)}`;
  }

  private anchorsOf(page: string): Set<string> {
    let anchors = this.anchors.get(page);
    if (anchors === undefined) {
      anchors = markdownAnchors(readFileSync(page, 'utf8'));
      this.anchors.set(page, anchors);
    }
    return anchors;
  }
}

/**
 * `text` with everything but its comments blanked out (line breaks kept, so line numbers hold), read by
 * TypeScript's own parser so that `//` in a string or a regular expression is not taken for a comment.
 */
export function commentsOnly(file: string, text: string): string {
  const kind = /\.(?:c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const ranges = new Map<number, number>();
  const collect = (node: ts.Node): void => {
    const at = node.getFullStart();
    for (const range of [...(ts.getLeadingCommentRanges(text, at) ?? []), ...(ts.getTrailingCommentRanges(text, at) ?? [])]) ranges.set(range.pos, range.end);
    for (const child of node.getChildren(source)) collect(child);
  };
  collect(source);
  const kept = text.replace(/[^\n]/g, ' ').split('');
  for (const [start, end] of ranges) for (let index = start; index < end; index += 1) kept[index] = text[index] ?? ' ';
  return kept.join('');
}

/** A root-relative path counts as a citation when it ends in `/`, a file extension or an `#anchor` (`events/s` is a rate). */
function namesAFile(match: RegExpMatchArray): boolean {
  const cited = trimPath(match[1] ?? '');
  return match[2] !== undefined || cited.endsWith('/') || !cited.includes('/') || FILE_EXTENSION.test(cited);
}

/** A sentence's full stop or a trailing `-` is not part of the path. */
function trimPath(cited: string): string {
  return cited.replace(/[.-]+$/, '');
}

/** True when the match continues into a placeholder or a wildcard, so it names a pattern, not a file. */
function isPattern(text: string, match: RegExpMatchArray): boolean {
  return PLACEHOLDER_AFTER.test(text.charAt((match.index ?? 0) + match[0].length));
}

/** A code span that is one repository path: no spaces, not a URL, package or option, with a `/` or a file extension. */
function looksLikeRepoPath(span: string): boolean {
  if (/[\s<>{}*$…=:|]/.test(span) || /^[@\-~]/.test(span)) return false;
  return span.includes('/') || FILE_EXTENSION.test(span.split('#')[0] ?? '');
}
