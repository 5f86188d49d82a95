/**
 * Create/Update/Delete work of the SecurityPack custom resource: the same installer as
 * `o2-cognito install-pack`, with the stack's properties (Thresholds included, so an update installs the
 * thresholds set in PackThresholds). Delete uninstalls; the shared custom-resource module turns any Delete
 * failure into SUCCESS, so a stack never gets stuck on cleanup.
 */
import type { CustomResourceContext, CustomResourceOutcome } from '../shared/custom-resource';
import type { CustomResourceRequest } from '../shared/custom-resource-request';
import type { Logger } from '../shared/logger';
import { summarise } from '../shared/pack/actions';
import { PackError } from '../shared/pack/errors';
import { installPack } from '../shared/pack/install';
import { ManagementApi } from '../shared/pack/management-api';
import { createManagementClient, type ManagementCredentials } from '../shared/pack/management-client';
import { uninstallPack } from '../shared/pack/uninstall';
import { urlSecrets } from '../shared/secret-scrubber';
import type { CredentialsResult } from './pack-credentials';
import { movedTarget, type PackProperties, parsePackProperties } from './pack-properties';

export interface PackResourceDeps {
  readonly readCredentials: (secretArn: string, signal: AbortSignal) => Promise<CredentialsResult>;
  readonly log: Logger;
  readonly now: () => number;
  /** How to reach OpenObserve; tests point it at a loopback fake. */
  readonly connect?: (props: PackProperties, credentials: ManagementCredentials, signal: AbortSignal) => ManagementApi;
  /** Trusted CA(s) replacing the default store, for the default `connect` (tests). */
  readonly ca?: string | Buffer;
}

export const PHYSICAL_ID_PREFIX = 'o2-cognito-security-pack';

const physicalId = (p: PackProperties): string => `${PHYSICAL_ID_PREFIX}:${p.organization}:${p.streamName}`;

/** The management API of the stack's OpenObserve; server text is scrubbed of the credentials and the webhook's secret parts. */
const connectWith =
  (ca: string | Buffer | undefined) =>
  (props: PackProperties, credentials: ManagementCredentials, signal: AbortSignal): ManagementApi => {
    const redact = props.webhookUrl === undefined ? [] : urlSecrets(props.webhookUrl);
    return new ManagementApi(createManagementClient({ baseUrl: props.openObserveUrl, credentials, signal, redact, ...(ca !== undefined ? { ca } : {}) }), props.organization);
  };

/** Our errors carry a safe one-sentence message; anything else is rethrown for the generic reason. */
function failed(error: unknown): CustomResourceOutcome {
  if (error instanceof PackError) return { status: 'FAILED', reason: error.message };
  throw error;
}

async function uninstall(props: PackProperties, deps: PackResourceDeps, ctx: CustomResourceContext): Promise<CustomResourceOutcome> {
  const credentials = await deps.readCredentials(props.credentialsSecretArn, ctx.signal);
  if (!credentials.ok) return { status: 'FAILED', reason: credentials.reason };
  try {
    const report = await uninstallPack({ api: (deps.connect ?? connectWith(deps.ca))(props, credentials.credentials, ctx.signal), stream: props.streamName, dryRun: false });
    deps.log.info('security pack removed', { summary: summarise(report.actions, false) });
    return { status: 'SUCCESS', physicalResourceId: physicalId(props) };
  } catch (error) {
    return failed(error);
  }
}

/**
 * The answer to an Update sent while the stack rolls back: SUCCESS without reinstalling, with the Data keys
 * an install answers. OpenObserve keeps what the failed update installed; `o2-cognito install-pack` (or the
 * next stack update) installs the settings again.
 */
export function packRollbackOutcome(event: CustomResourceRequest): CustomResourceOutcome {
  const parsed = parsePackProperties(event.ResourceProperties);
  return {
    status: 'SUCCESS',
    physicalResourceId: parsed.ok ? physicalId(parsed.props) : PHYSICAL_ID_PREFIX,
    reason: 'Security pack not reinstalled: the stack is rolling back. OpenObserve keeps what the failed update installed.',
    data: { Summary: 'not reinstalled during a rollback', DashboardId: '' },
  };
}

export function packResource(deps: PackResourceDeps) {
  const onCreateOrUpdate = async (event: CustomResourceRequest, ctx: CustomResourceContext): Promise<CustomResourceOutcome> => {
    const parsed = parsePackProperties(event.ResourceProperties);
    if (!parsed.ok) return { status: 'FAILED', reason: parsed.reason };
    const { props } = parsed;
    const credentials = await deps.readCredentials(props.credentialsSecretArn, ctx.signal);
    if (!credentials.ok) return { status: 'FAILED', reason: credentials.reason };
    let summary: string;
    let dashboardId: string | undefined;
    try {
      const report = await installPack({
        api: (deps.connect ?? connectWith(deps.ca))(props, credentials.credentials, ctx.signal),
        stream: props.streamName,
        thresholds: props.thresholds,
        enableAlerts: props.enableAlerts,
        ...(props.webhookUrl !== undefined ? { webhookUrl: props.webhookUrl } : {}),
        dryRun: false,
        now: deps.now,
      });
      summary = summarise(report.actions, false);
      dashboardId = report.dashboardId;
      for (const warning of report.warnings) deps.log.warn('security pack warning', { warning });
      deps.log.info('security pack installed', { summary, server_version: report.serverVersion });
    } catch (error) {
      return failed(error);
    }
    // The old target keeps a stale copy otherwise; its removal is best effort and never fails the update.
    const old = event.RequestType === 'Update' ? parsePackProperties(event.OldResourceProperties) : undefined;
    if (old?.ok && movedTarget(old.props, props)) {
      const removed = await uninstall(old.props, deps, ctx).catch((error: unknown) => ({ status: 'FAILED' as const, reason: error instanceof Error ? error.name : 'Error' }));
      if (removed.status === 'FAILED') deps.log.warn('the previous security pack was not removed', { reason: removed.reason });
    }
    return { status: 'SUCCESS', physicalResourceId: physicalId(props), data: { Summary: summary, DashboardId: dashboardId ?? '' } };
  };

  // Also after a Create that failed: it may have written part of the pack before failing.
  const onDelete = async (event: CustomResourceRequest, ctx: CustomResourceContext): Promise<CustomResourceOutcome> => {
    const parsed = parsePackProperties(event.ResourceProperties);
    if (!parsed.ok) return { status: 'FAILED', reason: parsed.reason };
    return uninstall(parsed.props, deps, ctx);
  };

  return { onCreateOrUpdate, onDelete };
}
