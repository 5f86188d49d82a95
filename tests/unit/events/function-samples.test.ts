/**
 * Every function of template.yaml has sample events in events/<its folder>/, for
 * `o2-cognito invoke <Function> --event events/<folder>/<file>.json` (and `sam local invoke -e`), each shaped
 * as the service that calls the function sends it. Which service that is comes from the template: the
 * custom resources whose ServiceToken is the function (CloudFormation's request, @types/aws-lambda's
 * `CloudFormationCustomResourceEvent`) or the delivery stream whose processor it is (Firehose's
 * `FirehoseTransformationEvent`). A function that gains no sample, a sample the handler's parser refuses, or a
 * custom resource property the template adds and the samples lack, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { functionFolder, readBuiltFunctions } from '../../../functions/lambda-functions.cjs';
import { parseCustomResourceRequest, REQUEST_TYPES } from '../../../functions/shared/custom-resource-request';
import { branches } from '../../template/support/evaluate';
import { ROOT, rawTemplate } from '../../template/support/template-fixture';

type Resource = { readonly Type?: string; readonly Properties?: Readonly<Record<string, unknown>> };
type Caller = { readonly kind: 'custom-resource'; readonly resources: readonly [string, Resource][] } | { readonly kind: 'firehose-processor' } | { readonly kind: 'none' };

const template = rawTemplate();
const resources = Object.entries((template.Resources ?? {}) as Record<string, Resource>);

/** `!GetAtt Id.Arn`, in either long form. */
function isArnOf(value: unknown, id: string): boolean {
  if (typeof value !== 'object' || value === null || !('Fn::GetAtt' in value)) return false;
  const target = (value as { 'Fn::GetAtt': unknown })['Fn::GetAtt'];
  return Array.isArray(target) ? target[0] === id && target[1] === 'Arn' : target === `${id}.Arn`;
}

/** Every `{ParameterName, ParameterValue}` pair in a delivery stream's configuration, however deep. */
function processorParameters(value: unknown): { ParameterName?: unknown; ParameterValue?: unknown }[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(processorParameters);
  const record = value as Record<string, unknown>;
  return [...('ParameterName' in record ? [record] : []), ...Object.values(record).flatMap(processorParameters)];
}

function callerOf(id: string): Caller {
  const custom = resources.filter(
    ([, r]) => (r.Type === 'AWS::CloudFormation::CustomResource' || r.Type?.startsWith('Custom::') === true) && isArnOf(r.Properties?.ServiceToken, id),
  );
  if (custom.length > 0) return { kind: 'custom-resource', resources: custom };
  const processor = resources.some(
    ([, r]) => r.Type === 'AWS::KinesisFirehose::DeliveryStream' && processorParameters(r.Properties).some((p) => p.ParameterName === 'LambdaArn' && isArnOf(p.ParameterValue, id)),
  );
  return processor ? { kind: 'firehose-processor' } : { kind: 'none' };
}

const functions = readBuiltFunctions(ROOT).map((f) => {
  const folder = path.join('events', functionFolder(f.id));
  let files: string[] = [];
  try {
    files = readdirSync(path.join(ROOT, folder)).filter((name) => name.endsWith('.json')).map((name) => path.join(folder, name));
  } catch {
    files = [];
  }
  return { id: f.id, folder, files, caller: callerOf(f.id) };
});
const samples = functions.flatMap((f) => f.files.map((file) => ({ ...f, file })));
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** A property is optional when its template value may be AWS::NoValue (an Fn::If with a NoValue branch). */
function requiredProperties(resource: Resource): string[] {
  return Object.entries(resource.Properties ?? {})
    .filter(([, value]) => branches(value).length === (typeof value === 'object' && value !== null && 'Fn::If' in value ? 2 : 1))
    .map(([name]) => name);
}

const DELIVERY_STREAM_ARN = /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[A-Za-z0-9_.-]+$/;

/** The problems of a Firehose record-transformation event (https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html). */
function firehoseEventProblems(event: unknown): string[] {
  if (typeof event !== 'object' || event === null) return ['not a JSON object'];
  const e = event as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof e.invocationId !== 'string' || e.invocationId === '') problems.push('no invocationId');
  if (typeof e.deliveryStreamArn !== 'string' || !DELIVERY_STREAM_ARN.test(e.deliveryStreamArn)) problems.push('no delivery stream ARN');
  if (typeof e.region !== 'string' || e.region === '') problems.push('no region');
  if (!Array.isArray(e.records) || e.records.length === 0) return [...problems, 'no records'];
  e.records.forEach((record: unknown, index) => {
    const r = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>;
    if (typeof r.recordId !== 'string' || r.recordId === '') problems.push(`record ${index}: no recordId`);
    if (typeof r.approximateArrivalTimestamp !== 'number') problems.push(`record ${index}: no approximateArrivalTimestamp`);
    // A string, not always base64: garbage.json holds a record Firehose would never send, which the transform must fail alone.
    if (typeof r.data !== 'string') problems.push(`record ${index}: no data`);
  });
  return problems;
}

describe('the sample events of the template functions', () => {
  test('finds every function of the template, with the service that calls it', () => {
    expect(functions.map((f) => [f.id, f.caller.kind])).toEqual([
      ['EndpointCheckFunction', 'custom-resource'],
      ['TransformFunction', 'firehose-processor'],
      ['PackInstallFunction', 'custom-resource'],
      ['UserActivityLogsFunction', 'custom-resource'],
    ]);
  });

  test.each(functions.map((f) => [f.id, f]))('%s has sample events in its events folder', (_id, f) => {
    expect({ folder: f.folder, files: f.files.length > 0 }).toEqual({ folder: f.folder, files: true });
  });

  test.each(functions.filter((f) => f.caller.kind === 'custom-resource').map((f) => [f.id, f]))('%s has a Create, an Update and a Delete', (_id, f) => {
    const types = f.files.map((file) => (read(file) as { RequestType?: unknown }).RequestType);

    expect([...new Set(types)].sort()).toEqual([...REQUEST_TYPES].sort());
  });

  test.each(samples.map((s) => [s.file, s]))('%s is what its caller sends', (_file, sample) => {
    const event = read(sample.file);
    const caller = sample.caller;
    if (caller.kind === 'firehose-processor') {
      expect(firehoseEventProblems(event)).toEqual([]);
      return;
    }
    expect(caller.kind).toBe('custom-resource');
    if (caller.kind !== 'custom-resource') return;
    const parsed = parseCustomResourceRequest(event);
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    const request = parsed.request;
    const resource = caller.resources.find(([logicalId]) => logicalId === request.LogicalResourceId);
    expect(resource?.[0]).toBe(request.LogicalResourceId);
    const [, declared] = resource ?? ['', {}];
    const propertySets = request.RequestType === 'Update' ? [request.ResourceProperties, request.OldResourceProperties] : [request.ResourceProperties];
    for (const properties of propertySets) {
      expect(requiredProperties(declared).filter((name) => !(name in properties))).toEqual([]);
      expect(Object.keys(properties).filter((name) => !(name in (declared.Properties ?? {})))).toEqual([]);
    }
    expect((event as { ServiceToken?: unknown }).ServiceToken).toBe(request.ResourceProperties.ServiceToken);
  });
});
