import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cloudTrailEvent, eventBridgeEvent, hostedUiEvent } from '../helpers/factories';
import { deployedRule } from './support/deployed-rule';
import { mutable, rawTemplate, ROOT } from './support/template-fixture';

/**
 * What the rule forwards, with IncludeReadOnlyEvents either way. Hosted-UI page views (Login_GET…) are
 * `readOnly: true` management events, which a rule in state ENABLED never sees, so the rule must not rely on
 * the state to leave read-only events out: it keeps ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS and says in
 * its pattern which read-only records it forwards.
 */
const template = rawTemplate();

const pageView = () => eventBridgeEvent(hostedUiEvent('Login_GET', 200, { readOnly: true }));
const formPost = () => eventBridgeEvent(hostedUiEvent('Login_POST', 302, { readOnly: false }));
const signIn = () => eventBridgeEvent(cloudTrailEvent());
const readOnlyCall = () => eventBridgeEvent(cloudTrailEvent({ eventName: 'ListUsers', readOnly: true, requestParameters: { userPoolId: 'eu-west-1_Ab12Cd34E' } }));
const callWithoutReadOnly = () => eventBridgeEvent(cloudTrailEvent({ readOnly: undefined }));
/** Identity-pool identity operations are CloudTrail data events (CloudTrail User Guide, "Data events"). */
const dataEvent = (readOnly: boolean) =>
  eventBridgeEvent(
    cloudTrailEvent({
      eventSource: 'cognito-identity.amazonaws.com',
      eventName: 'GetCredentialsForIdentity',
      readOnly,
      managementEvent: false,
      eventCategory: 'Data',
      resources: [{ accountId: '111122223333', type: 'AWS::Cognito::IdentityPool', ARN: 'arn:aws:cognito-identity:eu-west-1:111122223333:identitypool/eu-west-1:0c6d1f2a-5b3e-4c7d-8e9f-a0b1c2d3e4f5' }],
    }),
    { source: 'aws.cognito-identity' },
  );

describe('the rule\'s read-only switch', () => {
  test('forwards hosted-UI page views with the defaults, as IncludeIdentityPoolEvents and the docs promise', () => {
    expect(deployedRule(template).delivers(pageView())).toBe(true);
  });

  test('IncludeReadOnlyEvents=false: write calls, every hosted-UI event and identity-pool data events, but no read-only API call', () => {
    const rule = deployedRule(template, { IncludeReadOnlyEvents: 'false' });
    expect([signIn(), formPost(), pageView(), callWithoutReadOnly(), dataEvent(true), dataEvent(false)].map((event) => rule.delivers(event))).toEqual([
      true, true, true, true, true, true,
    ]);
    expect(rule.delivers(readOnlyCall())).toBe(false);
  });

  test('IncludeReadOnlyEvents=true adds the read-only API calls (ListUsers, DescribeUserPool…)', () => {
    const rule = deployedRule(template, { IncludeReadOnlyEvents: 'true' });
    expect([signIn(), pageView(), readOnlyCall(), dataEvent(true)].map((event) => rule.delivers(event))).toEqual([true, true, true, true]);
  });

  test('the state is ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS for every combination: the pattern decides', () => {
    for (const readOnly of ['true', 'false']) {
      for (const identity of ['true', 'false']) {
        expect(deployedRule(template, { IncludeReadOnlyEvents: readOnly, IncludeIdentityPoolEvents: identity }).state).toBe('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
      }
    }
  });

  test('every sample event in events/eventbridge is forwarded with the defaults', () => {
    const dir = path.join(ROOT, 'events', 'eventbridge');
    const rule = deployedRule(template);
    const missed = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .filter((name) => !rule.delivers(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>));
    expect(missed).toEqual([]);
  });

  test('the check bites: a rule in state ENABLED loses the page views', () => {
    const broken = mutable(template);
    broken.Resources.CognitoEventsRule!.Properties.State = 'ENABLED';
    expect(deployedRule(broken).delivers(pageView())).toBe(false);
  });
});
