import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Template } from '../../../cli/template/load-template';
import { propertiesOf, walk } from './walk';

/** SAR metadata, build wiring and runtimes. Each check returns a list of problems. */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

/** SPDX identifiers SAR shows a licence page for; the project is Apache-2.0. */
const KNOWN_SPDX_IDS = new Set(['Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', 'GPL-3.0-only', 'LGPL-3.0-only', 'Unlicense']);
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export const RUNTIME = 'nodejs24.x';
export const ARCHITECTURE = 'arm64';

export function sarMetadata(template: Template): Dict {
  return ((template.Metadata ?? {}) as Dict)['AWS::ServerlessRepo::Application'] ?? {};
}

/** The SAR publication rules (docs/reference/aws-contracts.md#sam-and-the-serverless-application-repository); file references resolved against `root`. */
export function checkSarMetadata(template: Template, root: string): string[] {
  return [...checkSarFields(template), ...checkSarFiles(template, root)];
}

/** LicenseUrl and ReadmeUrl name files that `sam package` can upload. */
export function checkSarFiles(template: Template, root: string): string[] {
  const app = sarMetadata(template);
  return ['LicenseUrl', 'ReadmeUrl']
    .map((key) => [key, String(app[key] ?? '')] as const)
    .filter(([, file]) => !file || !existsSync(path.join(root, file)))
    .map(([key, file]) => `${key} ${file} does not exist in the project.`);
}

/** The SAR metadata fields themselves, without looking at the file system. */
export function checkSarFields(template: Template): string[] {
  const app = sarMetadata(template);
  const problems: string[] = [];
  if (!/^[a-zA-Z0-9-]{1,140}$/.test(String(app.Name))) problems.push(`SAR Name ${String(app.Name)} is invalid.`);
  if (typeof app.Description !== 'string' || app.Description.length < 1 || app.Description.length > 256) problems.push('SAR Description must be 1–256 characters.');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(String(app.Author ?? ''))) problems.push(`SAR Author ${String(app.Author)} must be lowercase letters, digits and single hyphens.`);
  if (!KNOWN_SPDX_IDS.has(String(app.SpdxLicenseId))) problems.push(`SpdxLicenseId ${String(app.SpdxLicenseId)} is not an SPDX identifier.`);
  if (!SEMVER.test(String(app.SemanticVersion))) problems.push(`SemanticVersion ${String(app.SemanticVersion)} is not semver.`);
  const labels = Array.isArray(app.Labels) ? app.Labels : [];
  if (labels.length < 1 || labels.length > 10) problems.push(`SAR allows 1–10 Labels; there are ${labels.length}.`);
  for (const label of labels) {
    if (!/^[a-zA-Z0-9+\-_:/@]{1,127}$/.test(String(label))) problems.push(`Label ${String(label)} is invalid.`);
  }
  for (const key of ['HomePageUrl', 'SourceCodeUrl']) {
    if (!/^https:\/\/\S+$/.test(String(app[key] ?? ''))) problems.push(`${key} must be an https URL.`);
  }
  walk(app, (value, where) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((k) => k === 'Ref' || k.startsWith('Fn::'))) {
      problems.push(`SAR metadata ${where} uses an intrinsic function; SAR takes literals only.`);
    }
  });
  return problems;
}

/** What esbuild.config.mjs builds: logical id → entry point. Asked of the config itself (an ES module jest cannot import). */
export function esbuildFunctions(root: string): Map<string, string> {
  const script = "import('./esbuild.config.mjs').then((m) => process.stdout.write(JSON.stringify(m.lambdaFunctions())))";
  const functions = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as { id: string; entry: string }[];
  return new Map(functions.map((fn) => [fn.id, fn.entry]));
}

/** The `build-<LogicalId>` targets make sees in the Makefile (its database, `make -pn`, so generated targets count). */
export function makefileTargets(root: string): Set<string> {
  const database = execFileSync('make', ['-pn', '-f', 'Makefile', 'ARTIFACTS_DIR=/nonexistent'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return new Set([...database.matchAll(/^build-([A-Za-z0-9]+):/gm)].map((match) => match[1] as string));
}

/** Function resource types `sam build` builds, and the property holding each one's local code folder. */
const CODE_PROPERTY: Readonly<Record<string, string>> = { 'AWS::Lambda::Function': 'Code', 'AWS::Serverless::Function': 'CodeUri' };

/** Raw template: each function builds with `sam build` through the Makefile and esbuild.config.mjs. */
export function checkFunctionBuilds(template: Template, root: string): string[] {
  const problems: string[] = [];
  const targets = makefileTargets(root);
  const bundles = esbuildFunctions(root);
  for (const [id, resource] of Object.entries(template.Resources)) {
    const codeProperty = CODE_PROPERTY[resource.Type];
    if (codeProperty === undefined) continue;
    const p = propertiesOf(resource) as Dict;
    const code = typeof p[codeProperty] === 'string' ? (p[codeProperty] as string) : '';
    const folder = path.join(root, code);
    if (!code || !existsSync(folder) || !statSync(folder).isDirectory()) problems.push(`${id} ${codeProperty} ${code} is not a folder of the project.`);
    if ((resource.Metadata as Dict | undefined)?.BuildMethod !== 'makefile') problems.push(`${id} does not build with BuildMethod: makefile.`);
    if (!targets.has(id)) problems.push(`The Makefile has no build-${id} target.`);
    if (!bundles.has(id)) problems.push(`esbuild.config.mjs FUNCTIONS has no ${id}.`);
    if (p.Handler !== 'index.handler') problems.push(`${id} Handler is ${String(p.Handler)}, not index.handler.`);
  }
  for (const id of bundles.keys()) {
    if (CODE_PROPERTY[template.Resources[id]?.Type ?? ''] === undefined) problems.push(`esbuild builds ${id}, which the template does not define.`);
  }
  return problems;
}

/**
 * SAR validates AWS::Serverless::Function properties against its own SAM specification, which has lagged
 * behind SAM (publication refused SnapStart and FunctionUrlConfig: aws/aws-sam-cli#4531,
 * aws/serverless-application-model#2421). No public record shows it accepting LoggingConfig, so a function
 * that needs it is an AWS::Lambda::Function, which the SAM translator passes through unvalidated.
 */
export const SAR_UNPROVEN_FUNCTION_PROPERTIES = ['LoggingConfig', 'SnapStart', 'FunctionUrlConfig', 'RuntimeManagementConfig', 'RecursiveLoop'] as const;

export function checkSarFunctionProperties(template: Template): string[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::Serverless::Function')
    .flatMap(([id, resource]) =>
      SAR_UNPROVEN_FUNCTION_PROPERTIES.filter((name) => propertiesOf(resource)[name] !== undefined).map(
        (name) => `${id} sets ${name} on AWS::Serverless::Function, which SAR is not known to accept; declare it as AWS::Lambda::Function.`,
      ),
    );
}

/** Every function, raw or expanded, runs nodejs24.x on arm64. */
export function checkRuntimes(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::Serverless::Function' && resource.Type !== 'AWS::Lambda::Function') continue;
    const p = propertiesOf(resource) as Dict;
    if (p.Runtime !== RUNTIME) problems.push(`${id} Runtime is ${String(p.Runtime)}, not ${RUNTIME}.`);
    if (JSON.stringify(p.Architectures) !== JSON.stringify([ARCHITECTURE])) problems.push(`${id} Architectures is ${JSON.stringify(p.Architectures)}, not [${ARCHITECTURE}].`);
  }
  return problems;
}
