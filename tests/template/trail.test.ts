import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_POOL_DATA_SELECTOR } from '../../functions/endpoint-check/event-selectors';
import { MAX_TRAIL_NAME_CHARS, trailNameFor } from '../../functions/endpoint-check/trail-name';
import { contextFor, resolveIfs } from './support/evaluate';
import { mutable, rawTemplate, ROOT } from './support/template-fixture';
import { getAtt, propertiesOf } from './support/walk';

/**
 * The trail the stack creates (CreateTrail 'true'): its selectors, and a name CloudTrail accepts for any
 * stack name, used the same way by the trail and by its bucket policy's aws:SourceArn.
 */
const template = rawTemplate();
const REQUIRED = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'dXNlcjpwYXNz', CreateTrail: 'true' };

function trailProperties(t: typeof template, given: Record<string, string> = {}): Record<string, unknown> {
  return resolveIfs(propertiesOf(t.Resources.Trail), contextFor(t, { ...REQUIRED, ...given })) as Record<string, unknown>;
}

/** The longest trail name the template can produce: a 128-character stack name. */
function longestTrailName(t: typeof template): string {
  const stackName = `a${'b'.repeat(127)}`;
  const value = propertiesOf(t.Resources.Trail).TrailName;
  if (getAtt(value)?.join('.') === 'EndpointCheck.TrailName') return trailNameFor(stackName);
  const sub = (value as { 'Fn::Sub'?: unknown } | undefined)?.['Fn::Sub'];
  if (typeof sub === 'string') return sub.replace('${AWS::StackName}', stackName);
  throw new Error(`Trail.TrailName is ${JSON.stringify(value)}, which this test cannot evaluate.`);
}

describe('the trail the stack creates', () => {
  test('selects management events, and the identity-pool data events with IncludeIdentityPoolEvents true', () => {
    const withPools = trailProperties(template, { IncludeIdentityPoolEvents: 'true' });
    const without = trailProperties(template, { IncludeIdentityPoolEvents: 'false' });
    const management = { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };

    expect(withPools.AdvancedEventSelectors).toEqual([management, IDENTITY_POOL_DATA_SELECTOR]);
    expect(without.AdvancedEventSelectors).toEqual([management]);
  });

  test('never combines basic and advanced selectors (CloudTrail refuses both on one trail)', () => {
    expect(trailProperties(template).EventSelectors).toBeUndefined();
  });

  test('has a name of at most 128 characters for any stack name, and the bucket policy scopes to that name', () => {
    // Prepare
    const policy = JSON.stringify(propertiesOf(template.Resources.TrailBucketPolicy));

    // Act
    const longest = longestTrailName(template);

    // Assess
    expect(longest.length).toBeLessThanOrEqual(MAX_TRAIL_NAME_CHARS);
    expect(getAtt(propertiesOf(template.Resources.Trail).TrailName)).toEqual(['EndpointCheck', 'TrailName']);
    expect(policy.match(/trail\/\$\{EndpointCheck\.TrailName\}/g)).toHaveLength(2);
    expect(policy).not.toContain('${AWS::StackName}');
  });

  test('the endpoint check learns CreateTrail and IncludeIdentityPoolEvents, the properties its code reads', () => {
    const properties = propertiesOf(template.Resources.EndpointCheck);
    expect(properties.CreateTrail).toEqual({ Ref: 'CreateTrail' });
    expect(properties.IdentityPoolDataEvents).toEqual({ Ref: 'IncludeIdentityPoolEvents' });
  });

  test('the checks bite: the old `${AWS::StackName}-cognito` is 136 characters for a 128-character stack name', () => {
    const broken = mutable(template);
    broken.Resources.Trail!.Properties.TrailName = { 'Fn::Sub': '${AWS::StackName}-cognito' };
    expect(longestTrailName(broken)).toHaveLength(136);
  });
});

describe('the endpoint check sample events', () => {
  test.each(['create', 'update', 'delete'])('events/endpoint-check/%s.json carries every property the template gives EndpointCheck', (kind) => {
    const sample = JSON.parse(readFileSync(path.join(ROOT, 'events', 'endpoint-check', `${kind}.json`), 'utf8')) as { ResourceProperties: Record<string, unknown> };
    const declared = Object.keys(propertiesOf(template.Resources.EndpointCheck)).sort();
    expect(Object.keys(sample.ResourceProperties).filter((key) => key !== 'AccessKeySecretArn').sort()).toEqual(declared.filter((key) => key !== 'AccessKeySecretArn'));
  });
});
