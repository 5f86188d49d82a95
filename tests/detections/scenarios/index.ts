/**
 * Every labelled scenario, in the order the table of docs/security-pack.md lists them. A new scenario goes here
 * (docs/security-pack.md, "Adding a scenario", says how to write one).
 */
import type { Scenario } from '../harness/scenario';
import { emailChangedThenPasswordReset, massAdminPasswordReset, mfaDeviceReplacedAfterSignIn, mfaDisabledAfterSignIn } from './account-takeover';
import { baselineDay } from './baseline-day';
import {
  appClientAuthFlowsWidened,
  identityPoolRolesSwapped,
  identityPoolUnauthenticated,
  lambdaTriggerReplaced,
  poolMfaTurnedOff,
  resourceServerScopesAdded,
  threatProtectionDisabled,
} from './configuration-changes';
import {
  bruteForceDistributed,
  bruteForceOneAccount,
  credentialStuffing,
  failureFlood,
  signInAfterFailures,
  sprayingManagedLogin,
  sprayingTwoCampaigns,
  sprayingWithSub,
  sprayingWithoutSub,
} from './credential-attacks';
import { attacksInADay, baselineRedelivered, nearThresholdRedelivered } from './delivery-and-mixes';
import { enumerationPrevented, enumerationSignUpAndRecovery, enumerationUserNotFound } from './enumeration';
import { newCountryAfterLookback, newCountryLookAlikes, signInFromNewCountry } from './new-countries';
import { breachedPasswords, mediumRiskSecondFactor, riskySignInsBlocked, threatsInADay, verdictsReportedLate } from './risky-sign-ins';
import { signInsSeenTwice } from './sign-ins-seen-twice';
import { signUpSurgeApi, signUpSurgeManagedLogin } from './sign-up-surges';

export const SCENARIOS: readonly Scenario[] = [
  baselineDay,
  baselineRedelivered,
  nearThresholdRedelivered,
  signInsSeenTwice,
  sprayingWithSub,
  sprayingWithoutSub,
  sprayingManagedLogin,
  sprayingTwoCampaigns,
  bruteForceOneAccount,
  bruteForceDistributed,
  credentialStuffing,
  failureFlood,
  signInAfterFailures,
  enumerationUserNotFound,
  enumerationSignUpAndRecovery,
  enumerationPrevented,
  signUpSurgeApi,
  signUpSurgeManagedLogin,
  mfaDisabledAfterSignIn,
  mfaDeviceReplacedAfterSignIn,
  emailChangedThenPasswordReset,
  massAdminPasswordReset,
  identityPoolUnauthenticated,
  identityPoolRolesSwapped,
  lambdaTriggerReplaced,
  appClientAuthFlowsWidened,
  poolMfaTurnedOff,
  threatProtectionDisabled,
  resourceServerScopesAdded,
  attacksInADay,
  riskySignInsBlocked,
  mediumRiskSecondFactor,
  breachedPasswords,
  verdictsReportedLate,
  signInFromNewCountry,
  newCountryLookAlikes,
  newCountryAfterLookback,
  threatsInADay,
];
