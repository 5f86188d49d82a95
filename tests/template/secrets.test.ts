import { SECRET_PROPERTIES as ENDPOINT_CHECK_SECRETS } from '../../functions/endpoint-check/properties';
import { SECRET_PROPERTIES as SECURITY_PACK_SECRETS } from '../../functions/pack-install/pack-properties';
import { mutable, rawTemplate } from './support/template-fixture';
import { propertiesOf, refName, walk } from './support/walk';

/**
 * Every parameter whose value the code treats as a secret must be NoEcho, so that CloudFormation masks it in
 * the console, in DescribeStacks and in the stack's events. The code declares its secret properties
 * (SECRET_PROPERTIES next to each custom resource's parser); the template maps parameters onto them, and onto
 * the delivery stream's write-only AccessKey.
 */
const template = rawTemplate();

/** Resource → property paths that carry secret values, from the code that reads them and from Firehose. */
const SECRET_SINKS: ReadonlyArray<{ resource: string; path: readonly string[] }> = [
  ...ENDPOINT_CHECK_SECRETS.map((name) => ({ resource: 'EndpointCheck', path: [name] })),
  ...SECURITY_PACK_SECRETS.map((name) => ({ resource: 'SecurityPack', path: [name] })),
  { resource: 'DeliveryStream', path: ['HttpEndpointDestinationConfiguration', 'EndpointConfiguration', 'AccessKey'] },
];

/** The parameters a template value refers to (Ref, also inside Fn::If branches and Fn::Sub text). */
function parametersIn(t: typeof template, value: unknown): string[] {
  const names = new Set<string>();
  walk(value, (item) => {
    const ref = refName(item);
    if (ref !== undefined && t.Parameters?.[ref] !== undefined) names.add(ref);
    const sub = (item as { 'Fn::Sub'?: unknown } | null)?.['Fn::Sub'];
    const text = Array.isArray(sub) ? sub[0] : sub;
    if (typeof text === 'string') for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)\}/g)) if (t.Parameters?.[m[1] ?? ''] !== undefined) names.add(m[1] ?? '');
  });
  return [...names];
}

function secretParameters(t: typeof template): Map<string, string> {
  const found = new Map<string, string>();
  for (const sink of SECRET_SINKS) {
    let value: unknown = propertiesOf(t.Resources[sink.resource]);
    for (const key of sink.path) value = (value as Record<string, unknown> | undefined)?.[key];
    for (const name of parametersIn(t, value)) found.set(name, `${sink.resource}.${sink.path.join('.')}`);
  }
  return found;
}

function notNoEcho(t: typeof template): string[] {
  return [...secretParameters(t)]
    .filter(([name]) => t.Parameters?.[name]?.NoEcho !== true && t.Parameters?.[name]?.NoEcho !== 'true')
    .map(([name, sink]) => `${name} (reaches ${sink}) is not NoEcho.`);
}

describe('secret parameters', () => {
  test('finds the parameters behind every secret property: the access key and the webhook URL', () => {
    expect([...secretParameters(template).keys()].sort()).toEqual(['OpenObserveAccessKey', 'PackWebhookUrl']);
  });

  test('every parameter the code treats as a secret is NoEcho', () => {
    expect(notNoEcho(template)).toEqual([]);
  });

  test('the check bites: the access key without NoEcho is reported', () => {
    const broken = mutable(template);
    delete (broken.Parameters.OpenObserveAccessKey as Record<string, unknown>).NoEcho;
    expect(notNoEcho(broken)).toEqual(['OpenObserveAccessKey (reaches DeliveryStream.HttpEndpointDestinationConfiguration.EndpointConfiguration.AccessKey) is not NoEcho.']);
  });
});
