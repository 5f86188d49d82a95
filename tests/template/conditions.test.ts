/**
 * Every condition of template.yaml and member/template.yaml, evaluated by the CLI's resolver (the one
 * `invoke` and `replay` use, through tests/template/support/evaluate.ts) under several parameter sets, is
 * what the parameters say. The expectations are written by hand from the parameter values: they are the
 * oracle, and a condition added without a row here fails the first test.
 */
import type { Template } from '../../cli/template/load-template';
import { contextFor, evaluateCondition, type ParameterValues } from './support/evaluate';
import { memberTemplate, rawTemplate } from './support/template-fixture';

const URL = { OpenObserveUrl: 'https://openobserve.example.com' };
const BUS = { CentralEventBusArn: 'arn:aws:events:eu-west-1:111122223333:event-bus/o2-cognito-central' };

/** Parameter set → the conditions that hold; every other condition is false. */
const CASES: readonly (readonly [string, Template, ParameterValues, readonly string[]])[] = [
  ['template.yaml, defaults', rawTemplate(), URL, ['IdentityPoolEventsIncluded']],
  [
    'template.yaml, key, new trail, read-only events, alarm e-mail, DEBUG',
    rawTemplate(),
    { ...URL, OpenObserveAccessKey: 'a2V5', CreateTrail: 'true', IncludeIdentityPoolEvents: 'false', IncludeReadOnlyEvents: 'true', AlarmEmail: 'ops@example.com', LogLevel: 'DEBUG' },
    ['UseAccessKey', 'CreateTrail', 'ReadOnlyEventsIncluded', 'HasAlarmEmail', 'DebugLogging'],
  ],
  [
    'template.yaml, secret, pack with thresholds, two pools, organization',
    rawTemplate(),
    {
      ...URL,
      OpenObserveAccessKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:o2-AbC123',
      InstallSecurityPack: 'true',
      PackCredentialsSecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:pack-AbC123',
      PackThresholds: '{"cognito_password_spraying": {"min_users": 20}}',
      UserActivityLogPoolIds: 'eu-west-1_Ab12Cd34E,eu-west-1_Zy98Xw76V',
      OrganizationId: 'o-a1b2c3d4e5',
    },
    ['UseSecretArn', 'IdentityPoolEventsIncluded', 'InstallSecurityPack', 'HasPackCredentials', 'HasPackThresholds', 'ExportUserActivityLogs', 'HasOrganization'],
  ],
  ['template.yaml, a pool list of empty items', rawTemplate(), { ...URL, UserActivityLogPoolIds: ',', IncludeIdentityPoolEvents: 'false' }, []],
  ['member/template.yaml, defaults', memberTemplate(), BUS, ['IdentityPoolEventsIncluded']],
  [
    'member/template.yaml, new trail, read-only events, alarm e-mail',
    memberTemplate(),
    { ...BUS, CreateTrail: 'true', IncludeIdentityPoolEvents: 'false', IncludeReadOnlyEvents: 'true', AlarmEmail: 'ops@example.com' },
    ['CreateTrail', 'ReadOnlyEventsIncluded', 'HasAlarmEmail'],
  ],
];

describe('the conditions of the templates', () => {
  test('are all covered by the cases below', () => {
    expect(Object.keys(rawTemplate().Conditions ?? {}).sort()).toEqual([
      'CreateTrail', 'DebugLogging', 'ExportUserActivityLogs', 'HasAlarmEmail', 'HasOrganization', 'HasPackCredentials', 'HasPackThresholds',
      'IdentityPoolEventsIncluded', 'InChinaPartition', 'InGovCloudPartition', 'InstallSecurityPack', 'ReadOnlyEventsIncluded', 'UseAccessKey', 'UseSecretArn',
    ]);
    expect(Object.keys(memberTemplate().Conditions ?? {}).sort()).toEqual(['CreateTrail', 'HasAlarmEmail', 'IdentityPoolEventsIncluded', 'ReadOnlyEventsIncluded']);
  });

  test.each(CASES)('%s: exactly the expected conditions hold', (_name, template, parameters, expected) => {
    // Prepare
    const ctx = contextFor(template, parameters);

    // Act
    const holding = Object.keys(template.Conditions ?? {}).filter((name) => evaluateCondition({ Condition: name }, ctx));

    // Assess
    expect(holding.sort()).toEqual([...expected].sort());
  });
});
