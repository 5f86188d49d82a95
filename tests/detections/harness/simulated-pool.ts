/**
 * The Cognito deployment the scenarios act on: one AWS account and region, one user pool with three app
 * clients, one identity pool, and its users. Addresses come from the documentation ranges (RFC 5737 IPv4,
 * RFC 3849 IPv6), so no generated event names a real host.
 */
import type { Random } from './random';

/** How an app client signs users in, and what Cognito answers for a username that does not exist. */
export interface AppClient {
  readonly id: string;
  readonly name: 'web' | 'mobile' | 'hosted_ui';
  /** `USER_SRP_AUTH` (Amplify), `USER_PASSWORD_AUTH`, or the managed login pages. */
  readonly flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'managed_login';
  /**
   * `PreventUserExistenceErrors` (user pools API Reference, CreateUserPoolClient): ENABLED answers an
   * unknown user like a wrong password (NotAuthorizedException, no sub); LEGACY answers UserNotFoundException.
   */
  readonly preventUserExistenceErrors: boolean;
}

export interface SimulatedUser {
  readonly sub: string;
  readonly username: string;
  /** Where the user usually signs in from. */
  readonly ip: string;
  readonly client: AppClient;
  /** The user answers a TOTP challenge at sign-in. */
  readonly totp: boolean;
}

export interface SimulatedPool {
  readonly accountId: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly domain: string;
  readonly identityPoolId: string;
  readonly clients: { readonly web: AppClient; readonly mobile: AppClient; readonly hostedUi: AppClient };
  readonly users: readonly SimulatedUser[];
}

export const ACCOUNT_ID = '111122223333';
export const REGION = 'eu-west-1';

/** The ISO-8601 form CloudTrail writes (`2025-06-17T08:03:40Z`), from epoch ms. */
export function isoSeconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** A client's address: IPv6 from 2001:db8::/32 for most, IPv4 from 198.51.100.0/24 for some. */
export function residentialIp(random: Random): string {
  if (random.chance(0.25)) return `198.51.100.${random.int(1, 254)}`;
  return `2001:db8:${random.int(1, 0xffff).toString(16)}:${random.int(1, 0xffff).toString(16)}::${random.int(1, 0xfff).toString(16)}`;
}

/** An address an attacker uses: 203.0.113.0/24 (RFC 5737), or an IPv6 address in 2001:db8:bad::/48. */
export function attackerIp(random: Random): string {
  if (random.chance(0.5)) return `203.0.113.${random.int(1, 254)}`;
  return `2001:db8:bad:${random.int(1, 0xffff).toString(16)}::${random.int(1, 0xfff).toString(16)}`;
}

/** A pool of `size` users; the same seed gives the same pool. */
export function simulatedPool(random: Random, size: number): SimulatedPool {
  const clientId = (): string => random.text(26);
  const clients = {
    web: { id: clientId(), name: 'web', flow: 'USER_SRP_AUTH', preventUserExistenceErrors: true },
    mobile: { id: clientId(), name: 'mobile', flow: 'USER_PASSWORD_AUTH', preventUserExistenceErrors: false },
    hostedUi: { id: clientId(), name: 'hosted_ui', flow: 'managed_login', preventUserExistenceErrors: true },
  } as const satisfies SimulatedPool['clients'];
  const users = Array.from({ length: size }, (_, i): SimulatedUser => {
    const client = [clients.web, clients.mobile, clients.hostedUi][random.weighted([5, 3, 2])] ?? clients.web;
    return { sub: random.uuid(), username: `user${String(i).padStart(5, '0')}@example.com`, ip: residentialIp(random), client, totp: random.chance(0.15) };
  });
  return {
    accountId: ACCOUNT_ID,
    region: REGION,
    userPoolId: `${REGION}_${random.text(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
    domain: `auth-${random.text(6)}.auth.${REGION}.amazoncognito.com`,
    identityPoolId: `${REGION}:${random.uuid()}`,
    clients,
    users,
  };
}
