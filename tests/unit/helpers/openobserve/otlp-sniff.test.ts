import { sniffOtlpMetrics } from '../../../helpers/openobserve/otlp-sniff';

// Minimal protobuf writer for the test inputs.
const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
};
const key = (tag: number, wire: number): number[] => varint(tag * 8 + wire);
const len = (tag: number, body: number[]): number[] => [...key(tag, 2), ...varint(body.length), ...body];
const str = (tag: number, text: string): number[] => len(tag, [...Buffer.from(text, 'utf8')]);
const fixed64 = (tag: number): number[] => [...key(tag, 1), 0, 0, 0, 0, 0, 0, 0, 0];

/** One varint header (as Firehose metric streams write a length prefix) and the message. */
function record(message: number[]): Uint8Array {
  return Uint8Array.from([...varint(message.length), ...message]);
}

/** ExportMetricsServiceRequest → ResourceMetrics → ScopeMetrics → Metric(summary) with one data point. */
function metricStreamRequest(): number[] {
  const attribute = len(1, [...str(1, 'cloud.region'), ...len(2, str(1, 'eu-west-1'))]);
  const resource = len(1, attribute);
  const quantile = len(6, [...fixed64(1), ...fixed64(2)]);
  const point = len(1, [...fixed64(2), ...fixed64(3), ...key(4, 1), 1, 0, 0, 0, 0, 0, 0, 0, ...fixed64(5), ...quantile]);
  const metric = len(2, [...str(1, 'amazonaws.com/AWS/Cognito/SignInSuccesses'), ...str(3, '{Count}'), ...len(11, point)]);
  const scope = len(2, metric);
  return len(1, [...resource, ...scope]);
}

describe('sniffOtlpMetrics', () => {
  it('recognises a CloudWatch metric-stream OTLP request', () => {
    // Prepare
    const data = record(metricStreamRequest());
    // Act
    const result = sniffOtlpMetrics(data);
    // Assess
    expect(result).toEqual({ protobuf: true });
  });

  it('accepts an empty message after the varint (one byte is enough)', () => {
    expect(sniffOtlpMetrics(Uint8Array.of(0x7b)).protobuf).toBe(true);
  });

  it('rejects bytes without any varint end', () => {
    expect(sniffOtlpMetrics(Uint8Array.of(0x80, 0x81)).protobuf).toBe(false);
    expect(sniffOtlpMetrics(new Uint8Array()).protobuf).toBe(false);
  });

  it('rejects field 1 with the 64-bit wire type (a tab after the first byte)', () => {
    expect(sniffOtlpMetrics(Buffer.from('{\t"_timestamp":1}\n'))).toEqual({ protobuf: false, reason: 'invalid wire type: 1 (expected 2)' });
  });

  it('skips well-formed unknown fields of every wire type', () => {
    const unknown = [...key(9, 0), 0x96, 0x01, ...fixed64(10), ...key(11, 5), 1, 2, 3, 4, ...str(12, 'x')];
    expect(sniffOtlpMetrics(record([...unknown, ...metricStreamRequest()])).protobuf).toBe(true);
  });

  it('skips a group whose end tag matches and rejects a mismatched or lone end group', () => {
    expect(sniffOtlpMetrics(record([...key(9, 3), ...key(2, 0), 5, ...key(9, 4)])).protobuf).toBe(true);
    expect(sniffOtlpMetrics(record([...key(9, 3), ...key(8, 4)])).protobuf).toBe(false);
    expect(sniffOtlpMetrics(record(key(9, 4))).protobuf).toBe(false);
  });

  it.each([
    ['a string field that is not UTF-8', record(len(1, len(2, len(2, [...key(1, 2), 2, 0xff, 0xfe])))) ],
    ['a length running past the end', record([...key(1, 2), 50, 1, 2])],
    ['wire type 6', record(key(9, 6))],
    ['field number 0', record(key(0, 0))],
    ['a varint longer than ten bytes', record([...key(9, 0), ...Array(10).fill(0xff), 0x01])],
    ['a truncated fixed64', record([...key(9, 1), 1, 2, 3])],
    ['a packed fixed64 whose length is not a multiple of 8', record(len(1, len(2, len(2, len(9, len(1, len(6, [1, 2, 3])))))))],
  ])('rejects %s', (_name, data) => {
    expect(sniffOtlpMetrics(data).protobuf).toBe(false);
  });

  it('stops at prost\'s recursion limit of 100 nested messages', () => {
    // KeyValue → AnyValue → ArrayValue → AnyValue … nests without end; build from the inside out.
    const nest = (levels: number): number[] => {
      let anyValue: number[] = str(1, 'leaf');
      for (let i = 0; i < levels; i += 1) anyValue = len(5, len(1, anyValue));
      const kv = [...str(1, 'k'), ...len(2, anyValue)];
      return len(1, len(1, len(1, kv)));
    };
    expect(sniffOtlpMetrics(record(nest(40))).protobuf).toBe(true);
    expect(sniffOtlpMetrics(record(nest(60))).protobuf).toBe(false);
  });
});
