import type { CustomResourceOutcome, CustomResourceWork } from '../shared/custom-resource';
import type { CustomResourceRequest } from '../shared/custom-resource-request';
import type { Logger } from '../shared/logger';
import { parseResourceProperties } from './properties';
import { runChecks } from './run-checks';
import { storedStreamName } from './stream-name';
import { parseStackId, trailNameFor } from './trail-name';
import type { CheckDeps, CheckReport } from './types';

export interface CheckResourceOptions {
  /** Everything but `signal`, which comes from the custom resource's deadline. */
  readonly deps: Omit<CheckDeps, 'signal'>;
  readonly allowLocal: boolean;
  readonly log: Logger;
}

/** Data keys the template may read with !GetAtt EndpointCheck.<key>; the Trail reads TrailName. */
export const DATA_KEYS = ['OpenObserveVersion', 'StreamName', 'Warnings', 'TrailName'] as const;

/** The name of the trail the stack creates (CreateTrail 'true'), answered on every request so GetAtt always resolves. */
function trailNameOf(stackId: string): string {
  const stack = parseStackId(stackId);
  return stack ? trailNameFor(stack.stackName) : '';
}

/** The stack's physical id for a check of this base URL: stable, no secrets, the host only. */
export function physicalResourceIdFor(url: string): string {
  try {
    return `endpoint-check-${new URL(url).host}`;
  } catch {
    return 'endpoint-check';
  }
}

/** Turns a report into the custom resource's answer: FAILED with every failure, or SUCCESS with Data. */
export function outcomeOf(report: CheckReport, url: string, trailName = ''): CustomResourceOutcome {
  const failed = report.checks.filter((c) => c.status === 'failed');
  const warned = report.checks.filter((c) => c.status === 'warned');
  if (failed.length > 0) {
    const [first, ...rest] = failed.map((c) => c.message);
    const more = rest.length > 0 ? ` Also: ${rest.join(' ')}` : '';
    return { status: 'FAILED', reason: `Endpoint check failed: ${first ?? ''}${more}` };
  }
  const passed = report.checks.filter((c) => c.status === 'passed').length;
  return {
    status: 'SUCCESS',
    physicalResourceId: physicalResourceIdFor(url),
    reason: `Endpoint check passed: ${passed} checks passed, ${warned.length} warned.`,
    data: {
      OpenObserveVersion: report.openObserveVersion ?? 'unknown',
      StreamName: report.storedStreamName,
      Warnings: warned.map((c) => c.message).join(' '),
      TrailName: trailName,
    } satisfies Record<(typeof DATA_KEYS)[number], string>,
  };
}

/**
 * The answer to an Update sent while the stack rolls back: SUCCESS without any check or network call, with
 * every Data key the template may read, computed from the (restored) properties alone.
 */
export function rollbackOutcome(event: CustomResourceRequest): CustomResourceOutcome {
  const stream = event.ResourceProperties.StreamName;
  const url = event.ResourceProperties.OpenObserveUrl;
  return {
    status: 'SUCCESS',
    physicalResourceId: physicalResourceIdFor(typeof url === 'string' ? url : ''),
    reason: 'Endpoint check skipped: the stack is rolling back to these settings, which passed when they were deployed.',
    data: {
      OpenObserveVersion: 'unknown',
      StreamName: typeof stream === 'string' ? storedStreamName(stream) : '',
      Warnings: 'Not checked: the stack was rolling back.',
      TrailName: trailNameOf(event.StackId),
    } satisfies Record<(typeof DATA_KEYS)[number], string>,
  };
}

/** The Create/Update work of EndpointCheckFunction: parse the properties, run the checks, log each result. */
export function checkResource(options: CheckResourceOptions): CustomResourceWork {
  return async (event, ctx) => {
    const parsed = parseResourceProperties(event.ResourceProperties, options.allowLocal, {
      stackId: event.StackId,
      ...(event.RequestType === 'Update' ? { oldProperties: event.OldResourceProperties } : {}),
    });
    if (!parsed.ok) return { status: 'FAILED', reason: `Endpoint check failed: ${parsed.reason}` };
    const report = await runChecks(parsed.value, { ...options.deps, signal: ctx.signal });
    for (const check of report.checks) {
      const line = { check: check.id, status: check.status, detail: check.message };
      if (check.status === 'failed') options.log.warn('endpoint check', line);
      else options.log.info('endpoint check', line);
    }
    return outcomeOf(report, parsed.value.url, trailNameOf(event.StackId));
  };
}
