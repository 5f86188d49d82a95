import type { CfnResponseOptions } from '../shared/cfn-response';
import { customResourceHandler } from '../shared/custom-resource';
import type { Logger } from '../shared/logger';
import type { StackRollbackProbe } from '../shared/stack-rollback';
import { checkResource, rollbackOutcome } from './check-resource';
import type { CheckDeps } from './types';

export interface EndpointCheckHandlerOptions {
  readonly log: Logger;
  readonly deps: Omit<CheckDeps, 'signal'>;
  /** Reads the stack's status, so that a rollback's Update is answered without checking the old values. */
  readonly stackStatus?: StackRollbackProbe;
  /** ENDPOINT_CHECK_ALLOW_LOCAL=true: local testing only, never set by the template. */
  readonly allowLocal: boolean;
  readonly safetyMarginMs?: number;
  readonly response?: CfnResponseOptions;
}

/** EndpointCheckFunction's handler, built from its dependencies (index.ts wires the real ones). */
export function endpointCheckHandler(options: EndpointCheckHandlerOptions) {
  return customResourceHandler({
    log: options.log,
    physicalResourceIdPrefix: 'endpoint-check',
    onCreateOrUpdate: checkResource({ log: options.log, allowLocal: options.allowLocal, deps: options.deps }),
    ...(options.stackStatus ? { rollback: { probe: options.stackStatus, outcome: rollbackOutcome } } : {}),
    ...(options.safetyMarginMs !== undefined ? { safetyMarginMs: options.safetyMarginMs } : {}),
    ...(options.response ? { response: options.response } : {}),
  });
}
