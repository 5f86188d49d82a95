/**
 * A table of contents of the README's `## ` sections, linked the way GitHub anchors headings: lowercased,
 * punctuation removed, spaces turned into hyphens. Headings inside fenced code blocks do not count.
 */

/** GitHub's anchor for a heading text. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The `## ` headings of `markdown`, outside code fences, in order. */
export function sectionHeadings(markdown: string): string[] {
  const headings: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && line.startsWith('## ')) headings.push(line.slice(3).trim());
  }
  return headings;
}

/** One line per section: `[Heading](#anchor)`, joined with ` · `. */
export function tableOfContents(markdown: string): string {
  return sectionHeadings(markdown)
    .map((heading) => `[${heading}](#${headingAnchor(heading)})`)
    .join(' · ');
}
