import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { movedTarget, parsePackProperties, SECRET_PROPERTIES } from '../../../functions/pack-install/pack-properties';

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
  test.each(SECRET_PROPERTIES)('never echoes a value of the secret property %s, valid or not', (name) => {
    for (const secret of ['https://hooks.example.com/services/T000/B000/Ss8-DISTINCTIVE', 'http://hooks.example.com/Ss8-DISTINCTIVE']) {
      const result = parsePackProperties(properties({ [name]: secret, StreamName: 'Bad Name' }));
      expect(result.ok ? '' : result.reason).not.toContain('Ss8-DISTINCTIVE');
    }
  });

  test('reads the properties the template passes, an empty WebhookUrl as none', () => {
    expect(parsePackProperties(properties())).toEqual({
      ok: true,
      props: {
        openObserveUrl: 'https://o2.example.com',
        organization: 'default',
        streamName: 'cognito_events',
        credentialsSecretArn: ARN,
        enableAlerts: true,
        thresholds: PACK_CONTENT.thresholds,
      },
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

describe('parsePackProperties: Thresholds (parameter PackThresholds)', () => {
  const reasonOf = (thresholds: unknown): string => {
    const result = parsePackProperties(properties({ Thresholds: thresholds }));
    return result.ok ? '' : result.reason;
  };

  test('installs the defaults when Thresholds is absent or empty', () => {
    expect(parsePackProperties(properties({ Thresholds: '' }))).toMatchObject({ ok: true, props: { thresholds: PACK_CONTENT.thresholds } });
  });

  test('applies the values given on top of the defaults, as install-pack --thresholds does', () => {
    // Prepare
    const text = '{"cognito_password_spraying": {"min_users": 20, "silence_minutes": 120}}';

    // Act
    const result = parsePackProperties(properties({ Thresholds: text }));

    // Assess
    expect(result).toEqual({
      ok: true,
      props: expect.objectContaining({
        thresholds: {
          ...PACK_CONTENT.thresholds,
          cognito_password_spraying: { ...PACK_CONTENT.thresholds.cognito_password_spraying, min_users: 20, silence_minutes: 120 },
        },
      }),
    });
  });

  test.each([
    ['text that is not JSON', '{"cognito_password_spraying": {"min_users": 20}', 'JSON'],
    ['JSON that is not an object', '[1, 2]', 'object'],
    ['an unknown alert', '{"cognito_password_spray": {"min_users": 20}}', 'cognito_password_spraying'],
    ['an unknown key', '{"cognito_password_spraying": {"min_user": 20}}', 'min_users'],
    ['an out-of-range value', '{"cognito_signin_success_rate_drop": {"min_success_percent": 101}}', '1 to 100'],
    ['a frequency longer than the period', '{"cognito_brute_force_user": {"frequency_minutes": 30}}', 'frequency_minutes'],
    ['a value that is not JSON text', { cognito_password_spraying: { min_users: 20 } }, 'JSON text'],
  ])('refuses %s in one sentence naming PackThresholds and what is wrong', (_name, thresholds, named) => {
    // Act
    const reason = reasonOf(thresholds);

    // Assess
    expect(reason).toMatch(/^PackThresholds[ :].*\.$/);
    expect(reason).not.toMatch(/\.\s/);
    expect(reason).toContain(named);
  });

  test('reports a bad Thresholds together with the other bad properties', () => {
    const result = parsePackProperties(properties({ StreamName: 'Bad Name', Thresholds: '{"cognito_signup_surge": {"min_sign_ups": 0}}' }));

    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/StreamName.*; PackThresholds: .*min_sign_ups/) });
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

describe('the sample requests in events/pack-install', () => {
  test.each(['create', 'update', 'delete'])('%s.json holds properties the function accepts', (name) => {
    const file = path.resolve(__dirname, '../../../events/pack-install', `${name}.json`);
    const event = JSON.parse(readFileSync(file, 'utf8')) as { RequestType: string; ResourceProperties: Record<string, unknown>; OldResourceProperties?: Record<string, unknown> };

    expect(parsePackProperties(event.ResourceProperties)).toMatchObject({ ok: true });
    if (event.RequestType === 'Update') expect(parsePackProperties(event.OldResourceProperties ?? {})).toMatchObject({ ok: true });
  });

  test('update.json changes a threshold, as a PackThresholds update sends it', () => {
    const file = path.resolve(__dirname, '../../../events/pack-install/update.json');
    const event = JSON.parse(readFileSync(file, 'utf8')) as { ResourceProperties: Record<string, unknown> };

    const parsed = parsePackProperties(event.ResourceProperties);

    expect(parsed.ok && parsed.props.thresholds).not.toEqual(PACK_CONTENT.thresholds);
  });
});
