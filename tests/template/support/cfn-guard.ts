import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Template } from '../../../cli/template/load-template';
import { contextFor, exists, type ParameterValues, resolveIfs } from './evaluate';
import { ROOT } from './template-fixture';

/**
 * Runs cfn-guard (bundled with @cdklabs/cdk-validator-cfnguard) with the AWS Control Tower proactive-control
 * rule pack over a template, and reads its structured JSON into (rule, resource) failures.
 *
 * cfn-guard 3.1.1 has no suppressions of its own, so ours live in template.yaml: a resource exempt from a
 * rule carries `Metadata.guard.SuppressedRules: [{ Rule, Reason }]`. They are keyed by logical id, which
 * the SAM expansion keeps: plain resources (the functions are AWS::Lambda::Function) pass through unchanged,
 * and SAM would copy an AWS::Serverless::Function's Metadata onto the AWS::Lambda::Function of the same id.
 * (A resource SAM generates, such as an implicit role, could carry none; this template declares all of them.)
 */

const PACKAGE_DIR = path.join(ROOT, 'node_modules', '@cdklabs', 'cdk-validator-cfnguard');
export const RULES_DIR = path.join(PACKAGE_DIR, 'rules', 'control-tower', 'cfn-guard');

// cfn-guard 3.x exit codes: 0 when no rule fails, 19 when one does; anything else is an error of the run.
const EXIT_NO_FAILURE = 0;
const EXIT_RULE_FAILED = 19;

/** The package ships binaries as bin/<os>/<arch>/cfn-guard; Node's names for this machine → its folders. */
const OS_FOLDERS: Readonly<Record<string, string>> = { linux: 'ubuntu', darwin: 'macos' };
const ARCH_FOLDERS: Readonly<Record<string, string>> = { x64: 'x86_64', arm64: 'aarch64' };

/** Shortest acceptable suppression reason, in characters: enough for a real sentence, not "n/a". */
export const MIN_REASON_CHARS = 20;

/** A failure that cannot be tied to one resource (a template-level check) is reported under this name. */
export const NO_RESOURCE = '(template)';

export interface GuardFailure {
  readonly rule: string;
  readonly resource: string;
}

export interface GuardReport {
  readonly failures: GuardFailure[];
  readonly passed: string[];
  readonly notApplicable: string[];
}

export interface Suppression {
  readonly resource: string;
  readonly rule: string;
  readonly reason: string;
}

/** The cfn-guard binary for this platform and architecture; throws, naming both, when none is bundled. */
export function guardBinary(platform: string = process.platform, arch: string = process.arch): string {
  const osFolder = OS_FOLDERS[platform];
  const archFolder = ARCH_FOLDERS[arch];
  const binary = osFolder && archFolder ? path.join(PACKAGE_DIR, 'bin', osFolder, archFolder, 'cfn-guard') : undefined;
  if (binary === undefined || !existsSync(binary)) {
    throw new Error(
      `@cdklabs/cdk-validator-cfnguard has no cfn-guard binary for ${platform}/${arch}; run the template tests on Linux or macOS (x64 or arm64), or install the devDependencies.`,
    );
  }
  return binary;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every logical id a failing rule's evaluation tree points at (`/Resources/<id>/…`). */
function resourcesIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const child of node) resourcesIn(child, found);
  else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      const id = key === 'path' && typeof value === 'string' ? /^\/Resources\/([^/[]+)/.exec(value)?.[1] : undefined;
      if (id !== undefined) found.add(id);
      else resourcesIn(value, found);
    }
  }
  return found;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Reads `cfn-guard validate --structured -o json` output for one data file. */
export function parseGuardOutput(text: string): GuardReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`cfn-guard printed something that is not JSON: ${text.slice(0, 200)}`);
  }
  const file = Array.isArray(data) ? data[0] : undefined;
  if (!isRecord(file) || !Array.isArray(file.not_compliant)) {
    throw new Error('cfn-guard output has no not_compliant list; is this cfn-guard 3.x with --structured -o json?');
  }
  const failures: GuardFailure[] = [];
  for (const entry of file.not_compliant) {
    const rule = isRecord(entry) && isRecord(entry.Rule) ? String(entry.Rule.name) : undefined;
    if (rule === undefined) throw new Error(`cfn-guard reported a failure without a rule name: ${JSON.stringify(entry).slice(0, 200)}`);
    const resources = [...resourcesIn(entry, new Set())];
    for (const resource of resources.length > 0 ? resources : [NO_RESOURCE]) failures.push({ rule, resource });
  }
  failures.sort((a, b) => `${a.resource} ${a.rule}`.localeCompare(`${b.resource} ${b.rule}`));
  return { failures, passed: names(file.compliant), notApplicable: names(file.not_applicable) };
}

/** Runs the whole Control Tower pack over the template (written to a temporary JSON file). */
export function runGuard(template: Template): GuardReport {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'o2c-guard-'));
  try {
    const data = path.join(dir, 'template.json');
    writeFileSync(data, JSON.stringify(template, null, 1));
    const args = ['validate', '--data', data, '--rules', RULES_DIR, '--structured', '--show-summary', 'none', '--output-format', 'json'];
    const result = spawnSync(guardBinary(), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    if (result.status !== EXIT_NO_FAILURE && result.status !== EXIT_RULE_FAILED) {
      throw new Error(`cfn-guard failed to run (exit ${result.status}): ${result.stderr || result.error?.message}`);
    }
    return parseGuardOutput(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The template as deployed with these parameter values: resources whose Condition is false removed, every
 * Fn::If replaced by its branch. cfn-guard reads a Fn::If as an opaque object, so this puts the statements
 * and properties behind conditions (e.g. the secret-reading IAM statements) in front of the rules.
 */
export function deployedWith(template: Template, given: ParameterValues): Template {
  const ctx = contextFor(template, given);
  const resources = Object.entries(template.Resources).filter(([, resource]) => exists(resource as { Condition?: unknown }, ctx));
  return { ...template, Resources: Object.fromEntries(resources.map(([id, resource]) => [id, resolveIfs(resource, ctx)])) } as Template;
}

/** The suppressions declared in `Metadata.guard.SuppressedRules` of every resource. */
export function suppressionsOf(template: Template): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const [resource, spec] of Object.entries(template.Resources)) {
    const guard = isRecord(spec.Metadata) ? spec.Metadata.guard : undefined;
    const entries = isRecord(guard) && Array.isArray(guard.SuppressedRules) ? guard.SuppressedRules : [];
    for (const entry of entries) {
      const rule = isRecord(entry) ? String(entry.Rule ?? '') : String(entry);
      const reason = isRecord(entry) && typeof entry.Reason === 'string' ? entry.Reason.trim() : '';
      suppressions.push({ resource, rule, reason });
    }
  }
  return suppressions;
}

const key = (item: { resource: string; rule: string }): string => `${item.resource} ${item.rule}`;

/** Failures with no suppression on the same resource for the same rule. */
export function unsuppressedFailures(failures: readonly GuardFailure[], suppressions: readonly Suppression[]): string[] {
  const suppressed = new Set(suppressions.map(key));
  return failures
    .filter((failure) => !suppressed.has(key(failure)))
    .map((f) => `${f.resource} fails ${f.rule}; fix it, or add { Rule: ${f.rule}, Reason: … } to its Metadata.guard.SuppressedRules in template.yaml.`);
}

/** Suppressions whose rule no longer fails on their resource (or that name no rule at all). */
export function staleSuppressions(failures: readonly GuardFailure[], suppressions: readonly Suppression[]): string[] {
  const failing = new Set(failures.map(key));
  return suppressions
    .filter((suppression) => !failing.has(key(suppression)))
    .map((s) => `${s.resource} suppresses ${s.rule || '(no Rule)'}, which does not fail there; remove the stale suppression from template.yaml.`);
}

/** Suppressions without a reason of at least MIN_REASON_CHARS characters. */
export function weakReasons(suppressions: readonly Suppression[]): string[] {
  return suppressions
    .filter((suppression) => suppression.reason.length < MIN_REASON_CHARS)
    .map((s) => `${s.resource}'s suppression of ${s.rule} needs a Reason of at least ${MIN_REASON_CHARS} characters saying why.`);
}
