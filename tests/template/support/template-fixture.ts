import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTemplate, type Template } from '../../../cli/template/load-template';
import { TOOL_PATH } from '../../helpers/external-tools';

/** The project root, where template.yaml, the Makefile and esbuild.config.mjs live. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TEMPLATE_PATH = path.join(ROOT, 'template.yaml');
/** The member template of an organization (plain CloudFormation, deployed as a StackSet). */
export const MEMBER_TEMPLATE_PATH = path.join(ROOT, 'member', 'template.yaml');
export const TRANSLATE_SCRIPT = path.join(ROOT, 'scripts', 'sam-translate.py');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'o2-cognito-template');

/** template.yaml (or another template file) as data, intrinsics in long form (what the CLI reads, too). */
export function rawTemplate(file: string = TEMPLATE_PATH): Template {
  return loadTemplate(file);
}

/** member/template.yaml as data. It has no transform: what it says is what CloudFormation deploys. */
export function memberTemplate(): Template {
  return loadTemplate(MEMBER_TEMPLATE_PATH);
}

/** Runs scripts/sam-translate.py on a template file and returns the expanded CloudFormation JSON text. */
export function translate(templateFile: string): string {
  const result = spawnSync('python3', [TRANSLATE_SCRIPT, templateFile], {
    cwd: ROOT,
    env: { ...process.env, PATH: TOOL_PATH },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`scripts/sam-translate.py failed (${result.status}): ${result.stderr || result.error?.message}`);
  }
  return result.stdout;
}

/**
 * The SAM-expanded template (what CloudFormation deploys), translated once per change of template.yaml or
 * of the translate script and cached under node_modules/.cache, so every test file can call this freely.
 */
export function expandedTemplate(): Template {
  const key = createHash('sha256')
    .update(readFileSync(TEMPLATE_PATH))
    .update(readFileSync(TRANSLATE_SCRIPT))
    .digest('hex')
    .slice(0, 24);
  const cached = path.join(CACHE_DIR, `expanded-${key}.json`);
  if (!existsSync(cached)) {
    const text = translate(TEMPLATE_PATH);
    mkdirSync(CACHE_DIR, { recursive: true });
    // Jest runs test files in parallel: write aside, then rename, so no reader sees half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, cached);
  }
  return JSON.parse(readFileSync(cached, 'utf8')) as Template;
}

/** A deep copy to mutate in a test (proving that a check bites) without touching the shared fixture. */
export function mutable(template: Template): MutableTemplate {
  return structuredClone(template) as MutableTemplate;
}

/** Template data with every level writable, for mutation tests. */
// biome-ignore-start lint/suspicious/noExplicitAny: mutation tests write any path of the template; the checks under test judge the result
export type MutableTemplate = {
  Parameters: Record<string, Record<string, unknown>>;
  Resources: Record<string, { Type: string; Properties: Record<string, any>; [key: string]: any }>;
  Outputs: Record<string, Record<string, any>>;
  Metadata: Record<string, any>;
  Rules: Record<string, any>;
  Conditions: Record<string, unknown>;
  [key: string]: any;
};
// biome-ignore-end lint/suspicious/noExplicitAny: mutation tests write any path of the template
