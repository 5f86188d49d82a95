/**
 * The category of every operation of the two Cognito APIs. CloudTrail names an API call's event after the
 * operation (Amazon Cognito Developer Guide, "Amazon Cognito logging in AWS CloudTrail": every action of the
 * user pools API Reference and of the identity pools API Reference is logged). A test enumerates the
 * operations of the AWS SDK's two clients and fails on any that is missing here or not an operation.
 *
 * A category says what the call does to whom, not who made it: an administrator's `AdminSetUserPassword`
 * is `password` like the user's own `ChangePassword`; `principal_type` tells the two apart.
 */
import type { Category } from './schema';

type Operations = Readonly<Partial<Record<Category, readonly string[]>>>;

/** `cognito-idp.amazonaws.com`: user pools. */
export const USER_POOL_OPERATIONS = {
  sign_in: ['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge'],
  sign_up: ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode'],
  password: ['ForgotPassword', 'ConfirmForgotPassword', 'ChangePassword', 'AdminSetUserPassword', 'AdminResetUserPassword'],
  mfa: [
    'AssociateSoftwareToken',
    'VerifySoftwareToken',
    'SetUserMFAPreference',
    'AdminSetUserMFAPreference',
    'SetUserSettings',
    'AdminSetUserSettings',
    'AdminDeleteSoftwareToken',
    'GetUserAuthFactors',
    'AdminGetUserAuthFactors',
    'StartWebAuthnRegistration',
    'CompleteWebAuthnRegistration',
    'ListWebAuthnCredentials',
    'DeleteWebAuthnCredential',
  ],
  // Tokens issued or revoked without a user signing in: refresh, machine-to-machine, revocation.
  token: ['GetTokensFromRefreshToken', 'GetClientToken', 'RevokeToken'],
  sign_out: ['GlobalSignOut', 'AdminUserGlobalSignOut', 'RevokeUserSession', 'AdminRevokeUserSession'],
  // What a signed-in user does to their own account with their access token (or, for feedback, the
  // token of the e-mail message): attributes, verification, devices (a remembered device skips MFA),
  // sessions, deletion.
  account: [
    'GetUser',
    'UpdateUserAttributes',
    'DeleteUserAttributes',
    'GetUserAttributeVerificationCode',
    'VerifyUserAttribute',
    'DeleteUser',
    'ConfirmDevice',
    'GetDevice',
    'ListDevices',
    'UpdateDeviceStatus',
    'ForgetDevice',
    'ListUserSessions',
    'UpdateAuthEventFeedback',
  ],
  user_admin: [
    'AdminCreateUser',
    'AdminConfirmSignUp',
    'AdminGetUser',
    'AdminUpdateUserAttributes',
    'AdminDeleteUserAttributes',
    'AdminDeleteUser',
    'AdminDisableUser',
    'AdminEnableUser',
    'AdminLinkProviderForUser',
    'AdminDisableProviderForUser',
    'AdminAddUserToGroup',
    'AdminRemoveUserFromGroup',
    'AdminListGroupsForUser',
    'AdminGetDevice',
    'AdminListDevices',
    'AdminUpdateDeviceStatus',
    'AdminForgetDevice',
    'AdminListUserAuthEvents',
    'AdminUpdateAuthEventFeedback',
    'AdminListUserSessions',
    'ListUsers',
    'ListUsersInGroup',
    'CreateGroup',
    'GetGroup',
    'UpdateGroup',
    'DeleteGroup',
    'ListGroups',
    // Import jobs create users in bulk.
    'GetCSVHeader',
    'CreateUserImportJob',
    'DescribeUserImportJob',
    'ListUserImportJobs',
    'StartUserImportJob',
    'StopUserImportJob',
  ],
  pool_admin: [
    'CreateUserPool',
    'DescribeUserPool',
    'UpdateUserPool',
    'DeleteUserPool',
    'ListUserPools',
    'AddCustomAttributes',
    'GetUserPoolMfaConfig',
    'SetUserPoolMfaConfig',
    'DescribeRiskConfiguration',
    'SetRiskConfiguration',
    'GetUICustomization',
    'SetUICustomization',
    'GetSigningCertificate',
    'GetLogDeliveryConfiguration',
    'SetLogDeliveryConfiguration',
    'GetUserPoolSessionConfiguration',
    'SetUserPoolSessionConfiguration',
    'GetProvisionedLimit',
    'UpdateProvisionedLimit',
    'CreateUserPoolReplica',
    'UpdateUserPoolReplica',
    'DeleteUserPoolReplica',
    'ListUserPoolReplicas',
    'CreateUserPoolClient',
    'DescribeUserPoolClient',
    'UpdateUserPoolClient',
    'DeleteUserPoolClient',
    'ListUserPoolClients',
    'AddUserPoolClientSecret',
    'DeleteUserPoolClientSecret',
    'ListUserPoolClientSecrets',
    'GetUserPoolClientSessionConfiguration',
    'SetUserPoolClientSessionConfiguration',
    'CreateUserPoolDomain',
    'DescribeUserPoolDomain',
    'UpdateUserPoolDomain',
    'DeleteUserPoolDomain',
    'CreateIdentityProvider',
    'DescribeIdentityProvider',
    'UpdateIdentityProvider',
    'DeleteIdentityProvider',
    'ListIdentityProviders',
    'GetIdentityProviderByIdentifier',
    'CreateResourceServer',
    'DescribeResourceServer',
    'UpdateResourceServer',
    'DeleteResourceServer',
    'ListResourceServers',
    'CreateManagedLoginBranding',
    'DescribeManagedLoginBranding',
    'DescribeManagedLoginBrandingByClient',
    'UpdateManagedLoginBranding',
    'DeleteManagedLoginBranding',
    'CreateTerms',
    'DescribeTerms',
    'DescribeTermsByClient',
    'UpdateTerms',
    'DeleteTerms',
    'ListTerms',
    'TagResource',
    'UntagResource',
    'ListTagsForResource',
  ],
} as const satisfies Operations;

/**
 * `cognito-identity.amazonaws.com`: identity pools. `identity_pool` holds exactly the operations a client
 * calls to get an identity and its credentials, which CloudTrail logs as data events (same guide page,
 * "Identity pools events"); everything else needs developer credentials and is administration, including
 * the management of identities (merge, unlink a developer identity, delete).
 */
export const IDENTITY_POOL_OPERATIONS = {
  identity_pool: ['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'GetOpenIdTokenForDeveloperIdentity', 'UnlinkIdentity'],
  pool_admin: [
    'CreateIdentityPool',
    'DescribeIdentityPool',
    'UpdateIdentityPool',
    'DeleteIdentityPool',
    'ListIdentityPools',
    'GetIdentityPoolRoles',
    'SetIdentityPoolRoles',
    'GetPrincipalTagAttributeMap',
    'SetPrincipalTagAttributeMap',
    'DescribeIdentity',
    'ListIdentities',
    'DeleteIdentities',
    'LookupDeveloperIdentity',
    'MergeDeveloperIdentities',
    'UnlinkDeveloperIdentity',
    'TagResource',
    'UntagResource',
    'ListTagsForResource',
  ],
} as const satisfies Operations;

/** Operation name → category, built once at load. */
export function operationTable(operations: Operations): ReadonlyMap<string, Category> {
  const map = new Map<string, Category>();
  // Keys of our own constant tables, not input.
  for (const category of Object.keys(operations) as Category[]) {
    for (const name of operations[category] ?? []) map.set(name, category);
  }
  return map;
}
