import type { Template } from '../../../cli/template/load-template';
import { contextFor, exists, failedRules, resolveIfs, type ParameterValues } from './evaluate';
import { asArray, dependsOn, getAtt, propertiesOf, refName } from './walk';

/**
 * Stream checks: stream → transform → backup, the endpoint, the credential, the custom resources (the rule
 * and its queue are in check-routing.ts).
 * Each returns a list of problems (empty = fine), so a test can also run it on a mutated template.
 */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

function httpDestination(template: Template): Dict {
  return (propertiesOf(template.Resources.DeliveryStream).HttpEndpointDestinationConfiguration ?? {}) as Dict;
}

function isGetAtt(value: unknown, id: string, attribute = 'Arn'): boolean {
  const target = getAtt(value);
  return target !== undefined && target[0] === id && target[1] === attribute;
}

export function checkEndpointUrl(template: Template): string[] {
  const url = httpDestination(template).EndpointConfiguration?.Url;
  const text = typeof url === 'object' && url !== null ? url['Fn::Sub'] : url;
  if (typeof text !== 'string') return ['The delivery stream URL is not a Fn::Sub string.'];
  const problems: string[] = [];
  if (text.includes('/api/')) problems.push('The endpoint path uses /api/, which answers 401 to Firehose; use /aws/.');
  if (text !== '${OpenObserveUrl}/aws/${OpenObserveOrganization}/${OpenObserveStreamName}/_kinesis_firehose') {
    problems.push(`The endpoint URL is ${text}; want \${OpenObserveUrl}/aws/<org>/<stream>/_kinesis_firehose.`);
  }
  return problems;
}

/** Every combination of the two credential parameters, and whether Rules accept it. */
export function credentialCombinations(template: Template): { values: ParameterValues; accepted: boolean }[] {
  const key = 'ZmFrZUB4LmNvbTpub3QtYS1yZWFsLXBhc3Njb2Rl';
  const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2-key-AbC123';
  const rows: ParameterValues[] = [
    { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: key, OpenObserveAccessKeySecretArn: '' },
    { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: '', OpenObserveAccessKeySecretArn: arn },
    { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: key, OpenObserveAccessKeySecretArn: arn },
    { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: '', OpenObserveAccessKeySecretArn: '' },
  ];
  return rows.map((values) => ({ values, accepted: failedRules(template, values).length === 0 }));
}

/** For every credential combination a deploy accepts, the stream and the check get exactly one credential. */
export function checkCredentialExclusive(template: Template): string[] {
  const problems: string[] = [];
  for (const { values, accepted } of credentialCombinations(template)) {
    if (!accepted) continue;
    const ctx = contextFor(template, values);
    const stream = resolveIfs(httpDestination(template), ctx) as Dict;
    const streamCount = Number(stream.EndpointConfiguration?.AccessKey !== undefined) + Number(stream.SecretsManagerConfiguration !== undefined);
    const check = resolveIfs(propertiesOf(template.Resources.EndpointCheck), ctx) as Dict;
    const checkCount = Number(check.AccessKey !== undefined) + Number(check.AccessKeySecretArn !== undefined);
    const label = values.OpenObserveAccessKey ? 'key' : 'secret';
    if (streamCount !== 1) problems.push(`With the ${label} given, the delivery stream gets ${streamCount} credentials.`);
    if (checkCount !== 1) problems.push(`With the ${label} given, the endpoint check gets ${checkCount} credentials.`);
    if (stream.SecretsManagerConfiguration && stream.SecretsManagerConfiguration.Enabled !== true) {
      problems.push('SecretsManagerConfiguration is present but not Enabled.');
    }
  }
  return problems;
}

export function checkBackupPrefixes(template: Template): string[] {
  const s3 = (httpDestination(template).S3Configuration ?? {}) as Dict;
  const problems: string[] = [];
  const prefix = typeof s3.Prefix === 'string' ? s3.Prefix : '';
  const errorPrefix = s3.ErrorOutputPrefix;
  if (prefix.includes('!{') && errorPrefix === undefined) problems.push('Prefix has expressions but there is no ErrorOutputPrefix.');
  if (errorPrefix !== undefined && !String(errorPrefix).includes('!{firehose:error-output-type}')) {
    problems.push('ErrorOutputPrefix lacks !{firehose:error-output-type}; Firehose rejects it.');
  }
  if (prefix.includes('error-output-type')) problems.push('Prefix may not use !{firehose:error-output-type}.');
  if (!isGetAtt(s3.BucketARN, 'BackupBucket')) problems.push('The backup goes to a bucket other than BackupBucket.');
  if (refName(httpDestination(template).S3BackupMode) !== 'S3BackupMode') problems.push('S3BackupMode is not the parameter.');
  return problems;
}

function withinBounds(value: unknown, template: Template, min: number, max: number, what: string): string[] {
  const name = refName(value);
  if (name !== undefined) {
    const spec = template.Parameters?.[name];
    if (spec === undefined) return [`${what} refers to ${name}, which is not a parameter.`];
    const allowed = Array.isArray(spec.AllowedValues) ? spec.AllowedValues.map(Number) : undefined;
    const low = allowed ? Math.min(...allowed) : Number(spec.MinValue);
    const high = allowed ? Math.max(...allowed) : Number(spec.MaxValue);
    return low >= min && high <= max ? [] : [`${what} can be ${low}–${high}; the API accepts ${min}–${max}.`];
  }
  const number = Number(value);
  return number >= min && number <= max ? [] : [`${what} is ${String(value)}; the API accepts ${min}–${max}.`];
}

/** Buffer, retry and processor bounds as the Firehose API (not the looser schema) accepts them. */
export function checkDeliveryBounds(template: Template): string[] {
  const http = httpDestination(template);
  const problems = [
    ...withinBounds(http.BufferingHints?.SizeInMBs, template, 1, 64, 'HTTP buffer SizeInMBs'),
    ...withinBounds(http.BufferingHints?.IntervalInSeconds, template, 0, 900, 'HTTP buffer IntervalInSeconds'),
    ...withinBounds(http.RetryOptions?.DurationInSeconds, template, 0, 7200, 'RetryOptions DurationInSeconds'),
  ];
  const processors = asArray(http.ProcessingConfiguration?.Processors) as Dict[];
  const lambda = processors.find((processor) => processor.Type === 'Lambda');
  if (http.ProcessingConfiguration?.Enabled !== true || lambda === undefined) return [...problems, 'No enabled Lambda processor.'];
  const parameters = new Map((asArray(lambda.Parameters) as Dict[]).map((p) => [p.ParameterName, p.ParameterValue]));
  if (!isGetAtt(parameters.get('LambdaArn'), 'TransformFunction')) problems.push('The processor does not invoke TransformFunction.');
  problems.push(...withinBounds(parameters.get('BufferSizeInMBs'), template, 0.2, 3, 'Processor BufferSizeInMBs'));
  problems.push(...withinBounds(parameters.get('BufferIntervalInSeconds'), template, 0, 900, 'Processor BufferIntervalInSeconds'));
  for (const [name, value] of parameters) {
    if (typeof value === 'number' || typeof value === 'boolean') problems.push(`Processor parameter ${String(name)} must be a string.`);
  }
  return problems;
}

export function checkStreamDependsOnCheck(template: Template): string[] {
  const stream = template.Resources.DeliveryStream;
  const problems: string[] = [];
  if (!dependsOn(stream).includes('EndpointCheck')) problems.push('DeliveryStream does not DependsOn EndpointCheck.');
  if (stream?.Type !== 'AWS::KinesisFirehose::DeliveryStream') problems.push('DeliveryStream is not a Firehose stream.');
  if (propertiesOf(stream).DeliveryStreamType !== 'DirectPut') problems.push('DeliveryStream is not Direct PUT.');
  return problems;
}

/** Short, bounded ServiceTimeout; the type SAR accepts; the endpoint check's inputs. */
export function checkCustomResources(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type.startsWith('Custom::')) problems.push(`${id} is ${resource.Type}; SAR accepts AWS::CloudFormation::CustomResource only.`);
    if (resource.Type !== 'AWS::CloudFormation::CustomResource' && !resource.Type.startsWith('Custom::')) continue;
    const timeout = Number(propertiesOf(resource).ServiceTimeout);
    if (!(timeout >= 1 && timeout <= 3600)) problems.push(`${id} ServiceTimeout ${String(propertiesOf(resource).ServiceTimeout)} is outside 1–3600.`);
    else if (timeout > 300) problems.push(`${id} ServiceTimeout ${timeout} s is not short; a lost response would hang the stack that long.`);
  }
  const check = propertiesOf(template.Resources.EndpointCheck) as Dict;
  if (!isGetAtt(check.ServiceToken, 'EndpointCheckFunction')) problems.push('EndpointCheck does not call EndpointCheckFunction.');
  const expected: Record<string, string> = {
    OpenObserveUrl: 'OpenObserveUrl',
    Organization: 'OpenObserveOrganization',
    StreamName: 'OpenObserveStreamName',
    ContentEncoding: 'ContentEncoding',
  };
  for (const [property, parameter] of Object.entries(expected)) {
    if (refName(check[property]) !== parameter) problems.push(`EndpointCheck.${property} is not !Ref ${parameter}.`);
  }
  for (const [createTrail, want] of [['true', 'false'], ['false', 'true']] as const) {
    const ctx = contextFor(template, { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'a2V5', CreateTrail: createTrail });
    const resolved = resolveIfs(check, ctx) as Dict;
    if (resolved.RequireTrail !== want) problems.push(`With CreateTrail '${createTrail}', RequireTrail should be '${want}'.`);
  }
  return problems;
}

/** The SecurityPack custom resource's properties and the parameters they come from (plain `!Ref`s). */
export const SECURITY_PACK_INPUTS: Readonly<Record<string, string>> = {
  OpenObserveUrl: 'OpenObserveUrl',
  Organization: 'OpenObserveOrganization',
  StreamName: 'OpenObserveStreamName',
  CredentialsSecretArn: 'PackCredentialsSecretArn',
  WebhookUrl: 'PackWebhookUrl',
  EnableAlerts: 'PackEnableAlerts',
};

/**
 * SecurityPack calls PackInstallFunction with every pack input, and passes Thresholds only when PackThresholds
 * is not empty (an empty Thresholds would be an input the installer must second-guess; absent means defaults).
 */
export function checkSecurityPackInputs(template: Template): string[] {
  const problems: string[] = [];
  const pack = propertiesOf(template.Resources.SecurityPack) as Dict;
  if (!isGetAtt(pack.ServiceToken, 'PackInstallFunction')) problems.push('SecurityPack does not call PackInstallFunction.');
  for (const [property, parameter] of Object.entries(SECURITY_PACK_INPUTS)) {
    if (refName(pack[property]) !== parameter) problems.push(`SecurityPack.${property} is not !Ref ${parameter}.`);
  }
  const base = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'a2V5', InstallSecurityPack: 'true' };
  const thresholds = '{"cognito_password_spraying": {"min_users": 20}}';
  for (const [value, want] of [['', undefined], [thresholds, 'PackThresholds']] as const) {
    const resolved = resolveIfs(pack, contextFor(template, { ...base, PackThresholds: value })) as Dict;
    const got = 'Thresholds' in resolved ? (refName(resolved.Thresholds) ?? JSON.stringify(resolved.Thresholds)) : undefined;
    if (got !== want) {
      problems.push(`With PackThresholds ${value === '' ? 'empty' : 'set'}, SecurityPack.Thresholds should be ${want === undefined ? 'absent' : `!Ref ${want}`}, not ${got ?? 'absent'}.`);
    }
  }
  return problems;
}

/** The transform's environment maps every transform parameter, under the variable names of docs/reference/design.md#configuration. */
export const TRANSFORM_ENVIRONMENT: Readonly<Record<string, string>> = {
  PAYLOAD_MODE: 'PayloadMode',
  USERNAME_MODE: 'UsernameMode',
  SOURCE_IP_MODE: 'SourceIpMode',
  EXCLUDE_EVENT_NAMES: 'ExcludeEventNames',
  LATE_EVENT_POLICY: 'LateEventPolicy',
  LATE_EVENT_SECONDS: 'LateEventSeconds',
  LOG_LEVEL: 'LogLevel',
};

export function checkTransformEnvironment(template: Template): string[] {
  const variables = ((propertiesOf(template.Resources.TransformFunction) as Dict).Environment?.Variables ?? {}) as Dict;
  const problems: string[] = [];
  for (const [variable, parameter] of Object.entries(TRANSFORM_ENVIRONMENT)) {
    if (refName(variables[variable]) !== parameter) problems.push(`TransformFunction ${variable} is not !Ref ${parameter}.`);
  }
  for (const variable of Object.keys(variables)) {
    if (!(variable in TRANSFORM_ENVIRONMENT)) problems.push(`TransformFunction has an unexpected variable ${variable}.`);
  }
  return problems;
}

/** Resources that exist for a given set of parameter values (used by the conditional-resource tests). */
export function existingResources(template: Template, values: ParameterValues): string[] {
  const ctx = contextFor(template, values);
  return Object.entries(template.Resources)
    .filter(([, resource]) => exists(resource as { Condition?: unknown }, ctx))
    .map(([id]) => id);
}
