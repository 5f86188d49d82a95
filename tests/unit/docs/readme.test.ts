/**
 * README.md is the entry point, on GitHub and as the Serverless Application Repository's readme: short, its
 * links and anchors resolving, an index that links every page under docs/, and a sample record the transform
 * really writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { generatedDoc, ROOT } from '../../helpers/generated-docs';
import { brokenLinks, isExternal, markdownLinks } from '../../helpers/markdown-links';

/**
 * The README's hard cap, in bytes. What it does not need goes to a page under docs/. SAR takes a readme of up
 * to 5 MB (CreateApplication's ReadmeUrl), so this cap is the one that binds.
 */
const README_MAX_BYTES = 20 * 1024;

/** Every Markdown page under docs/ a reader may want, the fragments of the generator aside. */
function docsPages(): string[] {
  return readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .map((name) => `docs/${name.split(path.sep).join('/')}`)
    .filter((file) => file.endsWith('.md') && !file.startsWith('docs/readme/'))
    .sort();
}

/** The files the README links to, as paths from the repository root. */
function linkedFiles(): Set<string> {
  return new Set(
    markdownLinks(generatedDoc('README.md'))
      .map((link) => link.target)
      .filter((target) => !isExternal(target) && !target.startsWith('#'))
      .map((target) => path.posix.normalize(decodeURIComponent(target.split('#')[0] ?? ''))),
  );
}

describe('README.md', () => {
  test(`stays under ${README_MAX_BYTES} bytes`, () => {
    expect(Buffer.byteLength(generatedDoc('README.md'))).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  test('every link and #anchor resolves, those into docs/ included', () => {
    expect(brokenLinks(path.join(ROOT, 'README.md'), ROOT)).toEqual([]);
    expect([...linkedFiles()].filter((file) => file.startsWith('docs/')).length).toBeGreaterThanOrEqual(10);
  });

  test('links every page under docs/', () => {
    // Prepare
    const linked = linkedFiles();

    // Act
    const unlinked = docsPages().filter((file) => !linked.has(file));

    // Assess
    expect(docsPages()).toEqual(expect.arrayContaining(['docs/organizations.md', 'docs/reference/README.md', 'docs/schema.md']));
    expect(unlinked).toEqual([]);
  });

  test('has a section per failure class, each with a symptom, a way to confirm it and a fix', () => {
    // Prepare
    const readme = generatedDoc('README.md');
    const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting'), readme.indexOf('\n## ', readme.indexOf('## Troubleshooting') + 1));
    const sections = troubleshooting.split('\n### ').slice(1);

    // Act
    const incomplete = sections.filter((section) => !['**Symptom:**', '**Confirm', '**Fix'].every((part) => section.includes(part)));

    // Assess
    expect(sections.map((section) => section.split('\n')[0])).toEqual([
      'No data in OpenObserve',
      'Delivery failures: records in the backup bucket',
      'Authentication errors (401/403, wrong key or organization)',
      'The rule does not match (events in CloudTrail, none in the stream)',
      'No trail (no CloudTrail, or no data events)',
    ]);
    expect(incomplete).toEqual([]);
  });

  test('shows a sample record that the transform writes for the sample event it comes from, and no event replay would read', () => {
    // Prepare: the failed sign-in of events/eventbridge, normalised a minute after it happened (no restamp)
    const line = generatedDoc('README.md')
      .split('\n')
      .find((text) => text.startsWith('{\t'));
    const event = JSON.parse(readFileSync(path.join(ROOT, 'events/eventbridge/initiate-auth-failure-not-authorized.json'), 'utf8')) as { time: string };
    const now = Date.parse(event.time) + 60_000;

    // Act
    const outcome = normaliseEvent(event, now, DEFAULT_TRANSFORM_CONFIG, now);

    // Assess: the README's fields, in the transform's order, with the transform's values
    expect(outcome.kind).toBe('ok');
    const written = JSON.parse(outcome.kind === 'ok' ? outcome.line : '{}') as Record<string, unknown>;
    const shown = JSON.parse((line ?? '{}').replace(/,…/g, '')) as Record<string, unknown>;
    expect(Object.keys(shown).length).toBeGreaterThanOrEqual(10);
    expect(shown).toEqual(Object.fromEntries(Object.keys(shown).map((key) => [key, written[key]])));
    expect(Object.keys(written).filter((key) => key in shown)).toEqual(Object.keys(shown));
    // `…` keeps the line from being JSON: `o2-cognito replay --from README.md` must find no event in it.
    expect(() => JSON.parse(line ?? '')).toThrow();
  });

  test('states how many alerts the security pack installs', () => {
    // Prepare
    const words = ['twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    const alerts = readdirSync(path.join(ROOT, 'content/alerts')).filter((name) => name.endsWith('.json')).length;
    // Act
    const stated = /dashboard and (\w+) alerts in OpenObserve/.exec(generatedDoc('README.md'))?.[1];
    // Assess
    expect(stated).toBe(words[alerts - 12]);
  });
});
