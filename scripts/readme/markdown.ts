/**
 * The Markdown surgery `npm run docs` does on a fragment: moving its headings to the level its page gives
 * it, reading the anchors a page defines, and rewriting the targets of its inline links. Fenced code blocks
 * and code spans are left alone: a `# comment` in a shell block is not a heading, and a link inside backticks
 * is not a link. (tests/helpers/markdown-links.ts reads the finished pages independently, as GitHub would.)
 */
import { headingAnchor } from './toc';

// Any indentation, as toc.ts reads them: a fence inside a list item is indented by the item's content.
const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const INLINE_LINK_TARGET = /(\]\(\s*<?)([^\s)>]+)(>?(?:\s+"[^"]*")?\s*\))/g;
const CODE_SPAN = /(`[^`]*`)/;

/** `markdown` with `change` applied to every line outside fenced code blocks. */
function mapProseLines(markdown: string, change: (line: string) => string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) {
        inFence = !inFence;
        return line;
      }
      return inFence ? line : change(line);
    })
    .join('\n');
}

/** The level (1–6) of every heading outside fenced code blocks, in order, with its text. */
export function headings(markdown: string): { level: number; text: string }[] {
  const found: { level: number; text: string }[] = [];
  mapProseLines(markdown, (line) => {
    const match = HEADING.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) found.push({ level: match[1].length, text: match[2] });
    return line;
  });
  return found;
}

/**
 * `markdown` with its headings moved so that the first one is at `level`, the others keeping their distance
 * to it. Throws when the fragment has no heading or a heading would leave levels 1–6.
 */
export function shiftHeadings(markdown: string, level: number, where: string): string {
  const first = headings(markdown)[0];
  if (first === undefined) throw new Error(`${where} has no heading; start it with one, so that its page can place it.`);
  const shift = level - first.level;
  return mapProseLines(markdown, (line) => {
    const match = /^(#{1,6})(\s)/.exec(line);
    if (match?.[1] === undefined) return line;
    const moved = match[1].length + shift;
    if (moved < 1 || moved > 6) throw new Error(`${where}: the heading "${line}" would move to level ${moved}; give the fragment another level in scripts/readme/pages.ts.`);
    return '#'.repeat(moved) + line.slice(match[1].length);
  });
}

/** Heading text as GitHub slugs it: the text of code spans and links kept, their markup dropped. */
function slugOf(text: string): string {
  return headingAnchor(text.replace(/`([^`]*)`/g, '$1').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

/** The anchors a page's headings define, repeats numbered `-1`, `-2`… as GitHub numbers them. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of headings(markdown)) {
    const slug = slugOf(text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The anchor of a page's title: its first heading, when that is a level-1 heading. */
export function titleAnchor(markdown: string): string | undefined {
  const first = headings(markdown)[0];
  return first?.level === 1 ? slugOf(first.text) : undefined;
}

/** `markdown` with the target of every inline link and image outside code replaced by `rewrite(target)`. */
export function rewriteLinks(markdown: string, rewrite: (target: string) => string): string {
  return mapProseLines(markdown, (line) =>
    line
      .split(CODE_SPAN)
      .map((part, index) => (index % 2 === 1 ? part : part.replace(INLINE_LINK_TARGET, (_, open: string, target: string, close: string) => `${open}${rewrite(target)}${close}`)))
      .join(''),
  );
}

/** True for a target this generator leaves as written: a URL with a scheme, or a protocol-relative one. */
export function isExternalTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}
