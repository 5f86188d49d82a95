/**
 * The messages of an OTLP `ExportMetricsServiceRequest` as prost decodes them: field number → wire kind.
 * Field numbers follow opentelemetry-proto v1.5.0 (`collector/metrics/v1/metrics_service.proto`,
 * `metrics/v1/metrics.proto`, `common/v1/common.proto`, `resource/v1/resource.proto`); reserved and newer
 * fields are absent, so they are skipped as unknown fields, as the server's decoder does.
 */

export type FieldKind =
  | 'varint'
  | 'fixed64'
  | 'string'
  | 'bytes'
  | 'repeated-fixed64'
  | 'repeated-varint'
  | { readonly message: MessageName };

export type MessageName =
  | 'ExportMetricsServiceRequest'
  | 'ResourceMetrics'
  | 'Resource'
  | 'ScopeMetrics'
  | 'InstrumentationScope'
  | 'KeyValue'
  | 'AnyValue'
  | 'ArrayValue'
  | 'KeyValueList'
  | 'Metric'
  | 'Gauge'
  | 'Sum'
  | 'Histogram'
  | 'ExponentialHistogram'
  | 'Summary'
  | 'NumberDataPoint'
  | 'HistogramDataPoint'
  | 'ExponentialHistogramDataPoint'
  | 'Buckets'
  | 'SummaryDataPoint'
  | 'ValueAtQuantile'
  | 'Exemplar';

const m = (message: MessageName): FieldKind => ({ message });

/** Field number → kind, per message. Enums, bools, (u|s)int32/64 are all varints to prost (open enums). */
export const MESSAGES: Readonly<Record<MessageName, Readonly<Record<number, FieldKind>>>> = {
  ExportMetricsServiceRequest: { 1: m('ResourceMetrics') },
  ResourceMetrics: { 1: m('Resource'), 2: m('ScopeMetrics'), 3: 'string' },
  Resource: { 1: m('KeyValue'), 2: 'varint' },
  ScopeMetrics: { 1: m('InstrumentationScope'), 2: m('Metric'), 3: 'string' },
  InstrumentationScope: { 1: 'string', 2: 'string', 3: m('KeyValue'), 4: 'varint' },
  KeyValue: { 1: 'string', 2: m('AnyValue') },
  AnyValue: { 1: 'string', 2: 'varint', 3: 'varint', 4: 'fixed64', 5: m('ArrayValue'), 6: m('KeyValueList'), 7: 'bytes' },
  ArrayValue: { 1: m('AnyValue') },
  KeyValueList: { 1: m('KeyValue') },
  Metric: {
    1: 'string',
    2: 'string',
    3: 'string',
    5: m('Gauge'),
    7: m('Sum'),
    9: m('Histogram'),
    10: m('ExponentialHistogram'),
    11: m('Summary'),
    12: m('KeyValue'),
  },
  Gauge: { 1: m('NumberDataPoint') },
  Sum: { 1: m('NumberDataPoint'), 2: 'varint', 3: 'varint' },
  Histogram: { 1: m('HistogramDataPoint'), 2: 'varint' },
  ExponentialHistogram: { 1: m('ExponentialHistogramDataPoint'), 2: 'varint' },
  Summary: { 1: m('SummaryDataPoint') },
  NumberDataPoint: { 2: 'fixed64', 3: 'fixed64', 4: 'fixed64', 5: m('Exemplar'), 6: 'fixed64', 7: m('KeyValue'), 8: 'varint' },
  HistogramDataPoint: {
    2: 'fixed64',
    3: 'fixed64',
    4: 'fixed64',
    5: 'fixed64',
    6: 'repeated-fixed64',
    7: 'repeated-fixed64',
    8: m('Exemplar'),
    9: m('KeyValue'),
    10: 'varint',
    11: 'fixed64',
    12: 'fixed64',
  },
  ExponentialHistogramDataPoint: {
    1: m('KeyValue'),
    2: 'fixed64',
    3: 'fixed64',
    4: 'fixed64',
    5: 'fixed64',
    6: 'varint',
    7: 'fixed64',
    8: m('Buckets'),
    9: m('Buckets'),
    10: 'varint',
    11: m('Exemplar'),
    12: 'fixed64',
    13: 'fixed64',
    14: 'fixed64',
  },
  Buckets: { 1: 'varint', 2: 'repeated-varint' },
  SummaryDataPoint: { 2: 'fixed64', 3: 'fixed64', 4: 'fixed64', 5: 'fixed64', 6: m('ValueAtQuantile'), 7: m('KeyValue'), 8: 'varint' },
  ValueAtQuantile: { 1: 'fixed64', 2: 'fixed64' },
  Exemplar: { 2: 'fixed64', 3: 'fixed64', 4: 'bytes', 5: 'bytes', 6: 'fixed64', 7: m('KeyValue') },
};
