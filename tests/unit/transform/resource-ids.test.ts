import {
  IDENTITY_POOL_ARN_MARKER,
  USER_POOL_ARN_MARKER,
  accountOfArn,
  firstLoginProvider,
  idFromResources,
  regionOfUserPoolId,
  userPoolFromLogins,
} from '../../../functions/transform/resource-ids';

const IDENTITY_POOL_ARN = 'arn:aws:cognito-identity:eu-west-1:111122223333:identitypool/eu-west-1:5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
const USER_POOL_ARN = 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_Ab12Cd34E';

describe('idFromResources', () => {
  test('reads the identity pool id, colon and all, from the resources of a data event', () => {
    const resources = [{ accountId: '111122223333', type: 'AWS::Cognito::IdentityPool', ARN: IDENTITY_POOL_ARN }];

    expect(idFromResources(resources, IDENTITY_POOL_ARN_MARKER)).toBe('eu-west-1:5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9');
    expect(idFromResources(resources, USER_POOL_ARN_MARKER)).toBeUndefined();
  });

  test('takes the first ARN that names a pool of the kind asked for, as an object or a string', () => {
    const resources = [{ ARN: 'arn:aws:iam::111122223333:role/x' }, `${USER_POOL_ARN}/client/abc`, { ARN: IDENTITY_POOL_ARN }];

    expect(idFromResources(resources, USER_POOL_ARN_MARKER)).toBe('eu-west-1_Ab12Cd34E');
    expect(idFromResources(resources, IDENTITY_POOL_ARN_MARKER)).toBe('eu-west-1:5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9');
  });

  test('finds nothing in anything else', () => {
    for (const resources of [undefined, null, 'x', {}, [], [null, 1, {}, { ARN: 7 }, { ARN: 'arn:aws:cognito-idp:r:a:userpool/' }]]) {
      expect(idFromResources(resources, USER_POOL_ARN_MARKER)).toBeUndefined();
    }
    expect(idFromResources([{ ARN: 'arn:aws:cognito-identity:r:a:identitypool/HIDDEN_DUE_TO_SECURITY_REASONS' }], IDENTITY_POOL_ARN_MARKER)).toBeUndefined();
  });
});

describe('identity-pool logins', () => {
  const logins = { 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E': 'HIDDEN_DUE_TO_SECURITY_REASONS' };

  test('name the user pool a user signed in with, and the provider', () => {
    expect(userPoolFromLogins(logins)).toBe('eu-west-1_Ab12Cd34E');
    expect(firstLoginProvider(logins)).toBe('cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E');
  });

  test('a user pool is found among other providers, in the China partition too', () => {
    const mixed = { 'accounts.google.com': 'HIDDEN_DUE_TO_SECURITY_REASONS', 'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Xy98Zw76V': 'x' };

    expect(userPoolFromLogins(mixed)).toBe('cn-north-1_Xy98Zw76V');
    expect(firstLoginProvider(mixed)).toBe('accounts.google.com');
  });

  test('developer providers and federation without a user pool give a provider and no pool', () => {
    expect(firstLoginProvider({ 'login.example.backend': 'HIDDEN_DUE_TO_SECURITY_REASONS' })).toBe('login.example.backend');
    expect(userPoolFromLogins({ 'login.example.backend': 'x', 'cognito-idp.eu-west-1.amazonaws.com': 'x', 'cognito-idp.eu-west-1.amazonaws.com/': 'x' })).toBeUndefined();
  });

  test('anything but an object with names gives nothing', () => {
    for (const value of [undefined, null, 'HIDDEN_DUE_TO_SECURITY_REASONS', [], ['cognito-idp.x/y'], {}, { '': 'x' }, { HIDDEN_DUE_TO_SECURITY_REASONS: 'x' }]) {
      expect(firstLoginProvider(value)).toBeUndefined();
      expect(userPoolFromLogins(value)).toBeUndefined();
    }
  });
});

describe('accountOfArn', () => {
  test('the account of an ARN, else nothing', () => {
    expect(accountOfArn('arn:aws:firehose:eu-west-1:111122223333:deliverystream/cognito')).toBe('111122223333');
    expect(accountOfArn('arn:aws-cn:firehose:cn-north-1:111122223333:deliverystream/x')).toBe('111122223333');
    for (const value of [undefined, '', 'arn:aws:s3:::bucket', 'arn:aws:firehose:eu-west-1:1111:deliverystream/x', 'firehose:eu-west-1:111122223333', 42]) {
      expect(accountOfArn(value)).toBeUndefined();
    }
  });
});

describe('regionOfUserPoolId', () => {
  test.each([
    ['eu-west-1_Ab12Cd34E', 'eu-west-1'],
    ['us-gov-west-1_Ab12Cd34E', 'us-gov-west-1'],
    ['cn-north-1_Ab12Cd34E', 'cn-north-1'],
    ['us-west-2_EXAMPLE', 'us-west-2'],
    ['local_pool', undefined],
    ['Ab12Cd34E', undefined],
    ['EU-WEST-1_x', undefined],
  ])('%s → %s', (poolId, region) => {
    expect(regionOfUserPoolId(poolId)).toBe(region);
  });
});
