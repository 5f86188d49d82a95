/**
 * Every operation of both Cognito APIs has a category decided on purpose. The AWS SDK's clients are the
 * oracle: each `…Command` they export is one operation, and CloudTrail names an API call's event after its
 * operation. Upgrading the SDK to a version with a new operation fails here until the operation is placed
 * in functions/transform/api-categories.ts.
 */
import * as userPoolsSdk from '@aws-sdk/client-cognito-identity-provider';
import * as identityPoolsSdk from '@aws-sdk/client-cognito-identity';
import { IDENTITY_POOL_OPERATIONS, USER_POOL_OPERATIONS } from '../../../functions/transform/api-categories';
import { classify } from '../../../functions/transform/classify';
import { CATEGORIES, type Category } from '../../../functions/transform/schema';
import { eventFacts } from '../../helpers/factories';

const USER_POOLS = 'cognito-idp.amazonaws.com';
const IDENTITY_POOLS = 'cognito-identity.amazonaws.com';

/**
 * Operations whose category is `other` on purpose, with the reason. None today: every operation of both
 * services says something about sign-in, a user's account or the configuration of a pool.
 */
const DELIBERATELY_OTHER: Readonly<Record<string, string>> = {};

/** The operation names of an SDK client package: its `…Command` exports, without the `$Command` base class. */
function sdkOperations(sdk: Record<string, unknown>): string[] {
  return Object.keys(sdk)
    .filter((name) => name.endsWith('Command') && name !== '$Command' && typeof sdk[name] === 'function')
    .map((name) => name.slice(0, -'Command'.length))
    .sort();
}

function tableOf(operations: Readonly<Partial<Record<Category, readonly string[]>>>): Map<string, Category[]> {
  const table = new Map<string, Category[]>();
  for (const [category, names] of Object.entries(operations) as [Category, readonly string[]][]) {
    for (const name of names) table.set(name, [...(table.get(name) ?? []), category]);
  }
  return table;
}

describe.each([
  ['user pools', USER_POOLS, sdkOperations(userPoolsSdk), tableOf(USER_POOL_OPERATIONS)],
  ['identity pools', IDENTITY_POOLS, sdkOperations(identityPoolsSdk), tableOf(IDENTITY_POOL_OPERATIONS)],
] as const)('the %s API', (_name, eventSource, operations, table) => {
  test('the SDK lists its operations', () => {
    expect(operations.length).toBeGreaterThan(eventSource === USER_POOLS ? 100 : 20);
    expect(operations).toContain(eventSource === USER_POOLS ? 'InitiateAuth' : 'GetCredentialsForIdentity');
  });

  test('every operation has exactly one category in the table', () => {
    const missing = operations.filter((operation) => !table.has(operation));
    const twice = [...table].filter(([, categories]) => categories.length > 1).map(([operation]) => operation);

    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
  });

  test('the table names only operations of the API', () => {
    expect([...table.keys()].filter((name) => !operations.includes(name))).toEqual([]);
  });

  test('every operation classifies as the table says, and none is other by accident', () => {
    const found = operations.map((operation) => [operation, classify(eventFacts(operation, { eventSource })).category] as const);

    expect(found.filter(([operation, category]) => category !== table.get(operation)?.[0])).toEqual([]);
    const other = found.filter(([, category]) => category === 'other').map(([operation]) => operation);
    expect(other).toEqual(Object.keys(DELIBERATELY_OTHER).filter((operation) => operations.includes(operation)));
    for (const [, category] of found) expect(CATEGORIES).toContain(category);
  });
});

describe('the decisions the categories rest on', () => {
  test.each([
    // Identity pools: only what a client calls for an identity and its credentials is identity_pool.
    [IDENTITY_POOLS, 'GetId', 'identity_pool'],
    [IDENTITY_POOLS, 'GetCredentialsForIdentity', 'identity_pool'],
    [IDENTITY_POOLS, 'GetOpenIdToken', 'identity_pool'],
    [IDENTITY_POOLS, 'GetOpenIdTokenForDeveloperIdentity', 'identity_pool'],
    [IDENTITY_POOLS, 'UnlinkIdentity', 'identity_pool'],
    [IDENTITY_POOLS, 'CreateIdentityPool', 'pool_admin'],
    [IDENTITY_POOLS, 'UpdateIdentityPool', 'pool_admin'],
    [IDENTITY_POOLS, 'DeleteIdentityPool', 'pool_admin'],
    [IDENTITY_POOLS, 'SetIdentityPoolRoles', 'pool_admin'],
    [IDENTITY_POOLS, 'MergeDeveloperIdentities', 'pool_admin'],
    [IDENTITY_POOLS, 'DeleteIdentities', 'pool_admin'],
    // A signed-in user's own account.
    [USER_POOLS, 'UpdateUserAttributes', 'account'],
    [USER_POOLS, 'DeleteUserAttributes', 'account'],
    [USER_POOLS, 'VerifyUserAttribute', 'account'],
    [USER_POOLS, 'GetUserAttributeVerificationCode', 'account'],
    [USER_POOLS, 'DeleteUser', 'account'],
    [USER_POOLS, 'GetUser', 'account'],
    [USER_POOLS, 'ConfirmDevice', 'account'],
    [USER_POOLS, 'ForgetDevice', 'account'],
    [USER_POOLS, 'UpdateDeviceStatus', 'account'],
    [USER_POOLS, 'UpdateAuthEventFeedback', 'account'],
    // The same change made by an administrator keeps its subject's category where it is about
    // authentication, and is user_admin otherwise.
    [USER_POOLS, 'AdminSetUserPassword', 'password'],
    [USER_POOLS, 'AdminSetUserMFAPreference', 'mfa'],
    [USER_POOLS, 'AdminDeleteSoftwareToken', 'mfa'],
    [USER_POOLS, 'AdminUpdateUserAttributes', 'user_admin'],
    [USER_POOLS, 'AdminUpdateDeviceStatus', 'user_admin'],
    [USER_POOLS, 'CreateUserImportJob', 'user_admin'],
    [USER_POOLS, 'AdminUserGlobalSignOut', 'sign_out'],
    [USER_POOLS, 'AdminRevokeUserSession', 'sign_out'],
    [USER_POOLS, 'GetClientToken', 'token'],
    [USER_POOLS, 'AddUserPoolClientSecret', 'pool_admin'],
    [USER_POOLS, 'SetUserPoolMfaConfig', 'pool_admin'],
  ] as const)('%s %s → %s', (eventSource, eventName, category) => {
    expect(classify(eventFacts(eventName, { eventSource })).category).toBe(category);
  });
});
