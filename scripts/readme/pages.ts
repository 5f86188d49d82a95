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
  summary: 'What o2-cognito is, the two commands, deploying, troubleshooting, updating and deleting the stack.',
  fragments: [
    at(1, '00-intro.md'),
    at(2, '10-pipeline.md'),
    at(2, '20-quickstart.md'),
    at(2, 'entry/deploy.md'),
    at(2, 'entry/what-you-get.md'),
    at(2, 'entry/troubleshooting.md'),
    at(2, 'entry/update-and-delete.md'),
    at(2, 'entry/documentation.md'),
  ],
};

/** The pages under docs/, in the order the README's documentation index lists them. */
export const DOC_PAGES: readonly DocPage[] = [
  {
    path: 'docs/deploy.md',
    summary: 'SAM CLI and SAR, the key in Secrets Manager, identity-pool data events, every endpoint check, a pre-flight, publishing.',
    fragments: [at(1, '30-deploy.md'), at(2, '31-before-you-deploy.md'), at(2, '32-preflight.md'), at(2, '35-organizations.md'), at(2, '39-publishing.md')],
  },
  {
    path: 'docs/how-it-works.md',
    summary: 'Every resource, the flow of one event, IAM scoping, the template\'s security checks.',
    fragments: [at(1, '40-how-it-works.md')],
  },
  {
    path: 'docs/parameters.md',
    summary: 'Every template parameter and stack output.',
    fragments: [at(1, '45-parameters-intro.md'), at(2, '60-outputs.md')],
  },
  {
    path: 'docs/schema.md',
    summary: 'The normalised record: fields, categories, outcomes, time, privacy, user activity logs.',
    fragments: [at(1, '69-fields.md'), at(2, '70-normalised-record.md'), at(2, '75-user-activity-logs.md')],
  },
  {
    path: 'docs/cli.md',
    summary: 'o2-cognito invoke, replay and check-endpoint.',
    fragments: [at(1, '80-cli-invoke.md'), at(2, '81-replay.md'), at(2, '82-check-endpoint.md')],
  },
  {
    path: 'docs/security-pack.md',
    summary: 'Dashboard, alerts, thresholds, install-pack, how the detections are tested.',
    fragments: [at(1, '83-security-pack.md'), at(2, '84-detections.md')],
  },
  {
    path: 'docs/troubleshooting.md',
    summary: 'Stage by stage, silent drops, the dead-letter queue, redriving, every alarm.',
    fragments: [at(1, '90-troubleshooting.md')],
  },
  {
    path: 'docs/costs.md',
    summary: 'What each part costs, a worked example, what changes the bill.',
    fragments: [at(1, '95-costs.md')],
  },
  {
    path: 'docs/benchmarks.md',
    summary: 'The transform benchmark, its goals and figures.',
    fragments: [at(1, '96-benchmarks.md')],
  },
  {
    path: 'docs/development.md',
    summary: 'Source layout, npm scripts, CI, builds, which Node.js, how these pages are generated.',
    fragments: [at(1, '97-development.md'), at(2, '98-which-nodejs.md'), at(2, '99-docs-pages.md')],
  },
];

export const ALL_PAGES: readonly DocPage[] = [README_PAGE, ...DOC_PAGES];
