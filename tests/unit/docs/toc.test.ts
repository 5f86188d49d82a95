import { headingAnchor, sectionHeadings, tableOfContents } from '../../../scripts/readme/toc';

describe('the contents line of the README and docs/ pages', () => {
  test('anchors headings as GitHub does: lowercase, punctuation dropped, spaces as hyphens', () => {
    expect(headingAnchor('The normalised record (schema v1)')).toBe('the-normalised-record-schema-v1');
    expect(headingAnchor('The o2-cognito command')).toBe('the-o2-cognito-command');
    expect(headingAnchor('Costs')).toBe('costs');
  });

  test('lists only level-2 headings outside code fences', () => {
    // Prepare
    const markdown = ['# Title', '## One', '### Sub', '```sh', '## not a heading', '```', '## Two, too'].join('\n');
    // Act
    const headings = sectionHeadings(markdown);
    // Assess
    expect(headings).toEqual(['One', 'Two, too']);
    expect(tableOfContents(markdown)).toBe('[One](#one) · [Two, too](#two-too)');
  });
});
