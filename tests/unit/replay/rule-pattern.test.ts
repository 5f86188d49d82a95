import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isReadOnlyApiCall, ruleMatcher } from '../../../cli/replay/rule-pattern';
import { parseParameterOverrides } from '../../../cli/template/parameter-overrides';
import { RulePatternError } from '../../../cli/replay/errors';
import { loadTemplate, parseTemplate } from '../../../cli/template/load-template';
import { cloudTrailRecord, eventBridgeEvent } from './factories';

const SMALL_TEMPLATE = `
Parameters:
  IncludeIdentityPoolEvents: { Type: String, Default: 'true', AllowedValues: ['true', 'false'] }
  IncludeReadOnlyEvents: { Type: String, Default: 'false', AllowedValues: ['false', 'true'] }
Conditions:
  IdentityPoolEventsIncluded: !Equals [!Ref IncludeIdentityPoolEvents, 'true']
  ReadOnlyEventsIncluded: !Equals [!Ref IncludeReadOnlyEvents, 'true']
Resources:
  CognitoEventsRule:
    Type: AWS::Events::Rule
    Properties:
      State: !If [ReadOnlyEventsIncluded, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, ENABLED]
      EventPattern:
        source:
          - aws.cognito-idp
          - !If [IdentityPoolEventsIncluded, aws.cognito-identity, !Ref AWS::NoValue]
        detail-type: [AWS API Call via CloudTrail, AWS Service Event via CloudTrail]
`;

const overrides = (...pairs: string[]): ReadonlyMap<string, string> => {
  // Both templates in this file declare these two parameters alike.
  const parsed = parseParameterOverrides(pairs, parseTemplate(SMALL_TEMPLATE));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.overrides;
};

const userPoolCall = (fields: Record<string, unknown> = {}) => eventBridgeEvent(cloudTrailRecord(fields));
const identityPoolCall = () => eventBridgeEvent(cloudTrailRecord({ eventSource: 'cognito-identity.amazonaws.com', eventName: 'GetId' }));
const hostedUiEvent = () => eventBridgeEvent(cloudTrailRecord({ eventType: 'AwsServiceEvent', eventName: 'Login_GET', readOnly: true }));

describe('ruleMatcher with a small template', () => {
  const template = parseTemplate(SMALL_TEMPLATE);

  test('with the defaults, keeps user-pool and identity-pool events and drops read-only API calls', () => {
    const rule = ruleMatcher(template, new Map());
    expect(rule.state).toBe('ENABLED');
    expect(rule.matches(userPoolCall())).toBe(true);
    expect(rule.matches(identityPoolCall())).toBe(true);
    expect(rule.matches(userPoolCall({ eventName: 'ListUsers', readOnly: true }))).toBe(false);
  });

  test('resolves Fn::If with AWS::NoValue: IncludeIdentityPoolEvents=false leaves identity-pool events out', () => {
    const rule = ruleMatcher(template, overrides('IncludeIdentityPoolEvents=false'));
    expect(rule.pattern).toEqual({ source: ['aws.cognito-idp'], 'detail-type': ['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail'] });
    expect(rule.matches(identityPoolCall())).toBe(false);
    expect(rule.matches(userPoolCall())).toBe(true);
  });

  test('IncludeReadOnlyEvents=true turns the state to ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS and keeps read-only calls', () => {
    const rule = ruleMatcher(template, overrides('IncludeReadOnlyEvents=true'));
    expect(rule.state).toBe('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    expect(rule.matches(userPoolCall({ eventName: 'ListUsers', readOnly: true }))).toBe(true);
  });

  test('ENABLED drops read-only API calls only: service events marked read-only still pass', () => {
    const rule = ruleMatcher(template, new Map());
    expect(rule.matches(hostedUiEvent())).toBe(true);
  });

  test('drops events of other sources and detail-types', () => {
    const rule = ruleMatcher(template, new Map());
    expect(rule.matches(eventBridgeEvent(cloudTrailRecord(), { source: 'aws.s3' }))).toBe(false);
    expect(rule.matches(eventBridgeEvent(cloudTrailRecord(), { 'detail-type': 'Scheduled Event' }))).toBe(false);
  });

  test('a DISABLED rule matches nothing', () => {
    const disabled = parseTemplate(SMALL_TEMPLATE.replace(/State: .*/, 'State: DISABLED'));
    expect(ruleMatcher(disabled, new Map()).matches(userPoolCall())).toBe(false);
  });

  test('a missing rule, an unknown state or an invalid pattern is a RulePatternError', () => {
    expect(() => ruleMatcher(parseTemplate('Resources: {}'), new Map())).toThrow(RulePatternError);
    expect(() => ruleMatcher(parseTemplate(SMALL_TEMPLATE.replace(/State: .*/, 'State: ON')), new Map())).toThrow(RulePatternError);
    expect(() => ruleMatcher(parseTemplate(SMALL_TEMPLATE.replace('detail-type: [', 'detail-type: [{ contains: x }, ')), new Map())).toThrow(RulePatternError);
    expect(() => ruleMatcher(parseTemplate(SMALL_TEMPLATE.replace('ReadOnlyEventsIncluded, ENABLED', 'Missing, ENABLED')), new Map())).toThrow(RulePatternError);
  });
});

describe('ruleMatcher with the project template.yaml', () => {
  const template = loadTemplate(path.join(__dirname, '../../../template.yaml'));

  test('matches every sample event in events/eventbridge with the defaults', () => {
    const rule = ruleMatcher(template, new Map());
    const dir = path.join(__dirname, '../../../events/eventbridge');
    const samples = readdirSync(dir).map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((sample) => !rule.matches(sample)).map((sample) => sample.id)).toEqual([]);
  });

  test('with the defaults, keeps every management event in its state and drops read-only API calls in its pattern', () => {
    const rule = ruleMatcher(template, new Map());
    expect(rule.state).toBe('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    expect(rule.matches(userPoolCall())).toBe(true);
    expect(rule.matches(identityPoolCall())).toBe(true);
    expect(rule.matches(hostedUiEvent())).toBe(true);
    expect(rule.matches(userPoolCall({ readOnly: true }))).toBe(false);
  });

  test('follows IncludeIdentityPoolEvents and IncludeReadOnlyEvents', () => {
    const rule = ruleMatcher(template, overrides('IncludeIdentityPoolEvents=false IncludeReadOnlyEvents=true'));
    expect(rule.matches(identityPoolCall())).toBe(false);
    expect(rule.matches(userPoolCall({ readOnly: true }))).toBe(true);
  });
});

describe('isReadOnlyApiCall', () => {
  test('is true only for API calls with detail.readOnly true', () => {
    expect(isReadOnlyApiCall(userPoolCall({ readOnly: true }))).toBe(true);
    expect(isReadOnlyApiCall(userPoolCall({ readOnly: 'true' }))).toBe(false);
    expect(isReadOnlyApiCall(hostedUiEvent())).toBe(false);
  });
});

