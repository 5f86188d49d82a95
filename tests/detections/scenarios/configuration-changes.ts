/**
 * Configuration changes that open a door (ATT&CK T1556 Modify Authentication Process, T1098.003 Additional
 * Cloud Roles, T1562.001 Impair Defenses): identity pools opened to unauthenticated users or given other
 * roles, a user pool's Lambda triggers or MFA replaced, an app client's auth flows widened, threat protection
 * switched to audit; and one change outside that list, which the general admin-change alert reports.
 * Each is one API call with the request parameters CloudTrail logs for it.
 */
import type { Principal, TimedEvent } from '../harness/cloudtrail';
import { identityPoolChange, lambdaConfig, userPoolChange } from '../harness/admin-events';
import { HOUR_MS, MINUTE_MS, defineScenario, type Scenario, type ScenarioWorld } from '../harness/scenario';
import { attackerIp } from '../harness/simulated-pool';

/** A role an attacker took over; its changes come from an address the team never uses. */
const INTRUDER: Principal = { roleName: 'LegacyAutomation', sessionName: 'botocore-session-1718700000' };

function change(id: string, title: string, technique: string, alert: string, seed: number, build: (world: ScenarioWorld, ip: string, at: number) => TimedEvent): Scenario {
  return defineScenario({
    id,
    title,
    kind: 'attack',
    technique,
    detectedBy: [alert],
    seed,
    generate(world) {
      const ip = attackerIp(world.random);
      return { events: [build(world, ip, world.day + 23 * HOUR_MS + (seed % 100) * 7 * MINUTE_MS)], offenders: { column: 'source_ip', values: [ip] } };
    },
  });
}

const AUTH = 'cognito_auth_config_change';

export const identityPoolUnauthenticated = change('identity-pool-unauthenticated', 'An identity pool is opened to unauthenticated identities (UpdateIdentityPool)', 'T1556', AUTH, 501, (world, ip, at) =>
  identityPoolChange(world.ct, { name: 'UpdateIdentityPool', principal: INTRUDER, ip, at, requestParameters: { identityPoolName: 'app_identities', allowUnauthenticatedIdentities: true, allowClassicFlow: true } }),
);

export const identityPoolRolesSwapped = change('identity-pool-roles-swapped', "An identity pool's authenticated role is swapped for an administrator role (SetIdentityPoolRoles)", 'T1098.003', AUTH, 502, (world, ip, at) =>
  identityPoolChange(world.ct, { name: 'SetIdentityPoolRoles', principal: INTRUDER, ip, at, requestParameters: { roles: { authenticated: `arn:aws:iam::${world.pool.accountId}:role/OrganizationAdmin`, unauthenticated: `arn:aws:iam::${world.pool.accountId}:role/AppGuest` } } }),
);

export const lambdaTriggerReplaced = change('lambda-trigger-replaced', "The user pool's pre-token-generation and post-authentication triggers point at another function (UpdateUserPool)", 'T1556', AUTH, 503, (world, ip, at) =>
  userPoolChange(world.ct, { name: 'UpdateUserPool', principal: INTRUDER, ip, at, requestParameters: { ...lambdaConfig(world.ct, 'token-enricher-v2'), mfaConfiguration: 'OPTIONAL', autoVerifiedAttributes: ['email'] } }),
);

export const appClientAuthFlowsWidened = change('app-client-auth-flows-widened', 'An app client gets plain-password auth flows and a new callback URL (UpdateUserPoolClient)', 'T1556', AUTH, 504, (world, ip, at) =>
  userPoolChange(world.ct, {
    name: 'UpdateUserPoolClient',
    principal: INTRUDER,
    ip,
    at,
    requestParameters: { clientId: world.pool.clients.web.id, explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], callbackURLs: ['https://app.example.net/callback'], preventUserExistenceErrors: 'LEGACY' },
  }),
);

export const poolMfaTurnedOff = change('pool-mfa-turned-off', "The user pool's MFA is turned off (SetUserPoolMfaConfig)", 'T1556.006', AUTH, 505, (world, ip, at) =>
  userPoolChange(world.ct, { name: 'SetUserPoolMfaConfig', principal: INTRUDER, ip, at, requestParameters: { softwareTokenMfaConfiguration: { enabled: false }, mfaConfiguration: 'OFF' } }),
);

export const threatProtectionDisabled = change('threat-protection-disabled', 'Threat protection stops blocking compromised credentials and risky sign-ins (SetRiskConfiguration)', 'T1562.001', AUTH, 506, (world, ip, at) =>
  userPoolChange(world.ct, {
    name: 'SetRiskConfiguration',
    principal: INTRUDER,
    ip,
    at,
    requestParameters: { compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'NO_ACTION' } }, accountTakeoverRiskConfiguration: { actions: { highAction: { eventAction: 'NO_ACTION', notify: false } } } },
  }),
);

export const resourceServerScopesAdded = change('resource-server-scopes-added', 'A resource server gets an admin scope (UpdateResourceServer): a change outside the authentication list', 'T1098', 'cognito_pool_admin_change', 507, (world, ip, at) =>
  userPoolChange(world.ct, { name: 'UpdateResourceServer', principal: INTRUDER, ip, at, requestParameters: { identifier: 'https://api.example.com', name: 'api', scopes: [{ scopeName: 'admin', scopeDescription: 'everything' }] } }),
);
