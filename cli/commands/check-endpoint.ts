import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { lookupAll } from '../../functions/endpoint-check/check-host';
import { runChecks } from '../../functions/endpoint-check/run-checks';
import type { AccessKeySource, CheckDeps, CheckInput, CheckReport } from '../../functions/endpoint-check/types';
import { ACCESS_KEY_LOCATION } from '../../functions/shared/access-key-location';
import { type CliIo, type Command, CliUsageError } from '../io';

const USAGE = `usage: o2-cognito check-endpoint --url BASE --org ORG --stream STREAM (--access-key KEY | --secret-arn ARN)
                                 [--gzip | --no-gzip] [--require-trail [--no-identity-pool-events]] [--region REGION]
                                 [--allow-local]

Runs the checks the stack's EndpointCheck runs at deploy time and prints one line per check
(passed, warned, failed, skipped) on stdout. Exits 1 when a check failed.

  --url BASE          OpenObserve base URL, e.g. https://openobserve.example.com
  --org ORG           organization id (often: default)
  --stream STREAM     stream name
  --access-key KEY    the access key; better: set OPENOBSERVE_ACCESS_KEY (keeps it out of shell history)
  --secret-arn ARN    Secrets Manager secret holding {"api_key": "<key>"} (uses your AWS credentials)
  --gzip, --no-gzip   send the probe gzip-compressed (default), or not, like ContentEncoding GZIP/NONE
  --require-trail     also check that a logging CloudTrail trail covers the region, and report (as a warning)
                      whether one selects the identity-pool data events (GetId, GetCredentialsForIdentity…)
  --no-identity-pool-events
                      with --require-trail: skip the data-event report (like IncludeIdentityPoolEvents=false)
  --region REGION     region of the trail check (default: AWS_REGION or your AWS profile's)
  --allow-local       local testing only: accept plain http to this machine (loopback addresses only), any
                      port, and loopback or private hosts over https; each is reported as a warning

The access key is ${ACCESS_KEY_LOCATION}.

exit codes:
  0  every check passed or warned
  1  a check failed (the failed lines say what to fix)
  2  usage error: a missing or invalid option (nothing was checked)
`;

const OPTIONS = {
  url: { type: 'string' },
  org: { type: 'string' },
  stream: { type: 'string' },
  'access-key': { type: 'string' },
  'secret-arn': { type: 'string' },
  gzip: { type: 'boolean' },
  'no-gzip': { type: 'boolean' },
  'require-trail': { type: 'boolean' },
  'no-identity-pool-events': { type: 'boolean' },
  region: { type: 'string' },
  'allow-local': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];

function required(values: Values, name: 'url' | 'org' | 'stream'): string {
  const value = values[name];
  if (value === undefined || value.trim() === '') throw new CliUsageError(`--${name} is required; see o2-cognito check-endpoint --help.`);
  return value;
}

function keySource(values: Values, env: NodeJS.ProcessEnv): AccessKeySource {
  const key = values['access-key'];
  const arn = values['secret-arn'];
  if (key !== undefined && arn !== undefined) throw new CliUsageError('Give --access-key or --secret-arn, not both.');
  if (arn !== undefined) return { source: 'secret', arn };
  const value = key ?? env.OPENOBSERVE_ACCESS_KEY;
  if (value === undefined || value === '') throw new CliUsageError(`Give --access-key KEY, --secret-arn ARN, or set OPENOBSERVE_ACCESS_KEY, to ${ACCESS_KEY_LOCATION}.`);
  return { source: 'value', value };
}

/** `arn:aws:secretsmanager:eu-west-1:…` → `eu-west-1`: the secret is read in its own region. */
const regionOfArn = (arn: string): string | undefined => /^arn:[^:]+:secretsmanager:([a-z0-9-]+):/.exec(arn)?.[1];

async function trailRegion(values: Values, env: NodeJS.ProcessEnv, client: CloudTrailClient): Promise<string | undefined> {
  const explicit = values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (explicit) return explicit;
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
}

const MARK = { passed: 'passed ', warned: 'warned ', failed: 'FAILED ', skipped: 'skipped' } as const;

function print(report: CheckReport, io: CliIo): void {
  for (const check of report.checks) io.stdout.write(`${MARK[check.status]}  ${check.id.padEnd(12)}  ${check.message}\n`);
  const count = (status: keyof typeof MARK): number => report.checks.filter((c) => c.status === status).length;
  const version = report.openObserveVersion ? `OpenObserve ${report.openObserveVersion}, ` : '';
  io.stderr.write(
    `check-endpoint: ${version}stream stored as '${report.storedStreamName}'; ${count('passed')} passed, ${count('warned')} warned, ` +
      `${count('failed')} failed, ${count('skipped')} skipped.\n`,
  );
}

/** `o2-cognito check-endpoint`: the deploy-time endpoint checks, from a laptop. */
export const run: Command = async (argv, io) => {
  let values: Values;
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliUsageError(`${error instanceof Error ? error.message : String(error)}; see o2-cognito check-endpoint --help.`);
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.gzip && values['no-gzip']) throw new CliUsageError('Give --gzip or --no-gzip, not both.');
  const accessKey = keySource(values, io.env);
  const input: CheckInput = {
    url: required(values, 'url'),
    organization: required(values, 'org'),
    stream: required(values, 'stream'),
    accessKey,
    gzip: !values['no-gzip'],
    requireTrail: values['require-trail'] === true,
    identityPoolDataEvents: values['require-trail'] === true && values['no-identity-pool-events'] !== true,
    allowLocal: values['allow-local'] === true,
  };
  let cloudTrail: CloudTrailClient | undefined;
  let region: string | undefined;
  if (input.requireTrail) {
    cloudTrail = new CloudTrailClient(values.region ? { region: values.region } : {});
    region = await trailRegion(values, io.env, cloudTrail);
  }
  const secretRegion = accessKey.source === 'secret' ? regionOfArn(accessKey.arn) : undefined;
  const secretsManager = accessKey.source === 'secret' ? new SecretsManagerClient(secretRegion ? { region: secretRegion } : {}) : undefined;
  const deps: CheckDeps = {
    lookup: lookupAll,
    ...(cloudTrail ? { cloudTrail } : {}),
    ...(region ? { region } : {}),
    ...(secretsManager ? { secretsManager } : {}),
    now: Date.now,
    randomUUID,
  };
  try {
    const report = await runChecks(input, deps);
    print(report, io);
    return report.checks.some((c) => c.status === 'failed') ? 1 : 0;
  } finally {
    cloudTrail?.destroy();
    secretsManager?.destroy();
  }
};
