/**
 * Relative links and heading anchors of Markdown files, read the way GitHub renders them, so a test can say
 * which links of a page point at a file or an `#anchor` that does not exist. External links (`https:`,
 * `mailto:`…) are not followed. Code spans and fenced code blocks are not Markdown, so links and headings
 * inside them do not count.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { headingAnchor } from '../../scripts/readme/toc';

export interface MarkdownLink {
  /** 1-based line of the link in its file. */
  readonly line: number;
  /** The target as written: `page.md#anchor`, `#anchor`, `../../<folder>/<file>.ts`. */
  readonly target: string;
}

export interface LinkProblem {
  readonly file: string;
  readonly line: number;
  readonly target: string;
  readonly problem: string;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;
const HTML_ANCHOR = /<a\s+(?:name|id)="([^"]+)"/g;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Lines outside fenced code blocks, with code spans blanked out, each with its 1-based number. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let inFence = false;
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) {
      inFence = !inFence;
      return;
    }
    if (!inFence) lines.push({ line: index + 1, text: text.replace(/`[^`]*`/g, (span) => ' '.repeat(span.length)) });
  });
  return lines;
}

/** Heading text as GitHub slugs it: inline code and link text kept, their markup dropped. */
function headingText(raw: string): string {
  return raw.replace(/`([^`]*)`/g, '$1').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/** GitHub's slug and level of every heading of a page, in order, before repeats are numbered; its `<a name|id>`s. */
function pageTargets(markdown: string): { headings: string[]; levels: number[]; htmlAnchors: string[] } {
  const headings: string[] = [];
  const levels: number[] = [];
  const htmlAnchors: string[] = [];
  let inFence = false;
  for (const text of markdown.split('\n')) {
    if (FENCE.test(text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = HEADING.exec(text);
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      headings.push(headingAnchor(headingText(heading[2])));
      levels.push(heading[1].length);
    }
    for (const match of text.matchAll(HTML_ANCHOR)) if (match[1] !== undefined) htmlAnchors.push(match[1]);
  }
  return { headings, levels, htmlAnchors };
}

/** The anchors a Markdown page defines: its headings (repeats get `-1`, `-2`… as on GitHub) and `<a name|id>`. */
export function markdownAnchors(markdown: string): Set<string> {
  const { headings, htmlAnchors } = pageTargets(markdown);
  const anchors = new Set<string>(htmlAnchors);
  const seen = new Map<string, number>();
  for (const slug of headings) {
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The anchors of a page's section headings (`##` and deeper), in order: what other files link to. */
export function sectionAnchors(markdown: string): string[] {
  const { headings, levels } = pageTargets(markdown);
  return headings.filter((_, index) => (levels[index] ?? 1) >= 2);
}

/** Heading anchors that more than one heading of the page slugs to (GitHub numbers the repeats). */
export function repeatedHeadingAnchors(markdown: string): string[] {
  const { headings } = pageTargets(markdown);
  return [...new Set(headings.filter((slug, index) => headings.indexOf(slug) !== index))];
}

/** Every link of a page: inline links, images and reference definitions, outside code. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(INLINE_LINK)) if (match[1] !== undefined) links.push({ line, target: match[1] });
    const definition = REFERENCE_DEFINITION.exec(text);
    if (definition?.[1] !== undefined) links.push({ line, target: definition[1] });
  }
  return links;
}

/** True for a link this checker does not follow: a URL with a scheme, or a protocol-relative one. */
export function isExternal(target: string): boolean {
  return SCHEME.test(target) || target.startsWith('//');
}

/**
 * The relative links of `file` that do not resolve: a missing file or folder, a path that leaves `root`, an
 * anchor its Markdown target does not define, or an anchor on a file that is not Markdown.
 */
export function brokenLinks(file: string, root: string): LinkProblem[] {
  const markdown = readFileSync(file, 'utf8');
  const problems: LinkProblem[] = [];
  for (const { line, target } of markdownLinks(markdown)) {
    if (isExternal(target)) continue;
    const report = (problem: string): void => void problems.push({ file: path.relative(root, file), line, target, problem });
    const hashAt = target.indexOf('#');
    const pathPart = decodeURIComponent(hashAt === -1 ? target : target.slice(0, hashAt));
    const anchor = hashAt === -1 ? undefined : decodeURIComponent(target.slice(hashAt + 1));
    const resolved = pathPart === '' ? file : path.resolve(path.dirname(file), pathPart);
    const fromRoot = path.relative(root, resolved);
    if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
      report('points outside the repository');
      continue;
    }
    if (!existsSync(resolved)) {
      report('no such file or folder');
      continue;
    }
    if (anchor === undefined) continue;
    if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) {
      report('an anchor on something that is not a Markdown page');
      continue;
    }
    if (!markdownAnchors(readFileSync(resolved, 'utf8')).has(anchor)) report(`no heading or anchor #${anchor} in ${path.relative(root, resolved)}`);
  }
  return problems;
}
