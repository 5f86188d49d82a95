import { movedTarget, parsePackProperties } from '../../../functions/pack-install/pack-properties';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2-pack-AbCdEf';
const properties = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:pack',
  OpenObserveUrl: 'https://o2.example.com',
  Organization: 'default',
  StreamName: 'cognito_events',
  CredentialsSecretArn: ARN,
  WebhookUrl: '',
  EnableAlerts: 'true',
  ...overrides,
});

describe('parsePackProperties', () => {
  test('reads the properties the template passes, an empty WebhookUrl as none', () => {
    expect(parsePackProperties(properties())).toEqual({
      ok: true,
      props: { openObserveUrl: 'https://o2.example.com', organization: 'default', streamName: 'cognito_events', credentialsSecretArn: ARN, enableAlerts: true },
    });
  });

  test("reads EnableAlerts 'false' and keeps a webhook URL", () => {
    const result = parsePackProperties(properties({ EnableAlerts: 'false', WebhookUrl: 'https://hooks.example.com/x' }));

    expect(result).toMatchObject({ ok: true, props: { enableAlerts: false, webhookUrl: 'https://hooks.example.com/x' } });
  });

  test('reports every bad property at once, without echoing the webhook URL', () => {
    const result = parsePackProperties(properties({ OpenObserveUrl: 'ftp://x', StreamName: 'Bad Name', WebhookUrl: 'http://hooks.example.com/SECRET-PATH', EnableAlerts: 'yes' }));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of ['OpenObserveUrl', 'StreamName', 'WebhookUrl', 'EnableAlerts']) expect(result.reason).toContain(name);
    expect(result.reason).not.toContain('SECRET-PATH');
  });

  test('refuses a missing secret ARN', () => {
    expect(parsePackProperties(properties({ CredentialsSecretArn: '' })).ok).toBe(false);
  });
});

describe('movedTarget', () => {
  test('is true when the stream changes and false when only the webhook does', () => {
    const a = parsePackProperties(properties());
    const b = parsePackProperties(properties({ StreamName: 'other' }));
    const c = parsePackProperties(properties({ WebhookUrl: 'https://hooks.example.com/y' }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('bad fixture');

    expect(movedTarget(a.props, b.props)).toBe(true);
    expect(movedTarget(a.props, c.props)).toBe(false);
  });
});
