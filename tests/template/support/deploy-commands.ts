import { spawnSync } from 'node:child_process';
import { TOOL_PATH } from '../../helpers/external-tools';

/**
 * The deploy commands the project hands to users (code blocks of the generated docs, samconfig.toml) and the capabilities
 * each passes, read as data so that a capability CloudFormation refuses cannot ship again.
 */

/** Where a capability list is sent: CloudFormation itself, or the Serverless Application Repository. */
export type CapabilityTarget = 'cloudformation' | 'serverlessrepo';

export interface CapabilityUse {
  readonly target: CapabilityTarget;
  readonly capabilities: readonly string[];
  /** The command line (or samconfig key) it came from, for the failure message. */
  readonly where: string;
}

/** Shell commands in ```sh fences, continuation lines joined, comments dropped. */
export function shellCommands(markdown: string): string[] {
  const commands: string[] = [];
  let inFence = false;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) continue;
    let line = raw;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i] ?? ''}`;
    const command = line.replace(/(^|\s)#.*$/, '').trim();
    if (command !== '') commands.push(command);
  }
  return commands;
}

/**
 * Commands written inline, in code spans outside fences, that start with `prefix` (`aws `, `o2-cognito `):
 * the README's troubleshooting names many that way.
 */
export function inlineCommands(markdown: string, prefix: RegExp): string[] {
  const commands: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    else if (!inFence) for (const span of line.matchAll(/`([^`]+)`/g)) if (prefix.test(span[1] ?? '')) commands.push((span[1] ?? '').trim());
  }
  return commands;
}

/**
 * Which service receives a command's `--capabilities`: `sam deploy` and `aws cloudformation …` pass them to
 * CloudFormation (SAM CLI hands the list to CreateChangeSet unchanged); `aws serverlessrepo …` to SAR's
 * CreateCloudFormationChangeSet. Anything else has no capabilities.
 */
function targetOf(command: string): CapabilityTarget | undefined {
  if (/(^|[\s(])sam deploy(\s|$)/.test(command) || /(^|[\s(])aws cloudformation (deploy|create-stack|update-stack|create-change-set)(\s|$)/.test(command)) {
    return 'cloudformation';
  }
  if (/(^|[\s(])aws serverlessrepo create-cloud-formation-change-set(\s|$)/.test(command)) return 'serverlessrepo';
  return undefined;
}

/** The values after `--capabilities`, up to the next flag. */
function capabilitiesIn(command: string): string[] | undefined {
  const match = /--capabilities((?:\s+[A-Z_]+)+)/.exec(command);
  return match === null ? undefined : (match[1] ?? '').trim().split(/\s+/);
}

/**
 * Every deploy command in the markdown, with the capabilities it passes (an empty list when it passes none).
 * A `sam deploy` without `--capabilities` takes samconfig.toml's, which {@link capabilityUsesInSamconfig} reads.
 */
export function capabilityUsesInMarkdown(markdown: string, file: string): CapabilityUse[] {
  return shellCommands(markdown).flatMap((command) => {
    const target = targetOf(command);
    const capabilities = capabilitiesIn(command);
    if (target === undefined || (capabilities === undefined && /(^|\s)sam deploy(\s|$)/.test(command))) return [];
    return [{ target, capabilities: capabilities ?? [], where: `${file}: ${command}` }];
  });
}

/** `capabilities = "A B"` or `capabilities = ["A", "B"]` in samconfig.toml (any section): what `sam deploy` passes. */
export function capabilityUsesInSamconfig(toml: string): CapabilityUse[] {
  const uses: CapabilityUse[] = [];
  let section = '';
  for (const line of toml.split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) section = header[1] ?? '';
    const value = /^\s*capabilities\s*=\s*(.+)$/.exec(line)?.[1];
    if (value === undefined) continue;
    const capabilities = [...value.matchAll(/[A-Z][A-Z_]+/g)].map((m) => m[0]);
    uses.push({ target: 'cloudformation', capabilities, where: `samconfig.toml [${section}] capabilities` });
  }
  return uses;
}

/**
 * The `Capability` enum of an AWS service model shipped with botocore (the AWS CLI's own data), e.g.
 * `serverlessrepo` → CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND, CAPABILITY_RESOURCE_POLICY.
 */
export function botocoreEnum(service: string, shape: string): string[] {
  const script = [
    'import json, sys, botocore.session',
    'model = botocore.session.get_session().get_service_model(sys.argv[1])',
    'print(json.dumps(model.shape_for(sys.argv[2]).enum))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, service, shape], { env: { ...process.env, PATH: TOOL_PATH }, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`botocore could not give ${service} ${shape}: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

/** The documentation of one member of an input shape in a botocore service model, HTML tags removed. */
export function botocoreMemberDocumentation(service: string, shape: string, member: string): string {
  const script = [
    'import json, sys, botocore.session',
    'model = botocore.session.get_session().get_service_model(sys.argv[1])',
    'print(json.dumps(model.shape_for(sys.argv[2]).members[sys.argv[3]].documentation))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, service, shape, member], { env: { ...process.env, PATH: TOOL_PATH }, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`botocore could not give ${service} ${shape}.${member}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as string).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/**
 * The resource types SAR's CreateCloudFormationChangeSet documentation lists for a capability
 * ("The following resources require you to specify CAPABILITY_RESOURCE_POLICY: AWS::Lambda::Permission, …").
 */
export function resourceTypesRequiring(documentation: string, capability: string): string[] {
  // Resource type names hold no '.', so the list runs to the sentence's full stop.
  const sentence = new RegExp(`The following resources require you to specify ${capability}[^:.]*:([^.]*)\\.`).exec(documentation)?.[1];
  if (sentence === undefined) throw new Error(`The documentation no longer lists the resources that need ${capability}.`);
  // The documentation itself misspells two of them (AWS::IAM:Policy, AWS::SNS:TopicPolicy): normalise the separator.
  return [...sentence.matchAll(/AWS::[A-Za-z0-9]+::?[A-Za-z0-9]+/g)].map((m) => m[0].replace(/^(AWS::[A-Za-z0-9]+):([A-Za-z])/, '$1::$2'));
}
