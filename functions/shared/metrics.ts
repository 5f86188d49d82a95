/**
 * CloudWatch metrics as Embedded Metric Format lines: one JSON object on stdout that CloudWatch Logs turns
 * into metrics, no API call and no library
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 */

/** The namespace of every metric this application publishes. */
export const METRIC_NAMESPACE = 'O2Cognito';

export const METRIC_UNITS = ['Count', 'Bytes', 'Milliseconds'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export interface MetricSpec {
  readonly name: string;
  readonly unit: MetricUnit;
}

/** The transform's metrics, one datum each per batch. */
export const TRANSFORM_METRICS = {
  recordsIn: { name: 'RecordsIn', unit: 'Count' },
  recordsOk: { name: 'RecordsOk', unit: 'Count' },
  recordsDropped: { name: 'RecordsDropped', unit: 'Count' },
  recordsFailed: { name: 'RecordsProcessingFailed', unit: 'Count' },
  recordsRestamped: { name: 'RecordsRestamped', unit: 'Count' },
  recordsOverflowed: { name: 'RecordsOverResponseLimit', unit: 'Count' },
  bytesIn: { name: 'BytesIn', unit: 'Bytes' },
  bytesOut: { name: 'BytesOut', unit: 'Bytes' },
  duration: { name: 'BatchDuration', unit: 'Milliseconds' },
} as const satisfies Record<string, MetricSpec>;

export interface MetricDatum extends MetricSpec {
  readonly value: number;
}

export interface EmfInput {
  readonly namespace: string;
  /** Dimension name → value; an empty object publishes the metrics without dimensions. */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly metrics: readonly MetricDatum[];
  /** Milliseconds since the epoch. */
  readonly timestampMs: number;
}

/**
 * One EMF log line (without newline), e.g.
 * `{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"O2Cognito","Dimensions":[["FunctionName"]],
 * "Metrics":[{"Name":"RecordsIn","Unit":"Count"}]}]},"FunctionName":"f","RecordsIn":3}`.
 */
export function emfLine(input: EmfInput): string {
  const dimensionNames = Object.keys(input.dimensions);
  const root: Record<string, unknown> = {
    _aws: {
      Timestamp: Math.trunc(input.timestampMs),
      CloudWatchMetrics: [
        {
          Namespace: input.namespace,
          Dimensions: [dimensionNames],
          Metrics: input.metrics.map((metric) => ({ Name: metric.name, Unit: metric.unit })),
        },
      ],
    },
  };
  for (const name of dimensionNames) root[name] = input.dimensions[name];
  for (const metric of input.metrics) root[metric.name] = metric.value;
  return JSON.stringify(root);
}
