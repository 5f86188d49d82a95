import type { CfnResponseOptions } from '../shared/cfn-response';
import { customResourceHandler } from '../shared/custom-resource';
import type { Logger } from '../shared/logger';
import { checkResource } from './check-resource';
import type { CheckDeps } from './types';

export interface EndpointCheckHandlerOptions {
  readonly log: Logger;
  readonly deps: Omit<CheckDeps, 'signal'>;
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
    ...(options.safetyMarginMs !== undefined ? { safetyMarginMs: options.safetyMarginMs } : {}),
    ...(options.response ? { response: options.response } : {}),
  });
}
