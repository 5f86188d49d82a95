import { METRIC_NAMESPACE, METRIC_UNITS, TRANSFORM_METRICS, emfLine } from '../../../functions/shared/metrics';

describe('emfLine', () => {
  test('writes an Embedded Metric Format object with namespace, dimensions, metric definitions and values', () => {
    // Act
    const line = emfLine({
      namespace: METRIC_NAMESPACE,
      dimensions: { FunctionName: 'fn' },
      metrics: [
        { ...TRANSFORM_METRICS.recordsIn, value: 3 },
        { ...TRANSFORM_METRICS.bytesIn, value: 1024 },
      ],
      timestampMs: 1750168800123.7,
    });

    // Assess
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      _aws: {
        Timestamp: 1750168800123,
        CloudWatchMetrics: [
          {
            Namespace: 'O2Cognito',
            Dimensions: [['FunctionName']],
            Metrics: [
              { Name: 'RecordsIn', Unit: 'Count' },
              { Name: 'BytesIn', Unit: 'Bytes' },
            ],
          },
        ],
      },
      FunctionName: 'fn',
      RecordsIn: 3,
      BytesIn: 1024,
    });
  });

  test('publishes without dimensions as one empty dimension set', () => {
    const parsed = JSON.parse(emfLine({ namespace: 'N', dimensions: {}, metrics: [{ name: 'M', unit: 'Count', value: 1 }], timestampMs: 0 }));

    expect(parsed._aws.CloudWatchMetrics[0].Dimensions).toEqual([[]]);
    expect(parsed.M).toBe(1);
  });

  test('metric names are unique and units are CloudWatch units', () => {
    const specs = Object.values(TRANSFORM_METRICS);

    expect(new Set(specs.map((spec) => spec.name)).size).toBe(specs.length);
    for (const spec of specs) expect(METRIC_UNITS).toContain(spec.unit);
  });
});
