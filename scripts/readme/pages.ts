/**
 * Which fragment of docs/readme/ goes to which generated page, and at which heading level. README.md is the
 * entry point; everything else goes to a page under docs/. Fragments stay where they are and are written as
 * if they sat at the repository root: links to files relative to the root, links to sections as bare
 * `#anchor`s. The generator points each link at the page that ends up holding its target.
 */

export interface PageFragment {
  /** Path under docs/readme/. */
  readonly file: string;
  /** The level the fragment's first heading gets on the page; its other headings move by as much. */
  readonly level: number;
}

export interface DocPage {
  /** Where the page is written, relative to the repository root. */
  readonly path: string;
  /** One line for the README's documentation index. */
  readonly summary: string;
  readonly fragments: readonly PageFragment[];
}

const at = (level: number, file: string): PageFragment => ({ file, level });

export const README_PAGE: DocPage = {
  path: 'README.md',
  summary: 'What o2-cognito is, how to deploy it, and everything about it.',
  fragments: [
    at(1, '00-intro.md'),
    at(2, '10-pipeline.md'),
    at(2, '20-quickstart.md'),
    at(2, '30-deploy.md'),
    at(3, '31-before-you-deploy.md'),
    at(3, '32-preflight.md'),
    at(2, '35-organizations.md'),
    at(2, '40-how-it-works.md'),
    at(2, '45-parameters-intro.md'),
    at(2, '60-outputs.md'),
    at(2, '69-fields.md'),
    at(3, '70-normalised-record.md'),
    at(2, '75-user-activity-logs.md'),
    at(2, '80-cli-invoke.md'),
    at(3, '81-replay.md'),
    at(3, '82-check-endpoint.md'),
    at(3, '83-security-pack.md'),
    at(4, '84-detections.md'),
    at(2, '90-troubleshooting.md'),
    at(2, '95-costs.md'),
    at(2, '96-benchmarks.md'),
    at(2, '97-development.md'),
  ],
};

/** The pages under docs/, in the order the README's documentation index lists them. */
export const DOC_PAGES: readonly DocPage[] = [];

export const ALL_PAGES: readonly DocPage[] = [README_PAGE, ...DOC_PAGES];
