import { spawnSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';

/**
 * Some checks need tools outside npm (cfn-lint, moto_server, the SAM translator). On a machine without
 * them the check is reported as SKIPPED, loudly, with the reason; under CI (`REQUIRE_EXTERNAL_TOOLS=1`)
 * a missing tool fails the run instead.
 */
const SHIMS = path.join(os.homedir(), '.pyenv', 'shims');
export const TOOL_PATH = `${SHIMS}${path.delimiter}${process.env.PATH ?? ''}`;

const cache = new Map<string, boolean>();

function probe(tool: string, args: readonly string[]): boolean {
  const key = [tool, ...args].join(' ');
  let ok = cache.get(key);
  if (ok === undefined) {
    const result = spawnSync(tool, args, { env: { ...process.env, PATH: TOOL_PATH }, stdio: 'ignore', timeout: 30_000 });
    ok = result.status === 0;
    cache.set(key, ok);
  }
  return ok;
}

export const TOOLS = {
  'cfn-lint': () => probe('cfn-lint', ['--version']),
  moto_server: () => probe('python3', ['-c', 'import moto.server']) && probe('moto_server', ['--help']),
  'sam-translator': () => probe('python3', ['-c', 'import samtranslator']),
  /** The AWS CLI's service models (botocore), the reference for API enums such as SAR's capabilities. */
  botocore: () => probe('python3', ['-c', 'import botocore.session']),
} as const;
export type ToolName = keyof typeof TOOLS;

/** The pip package that brings each tool. */
const PIP_PACKAGES: Readonly<Record<ToolName, string>> = {
  'cfn-lint': 'cfn-lint',
  moto_server: '"moto[server]"',
  'sam-translator': 'aws-sam-translator',
  botocore: 'botocore',
};

/** One command that installs every tool the suite can use. */
export const INSTALL_ALL_TOOLS = `pip install ${Object.values(PIP_PACKAGES).join(' ')}`;

/** What a developer sees when `tool` is missing: what did not run, why, and the command that fixes it. */
export function skippedMessage(tool: ToolName, name: string): string {
  return (
    `SKIPPED: "${name}" needs ${tool}, which is not on PATH (${SHIMS} included). ` +
    `Install it with \`pip install ${PIP_PACKAGES[tool]}\` (all the suite uses: \`${INSTALL_ALL_TOOLS}\`); ` +
    'CI sets REQUIRE_EXTERNAL_TOOLS=1, so there a missing tool fails instead.'
  );
}

export const toolsRequired = (): boolean => process.env.REQUIRE_EXTERNAL_TOOLS === '1';

/** `describe` that runs only where `tool` is installed; says SKIPPED on stderr, or fails under CI. */
export function describeWithTool(tool: ToolName, name: string, body: () => void): void {
  if (TOOLS[tool]()) {
    describe(name, body);
    return;
  }
  if (toolsRequired()) {
    describe(name, () => {
      test(`requires ${tool}`, () => {
        throw new Error(`${tool} is not installed, and REQUIRE_EXTERNAL_TOOLS=1 says this check must run; install it with \`pip install ${PIP_PACKAGES[tool]}\`.`);
      });
    });
    return;
  }
  process.stderr.write(`\n${skippedMessage(tool, name)}\n`);
  describe.skip(`${name} [SKIPPED: ${tool} not installed]`, body);
}
