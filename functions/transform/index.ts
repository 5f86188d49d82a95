/**
 * TransformFunction: the Firehose record-transformation Lambda. Reads its settings once at cold start (an
 * invalid setting fails the cold start with every problem named), runs the pure core on each batch, and writes
 * one WARN line per failed record, one summary line and one EMF metrics line per batch.
 */
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { createLogger, errorFields, type Logger } from '../shared/logger';
import { emfLine, METRIC_NAMESPACE, TRANSFORM_METRICS } from '../shared/metrics';
import { parseTransformConfig, type TransformConfig } from './config';
import { processBatch } from './process-batch';
import type { TransformContext, TransformResponse } from './types';

function loadConfig(): TransformConfig {
  try {
    return parseTransformConfig(process.env);
  } catch (error) {
    createLogger({ level: 'ERROR' }).error('The transform configuration is invalid; fix the Lambda environment and redeploy.', errorFields(error));
    throw error;
  }
}

const config = loadConfig();
const logger: Logger = createLogger({ level: config.logLevel });
let coldStart = true;

const writeStdout = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export const handler = async (event: FirehoseTransformationEvent, context: TransformContext): Promise<TransformResponse> => {
  const startedMs = performance.now();
  const nowMs = Date.now();
  const log = logger.child({ function_request_id: context?.awsRequestId, invocation_id: event?.invocationId });
  if (coldStart && log.isEnabled('DEBUG')) {
    log.debug('Transform configuration', {
      payload_mode: config.payloadMode,
      username_mode: config.usernameMode,
      source_ip_mode: config.sourceIpMode,
      exclude_event_names: config.excludeEventNames.patterns.join(','),
      late_event_policy: config.lateEventPolicy,
      late_event_seconds: config.lateEventSeconds,
    });
  }
  const { response, summary, failures } = processBatch(event, config, nowMs);
  const durationMs = Math.round((performance.now() - startedMs) * 1000) / 1000;

  for (const failure of failures) log.warn('Record marked ProcessingFailed', { record_id: failure.recordId, reason: failure.reason });
  if (summary.overResponseLimit > 0) {
    log.warn('The response reached its size limit; the records that did not fit are ProcessingFailed and backed up to S3', {
      records_over_limit: summary.overResponseLimit,
      response_bytes: summary.responseBytes,
    });
  }
  log.info('Batch transformed', {
    records_in: summary.recordsIn,
    records_ok: summary.ok,
    records_dropped: summary.dropped,
    records_processing_failed: summary.processingFailed,
    records_restamped: summary.restamped,
    records_over_response_limit: summary.overResponseLimit,
    bytes_in: summary.bytesIn,
    bytes_out: summary.bytesOut,
    response_bytes: summary.responseBytes,
    duration_ms: durationMs,
    cold_start: coldStart,
  });
  coldStart = false;

  const functionName = context?.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME;
  writeStdout(
    emfLine({
      namespace: METRIC_NAMESPACE,
      dimensions: functionName ? { FunctionName: functionName } : {},
      timestampMs: nowMs,
      metrics: [
        { ...TRANSFORM_METRICS.recordsIn, value: summary.recordsIn },
        { ...TRANSFORM_METRICS.recordsOk, value: summary.ok },
        { ...TRANSFORM_METRICS.recordsDropped, value: summary.dropped },
        { ...TRANSFORM_METRICS.recordsFailed, value: summary.processingFailed },
        { ...TRANSFORM_METRICS.recordsRestamped, value: summary.restamped },
        { ...TRANSFORM_METRICS.recordsOverflowed, value: summary.overResponseLimit },
        { ...TRANSFORM_METRICS.bytesIn, value: summary.bytesIn },
        { ...TRANSFORM_METRICS.bytesOut, value: summary.bytesOut },
        { ...TRANSFORM_METRICS.duration, value: durationMs },
      ],
    }),
  );
  return response;
};
