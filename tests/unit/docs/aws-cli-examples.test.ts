import { spawnSync } from 'node:child_process';
import { describeWithTool, TOOL_PATH } from '../../helpers/external-tools';
import { generatedDoc, generatedDocs } from '../../helpers/generated-docs';
import { inlineCommands, shellCommands } from '../../template/support/deploy-commands';

/**
 * Every `aws <service> <operation> --flag …` in the code blocks of the README and docs/ must name an
 * operation and flags the AWS CLI has, checked against the CLI's own service models (botocore). The AWS CLI's
 * hand-written commands (`aws cloudformation deploy`, `… wait`, `aws s3 …`) are checked against the list below.
 */

interface AwsCall {
  readonly service: string;
  readonly operation: string;
  readonly flags: string[];
  readonly line: string;
}

/** `aws` invocations anywhere in a command line of a code block (also inside `$(…)` and after pipes), or in a code span. */
function awsCalls(markdown: string): AwsCall[] {
  return [...shellCommands(markdown), ...inlineCommands(markdown, /^aws [a-z]/)].flatMap((line) =>
    [...line.matchAll(/(?:^|[\s(|;&])aws ([a-z0-9-]+) ([a-z0-9-]+)((?:(?!\)|\||&&|;).)*)/g)].map((m) => ({
      service: m[1] ?? '',
      operation: m[2] ?? '',
      flags: [...(m[3] ?? '').matchAll(/(?:^|\s)--([a-z0-9-]+)/g)].map((f) => f[1] ?? ''),
      line: line.trim(),
    })),
  );
}

/** Options every AWS CLI command takes, and the paginated ones'. */
const GLOBAL_FLAGS = ['region', 'output', 'query', 'profile', 'no-cli-pager', 'endpoint-url', 'debug', 'no-paginate', 'max-items', 'starting-token', 'page-size', 'cli-input-json'];
/** The AWS CLI's own commands that are not API operations, with the flags each takes. */
const CUSTOM_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  'cloudformation wait': ['stack-name', 'change-set-name'],
  'cloudformation deploy': ['stack-name', 'template-file', 'capabilities', 'parameter-overrides', 's3-bucket', 'no-execute-changeset'],
  's3 cp': ['recursive'],
  's3 ls': ['recursive'],
};

const SCRIPT = `
import json, sys, botocore.session
from botocore import xform_name
session = botocore.session.get_session()
problems = []
# The CLI's command names where they differ from the service model's.
CLI_SERVICES = {'s3api': 's3'}
for call in json.load(sys.stdin):
    service, operation, flags = CLI_SERVICES.get(call['service'], call['service']), call['operation'], call['flags']
    try:
        model = session.get_service_model(service)
    except Exception:
        problems.append('aws %s: no such service' % service); continue
    ops = {xform_name(name, '-'): name for name in model.operation_names}
    if operation not in ops:
        problems.append('aws %s %s: no such operation' % (service, operation)); continue
    members = model.operation_model(ops[operation]).input_shape.members
    names = {xform_name(name, '-'): shape for name, shape in members.items()}
    for flag in flags:
        if flag in names or (flag.startswith('no-') and names.get(flag[3:]) is not None and names[flag[3:]].type_name == 'boolean'):
            continue
        problems.append('aws %s %s: no flag --%s' % (service, operation, flag))
print(json.dumps(problems))
`;

function unknownInModels(calls: AwsCall[]): string[] {
  const result = spawnSync('python3', ['-c', SCRIPT], { input: JSON.stringify(calls), env: { ...process.env, PATH: TOOL_PATH }, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`botocore check failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

function check(calls: AwsCall[]): string[] {
  const problems: string[] = [];
  const modelled: AwsCall[] = [];
  for (const call of calls) {
    const flags = call.flags.filter((flag) => !GLOBAL_FLAGS.includes(flag));
    const custom = CUSTOM_COMMANDS[`${call.service} ${call.operation}`];
    if (call.service === 'cloudformation' && call.operation === 'wait') continue; // the waiter name follows
    if (custom) problems.push(...flags.filter((flag) => !custom.includes(flag)).map((flag) => `aws ${call.service} ${call.operation}: no flag --${flag}`));
    else modelled.push({ ...call, flags });
  }
  return [...problems, ...unknownInModels(modelled)];
}

describeWithTool('botocore', 'the AWS CLI commands of the README and docs/ (AWS CLI service models)', () => {
  const calls = generatedDocs().flatMap((doc) => awsCalls(doc.text));

  test('there are many, across the services the docs drive, in the README too', () => {
    expect(calls.length).toBeGreaterThanOrEqual(25);
    expect([...new Set(calls.map((call) => call.service))]).toEqual(
      expect.arrayContaining(['cloudformation', 'cognito-idp', 'cloudtrail', 'secretsmanager', 'serverlessrepo', 's3api', 'events', 'ssm']),
    );
    expect(awsCalls(generatedDoc('README.md')).length).toBeGreaterThanOrEqual(8);
  });

  test('name operations and flags the AWS CLI has', () => {
    expect(check(calls)).toEqual([]);
  });

  test('the check bites: a misspelt operation and flag are reported', () => {
    const broken = awsCalls('```sh\naws cognito-idp create-user-pool-client --user-pool-id x --callback-url https://a\naws cloudtrail put-event-selector --trail-name t\n```\nInline: `aws ssm get-parameter-by-path --path /x`.');
    expect(check(broken)).toEqual([
      'aws cognito-idp create-user-pool-client: no flag --callback-url',
      'aws cloudtrail put-event-selector: no such operation',
      'aws ssm get-parameter-by-path: no such operation',
    ]);
  });
});
