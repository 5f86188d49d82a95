import { rawTemplate, mutable } from './support/template-fixture';
import {
  checkNumberBounds,
  checkOnlyUrlRequired,
  checkParametersDescribedAndConstrained,
  checkParametersGrouped,
  checkSecretsNoEcho,
  parameterGroups,
} from './support/check-parameters';

const template = rawTemplate();

describe('template parameters', () => {
  test('puts every parameter in exactly one labelled group', () => {
    expect(checkParametersGrouped(template)).toEqual([]);
  });

  test('orders the groups as the user decides: endpoint, credential, sources, organization, transform, sizing, pack, debugging', () => {
    // Prepare
    const firstMembers = ['OpenObserveUrl', 'OpenObserveAccessKey', 'CreateTrail', 'OrganizationId', 'PayloadMode', 'HttpBufferSizeMB', 'InstallSecurityPack', 'LogLevel'];

    // Act
    const groups = parameterGroups(template).map((group) => group.Parameters?.[0]);

    // Assess
    expect(groups).toEqual(firstMembers);
  });

  test('describes and constrains every parameter, with types SAR accepts', () => {
    expect(checkParametersDescribedAndConstrained(template)).toEqual([]);
  });

  test('hides the access key (NoEcho)', () => {
    expect(checkSecretsNoEcho(template)).toEqual([]);
    expect(template.Parameters?.OpenObserveAccessKey?.NoEcho).toBe(true);
  });

  test('needs only the URL filled in (plus one credential, see Rules)', () => {
    expect(checkOnlyUrlRequired(template)).toEqual([]);
  });

  test('bounds the HTTP buffer to 1–64 MB (the schema allows 128, the API only 64) and the other sizes to the API ranges', () => {
    expect([
      ...checkNumberBounds(template, 'HttpBufferSizeMB', 1, 64),
      ...checkNumberBounds(template, 'HttpBufferIntervalSeconds', 0, 900),
      ...checkNumberBounds(template, 'RetryDurationSeconds', 0, 7200),
      ...checkNumberBounds(template, 'ProcessorBufferSizeMB', 0.2, 3),
      ...checkNumberBounds(template, 'ProcessorBufferIntervalSeconds', 0, 900),
      ...checkNumberBounds(template, 'BackupRetentionDays', 1, 3650),
      ...checkNumberBounds(template, 'TrailLogRetentionDays', 1, 3650),
    ]).toEqual([]);
  });

  test('keeps the fixed parameter names other code and docs rely on', () => {
    const names = Object.keys(template.Parameters ?? {});
    expect(names).toEqual(
      expect.arrayContaining([
        'OpenObserveUrl', 'OpenObserveOrganization', 'OpenObserveStreamName', 'OpenObserveAccessKey', 'OpenObserveAccessKeySecretArn',
        'CreateTrail', 'IncludeIdentityPoolEvents', 'IncludeReadOnlyEvents', 'HttpBufferSizeMB', 'HttpBufferIntervalSeconds',
        'RetryDurationSeconds', 'ContentEncoding', 'ProcessorBufferSizeMB', 'ProcessorBufferIntervalSeconds', 'S3BackupMode',
        'BackupRetentionDays', 'PayloadMode', 'UsernameMode', 'SourceIpMode', 'ExcludeEventNames', 'LateEventPolicy',
        'LateEventSeconds', 'LogLevel', 'LogRetentionDays', 'AlarmEmail', 'InstallSecurityPack', 'PackCredentialsSecretArn',
        'PackWebhookUrl', 'PackEnableAlerts', 'PackThresholds',
      ]),
    );
  });

  test.each([
    ['OpenObserveUrl', 'https://api.openobserve.ai', true],
    ['OpenObserveUrl', 'https://o2.example.com/openobserve', true],
    ['OpenObserveUrl', 'http://o2.example.com', false],
    ['OpenObserveUrl', 'https://o2.example.com/', false],
    ['OpenObserveUrl', 'https://o2.example.com:5080', false],
    ['OpenObserveAccessKey', 'cm9vdEBleGFtcGxlLmNvbTpwYXNz', true],
    ['OpenObserveAccessKey', 'Basic cm9vdEBleGFtcGxlLmNvbTpwYXNz', false],
    ['OpenObserveAccessKeySecretArn', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2/key-AbC123', true],
    ['OpenObserveAccessKeySecretArn', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2/key', false],
    ['OpenObserveStreamName', 'cognito_events', true],
    ['OpenObserveStreamName', 'cognito-events', false],
    ['ExcludeEventNames', 'DescribeUserPool, List*', true],
    ['ExcludeEventNames', 'Describe;rm', false],
    ['AlarmEmail', 'ops@example.com', true],
    ['AlarmEmail', 'ops', false],
    ['PackThresholds', '', true],
    ['PackThresholds', '{"cognito_password_spraying": {"min_users": 20}}', true],
    ['PackThresholds', 'cognito_password_spraying.min_users=20', false],
    ['OrganizationId', '', true],
    ['OrganizationId', 'o-a1b2c3d4e5', true],
    ['OrganizationId', 'o-A1B2C3D4E5', false],
    ['OrganizationId', 'r-a1b2', false],
    ['OrganizationId', 'o-a1b2c3d4e5 ', false],
  ])('the %s pattern accepts %j: %s', (name, value, accepted) => {
    const pattern = String(template.Parameters?.[name]?.AllowedPattern);
    expect(new RegExp(pattern).test(value)).toBe(accepted);
  });

  describe('the checks bite', () => {
    test('a parameter outside every group is reported', () => {
      const broken = mutable(template);
      broken.Parameters.Stray = { Type: 'String', Default: 'x', AllowedValues: ['x'], Description: 'A parameter nobody grouped anywhere.' };
      expect(checkParametersGrouped(broken)).toEqual(['Stray is in 0 parameter groups; put it in exactly one.']);
    });

    test('a key without NoEcho is reported', () => {
      const broken = mutable(template);
      delete broken.Parameters.OpenObserveAccessKey?.NoEcho;
      expect(checkSecretsNoEcho(broken)).toHaveLength(1);
    });

    test('an HTTP buffer of up to 128 MB is reported', () => {
      const broken = mutable(template);
      (broken.Parameters.HttpBufferSizeMB as Record<string, unknown>).MaxValue = 128;
      expect(checkNumberBounds(broken, 'HttpBufferSizeMB', 1, 64)).toHaveLength(1);
    });

    test('a fractional MinValue (SAR wants integers) and a processor buffer value out of range are reported', () => {
      const broken = mutable(template);
      const spec = broken.Parameters.ProcessorBufferSizeMB as Record<string, unknown>;
      delete spec.AllowedValues;
      Object.assign(spec, { MinValue: 0.2, MaxValue: 3 });
      expect(checkParametersDescribedAndConstrained(broken)).toEqual([
        'ProcessorBufferSizeMB MinValue 0.2 is not an integer, which SAR requires; use AllowedValues.',
      ]);
      spec.AllowedValues = [0.1, 1];
      expect(checkNumberBounds(broken, 'ProcessorBufferSizeMB', 0.2, 3)).toEqual(['ProcessorBufferSizeMB allows 0.1, outside 0.2–3.']);
    });

    test('an unconstrained or SAR-incompatible parameter is reported', () => {
      const broken = mutable(template);
      delete broken.Parameters.OpenObserveUrl?.AllowedPattern;
      (broken.Parameters.LogLevel as Record<string, unknown>).Type = 'AWS::SSM::Parameter::Value<String>';
      expect(checkParametersDescribedAndConstrained(broken)).toHaveLength(2);
    });
  });
});
