import { parseResourceProperties, SECRET_PROPERTIES } from '../../../functions/endpoint-check/properties';

const SECRET_KEY = Buffer.from('root@example.com:Pp4-PROPERTIES-DISTINCTIVE').toString('base64');
const properties = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:f',
  OpenObserveUrl: 'https://o2.example.com',
  Organization: 'default',
  StreamName: 'cognito_events',
  AccessKey: SECRET_KEY,
  ContentEncoding: 'GZIP',
  RequireTrail: 'true',
  ...over,
});

describe('parseResourceProperties', () => {
  test('parses the string properties CloudFormation sends, ignoring unknown ones', () => {
    const parsed = parseResourceProperties(properties({ Unknown: 'x' }), false);

    expect(parsed).toEqual({
      ok: true,
      value: {
        url: 'https://o2.example.com',
        organization: 'default',
        stream: 'cognito_events',
        accessKey: { source: 'value', value: SECRET_KEY },
        gzip: true,
        requireTrail: true,
        identityPoolDataEvents: false,
        allowLocal: false,
      },
    });
  });

  test('reads IdentityPoolDataEvents, and names the trail to create from the StackId when CreateTrail is true', () => {
    const stackId = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/o2-cognito/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f';

    const created = parseResourceProperties(properties({ RequireTrail: 'false', CreateTrail: 'true', IdentityPoolDataEvents: 'true' }), false, { stackId });
    const kept = parseResourceProperties(properties({ CreateTrail: 'true' }), false, { stackId, oldProperties: properties({ CreateTrail: 'true' }) });
    // From a version without CreateTrail, RequireTrail 'false' meant the stack had created its trail.
    const upgraded = parseResourceProperties(properties({ CreateTrail: 'true' }), false, { stackId, oldProperties: properties({ RequireTrail: 'false' }) });
    const switched = parseResourceProperties(properties({ CreateTrail: 'true' }), false, { stackId, oldProperties: properties({ CreateTrail: 'false' }) });

    expect(created.ok && created.value).toMatchObject({ identityPoolDataEvents: true, createTrail: { name: 'o2-cognito-cognito', account: '111122223333', createdBefore: false } });
    expect(kept.ok && kept.value.createTrail?.createdBefore).toBe(true);
    expect(upgraded.ok && upgraded.value.createTrail?.createdBefore).toBe(true);
    expect(switched.ok && switched.value.createTrail?.createdBefore).toBe(false);
  });

  test('on an update that turns CreateTrail off, names the stack\'s own trail as leaving', () => {
    const stackId = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/o2-cognito/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f';

    const off = parseResourceProperties(properties({ CreateTrail: 'false' }), false, { stackId, oldProperties: properties({ RequireTrail: 'false', CreateTrail: 'true' }) });
    const stayedOff = parseResourceProperties(properties({ CreateTrail: 'false' }), false, { stackId, oldProperties: properties({ CreateTrail: 'false' }) });

    expect(off.ok && off.value.trailLeaving).toEqual({ name: 'o2-cognito-cognito', account: '111122223333', createdBefore: true });
    expect(stayedOff.ok && stayedOff.value.trailLeaving).toBeUndefined();
  });

  test('refuses CreateTrail true without a stack ARN, and non-boolean flags, naming each', () => {
    const parsed = parseResourceProperties(properties({ CreateTrail: 'true', IdentityPoolDataEvents: 'yes' }), false, { stackId: 'nope' });

    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining("IdentityPoolDataEvents is 'yes'; use true or false") });
    expect(parsed.ok ? '' : parsed.reason).toContain('StackId is not a CloudFormation stack ARN');
  });

  test('prefers AccessKeySecretArn, as the delivery stream does', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:o2-key-AbCdEf';

    const parsed = parseResourceProperties(properties({ AccessKeySecretArn: arn }), false);

    expect(parsed.ok && parsed.value.accessKey).toEqual({ source: 'secret', arn });
  });

  test('defaults ContentEncoding to GZIP and RequireTrail to false', () => {
    const parsed = parseResourceProperties(properties({ ContentEncoding: undefined, RequireTrail: undefined }), true);

    expect(parsed.ok && [parsed.value.gzip, parsed.value.requireTrail, parsed.value.allowLocal]).toEqual([true, false, true]);
  });

  test('reports every problem at once, naming the property and the accepted values', () => {
    const parsed = parseResourceProperties(
      properties({ OpenObserveUrl: '', Organization: 'a/b', AccessKey: undefined, ContentEncoding: 'gzip', RequireTrail: 'yes' }),
      false,
    );

    expect(parsed.ok).toBe(false);
    const reason = parsed.ok ? '' : parsed.reason;
    expect(reason).toMatch(/OpenObserveUrl is missing/);
    expect(reason).toMatch(/Organization contains/);
    expect(reason).toMatch(/AccessKey and AccessKeySecretArn are both empty/);
    expect(reason).toMatch(/ContentEncoding is 'gzip'; use GZIP or NONE/);
    expect(reason).toMatch(/RequireTrail is 'yes'; use true or false/);
  });

  test('never repeats the key in a reason', () => {
    const parsed = parseResourceProperties(properties({ ContentEncoding: SECRET_KEY, RequireTrail: SECRET_KEY, StreamName: '' }), false);

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).not.toContain(SECRET_KEY.slice(0, 8));
  });

  test.each(SECRET_PROPERTIES)('never echoes a value of the secret property %s, even a malformed one', (name) => {
    const secret = 'Zz9-SECRET-PROPERTY DISTINCTIVE/with?odd#chars';
    const parsed = parseResourceProperties(properties({ [name]: secret, StreamName: 'bad/name', ContentEncoding: 'gzip!' }), false);
    expect(JSON.stringify(parsed)).not.toContain(secret.slice(0, 12));
  });
});
