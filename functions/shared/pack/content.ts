/**
 * The versioned pack files in content/, bundled into the CLI and the Lambda. They hold placeholders
 * (`{{stream}}`, `{{enabled}}`, `{{destination}}`, `{{webhook_url}}` and each alert's threshold keys) that
 * render.ts fills in; everything else is sent to OpenObserve as written.
 */
import dashboard from '../../../content/cognito-security.dashboard.json';
import thresholds from '../../../content/thresholds.json';
import alertTemplate from '../../../content/alert-template.json';
import destination from '../../../content/destination.json';
import passwordSpraying from '../../../content/alerts/cognito_password_spraying.json';
import bruteForceUser from '../../../content/alerts/cognito_brute_force_user.json';
import credentialStuffing from '../../../content/alerts/cognito_credential_stuffing.json';
import failedSigninSpike from '../../../content/alerts/cognito_failed_signin_spike.json';
import signinSuccessRateDrop from '../../../content/alerts/cognito_signin_success_rate_drop.json';
import signinAfterFailures from '../../../content/alerts/cognito_signin_after_failures.json';
import userEnumeration from '../../../content/alerts/cognito_user_enumeration.json';
import signupSurge from '../../../content/alerts/cognito_signup_surge.json';
import mfaChangeAfterSignIn from '../../../content/alerts/cognito_mfa_change_after_sign_in.json';
import emailChangeThenPasswordReset from '../../../content/alerts/cognito_email_change_then_password_reset.json';
import massPasswordReset from '../../../content/alerts/cognito_mass_password_reset.json';
import highRiskSignIn from '../../../content/alerts/cognito_high_risk_sign_in.json';
import compromisedCredentials from '../../../content/alerts/cognito_compromised_credentials.json';
import newCountrySignIn from '../../../content/alerts/cognito_new_country_sign_in.json';
import authConfigChange from '../../../content/alerts/cognito_auth_config_change.json';
import poolAdminChange from '../../../content/alerts/cognito_pool_admin_change.json';

/** A JSON value as the pack files hold it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** `undefined` because tsc widens the JSON imports' unions with optional keys; JSON.stringify drops them. */
export type JsonObject = { [key: string]: JsonValue | undefined };

export interface AxisItem {
  readonly label: string;
  readonly alias: string;
  readonly column: string;
}

export interface PanelQuery {
  readonly query: string;
  readonly fields: {
    readonly stream: string;
    readonly x: readonly AxisItem[];
    readonly y: readonly AxisItem[];
    readonly breakdown: readonly AxisItem[];
    /** A `maps` panel's region names and the value that colours them. */
    readonly name?: AxisItem;
    readonly value_for_maps?: AxisItem;
  };
}

export interface Panel {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly queries: readonly PanelQuery[];
  readonly layout: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

export interface DashboardContent {
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly tabs: readonly { readonly tabId: string; readonly name: string; readonly panels: readonly Panel[] }[];
  readonly variables: { readonly list: readonly { readonly name: string; readonly query_data: { readonly field: string; readonly stream: string } }[] };
}

export interface AlertContent {
  readonly name: string;
  readonly description: string;
  readonly is_real_time: boolean;
  readonly query_condition: {
    readonly type: string;
    readonly sql?: string;
    /** Real-time alerts: OpenObserve's condition tree, read by conditions.ts. */
    readonly conditions?: JsonValue;
  };
}

/** Threshold values by alert name, then by key (`min_users`, `period_minutes`…). */
export type Thresholds = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface PackContent {
  readonly dashboard: DashboardContent & JsonObject;
  readonly alerts: readonly (AlertContent & JsonObject)[];
  readonly thresholds: Thresholds;
  readonly template: { readonly name: string } & JsonObject;
  readonly destination: { readonly name: string } & JsonObject;
}

// The assignments below are checked by tsc against the interfaces: a pack file that loses a field does
// not compile.
const dashboardContent: DashboardContent & JsonObject = dashboard;
// In the order docs/security-pack.md lists them: attacks on credentials, then on accounts, then threat
// protection's verdicts (user activity logs), then configuration changes.
const alertContents: (AlertContent & JsonObject)[] = [
  passwordSpraying,
  bruteForceUser,
  credentialStuffing,
  failedSigninSpike,
  signinSuccessRateDrop,
  signinAfterFailures,
  userEnumeration,
  signupSurge,
  mfaChangeAfterSignIn,
  emailChangeThenPasswordReset,
  massPasswordReset,
  highRiskSignIn,
  compromisedCredentials,
  newCountrySignIn,
  authConfigChange,
  poolAdminChange,
];

/** The pack as shipped. */
export const PACK_CONTENT: PackContent = {
  dashboard: dashboardContent,
  alerts: alertContents,
  thresholds,
  template: alertTemplate,
  destination,
};
