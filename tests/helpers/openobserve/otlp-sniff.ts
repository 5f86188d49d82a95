/**
 * OpenObserve's protobuf sniff on a Firehose record (`deserialize_aws_record_from_vec`,
 * `src/core/src/logs/ingest.rs`): skip one leading varint, then try to
 * decode the rest as an OTLP `ExportMetricsServiceRequest` with prost. If that decode succeeds, the record
 * is taken for CloudWatch metric-stream protobuf and its JSON is lost without a trace.
 *
 * This is a small protobuf wire-format reader that accepts exactly what prost accepts for that message:
 * known fields must carry their declared wire type, strings must be UTF-8, unknown fields are skipped when
 * well-formed (groups included), nesting stops at prost's recursion limit (100).
 * https://protobuf.dev/programming-guides/encoding/
 */

import { MESSAGES, type FieldKind, type MessageName } from './otlp-metrics-schema';

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_START_GROUP = 3;
const WIRE_END_GROUP = 4;
const WIRE_FIXED32 = 5;
/** prost's `RECURSION_LIMIT` for nested messages and groups. */
const PROST_RECURSION_LIMIT = 100;
/** A varint is at most 10 bytes; the 10th may only hold the top bit of a u64. */
const MAX_VARINT_BYTES = 10;

export type OtlpSniff = { protobuf: true } | { protobuf: false; reason: string };

class WireError extends Error {
  override name = 'WireError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Whether OpenObserve would take these record bytes (after base64 and gunzip) for OTLP metrics protobuf.
 * A record whose second byte is a tab never is: the tab reads as field 1 with the 64-bit wire type, but
 * field 1 (`resource_metrics`) is length-delimited.
 */
export function sniffOtlpMetrics(data: Uint8Array): OtlpSniff {
  const header = data.findIndex((b) => (b & 0x80) === 0);
  if (header < 0) return { protobuf: false, reason: 'no leading varint' };
  try {
    new WireReader(data).message(header + 1, data.length, 'ExportMetricsServiceRequest', 0);
    return { protobuf: true };
  } catch (error) {
    if (error instanceof WireError) return { protobuf: false, reason: error.message };
    throw error;
  }
}

class WireReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  message(start: number, end: number, name: MessageName, depth: number): void {
    this.pos = start;
    const fields = MESSAGES[name];
    while (this.pos < end) {
      const { tag, wire } = this.key(end);
      const kind = fields[tag];
      if (kind === undefined) this.skip(wire, tag, end, depth);
      else this.field(kind, wire, end, depth);
    }
    if (this.pos !== end) throw new WireError('delimited length exceeded');
  }

  private key(end: number): { tag: number; wire: number } {
    const key = this.varint(end);
    if (key > 0xffffffffn) throw new WireError(`invalid key value: ${key}`);
    const wire = Number(key & 7n);
    if (wire > WIRE_FIXED32) throw new WireError(`invalid wire type value: ${wire}`);
    const tag = Number(key >> 3n);
    if (tag === 0) throw new WireError('invalid tag value: 0');
    return { tag, wire };
  }

  private field(kind: FieldKind, wire: number, end: number, depth: number): void {
    if (typeof kind === 'object') {
      this.expect(wire, WIRE_LEN);
      if (depth >= PROST_RECURSION_LIMIT) throw new WireError('recursion limit reached');
      const stop = this.lengthPrefixed(end);
      this.message(this.pos, stop, kind.message, depth + 1);
      return;
    }
    switch (kind) {
      case 'varint':
        this.expect(wire, WIRE_VARINT);
        this.varint(end);
        return;
      case 'fixed64':
        this.expect(wire, WIRE_FIXED64);
        this.advance(8, end);
        return;
      case 'string': {
        this.expect(wire, WIRE_LEN);
        const stop = this.lengthPrefixed(end);
        try {
          utf8.decode(this.buf.subarray(this.pos, stop));
        } catch {
          throw new WireError('invalid string value: data is not UTF-8 encoded');
        }
        this.pos = stop;
        return;
      }
      case 'bytes':
        this.expect(wire, WIRE_LEN);
        this.pos = this.lengthPrefixed(end);
        return;
      case 'repeated-fixed64':
        if (wire === WIRE_LEN) {
          const stop = this.lengthPrefixed(end);
          if ((stop - this.pos) % 8 !== 0) throw new WireError('buffer underflow');
          this.pos = stop;
        } else {
          this.expect(wire, WIRE_FIXED64);
          this.advance(8, end);
        }
        return;
      case 'repeated-varint':
        if (wire === WIRE_LEN) {
          const stop = this.lengthPrefixed(end);
          while (this.pos < stop) this.varint(stop);
        } else {
          this.expect(wire, WIRE_VARINT);
          this.varint(end);
        }
        return;
    }
  }

  private skip(wire: number, tag: number, end: number, depth: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint(end);
        return;
      case WIRE_FIXED64:
        this.advance(8, end);
        return;
      case WIRE_FIXED32:
        this.advance(4, end);
        return;
      case WIRE_LEN:
        this.pos = this.lengthPrefixed(end);
        return;
      case WIRE_START_GROUP:
        if (depth >= PROST_RECURSION_LIMIT) throw new WireError('recursion limit reached');
        for (;;) {
          const inner = this.key(end);
          if (inner.wire === WIRE_END_GROUP) {
            if (inner.tag !== tag) throw new WireError('unexpected end group tag');
            return;
          }
          this.skip(inner.wire, inner.tag, end, depth + 1);
        }
      default:
        throw new WireError('unexpected end group tag');
    }
  }

  private expect(actual: number, expected: number): void {
    if (actual !== expected) throw new WireError(`invalid wire type: ${actual} (expected ${expected})`);
  }

  private lengthPrefixed(end: number): number {
    const length = this.varint(end);
    if (length > BigInt(end - this.pos)) throw new WireError('buffer underflow');
    return this.pos + Number(length);
  }

  private advance(count: number, end: number): void {
    if (end - this.pos < count) throw new WireError('buffer underflow');
    this.pos += count;
  }

  private varint(end: number): bigint {
    let value = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i += 1) {
      if (this.pos >= end) throw new WireError('invalid varint');
      const byte = this.buf[this.pos] ?? 0;
      this.pos += 1;
      if (i === MAX_VARINT_BYTES - 1 && byte > 1) throw new WireError('invalid varint');
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return value;
    }
    throw new WireError('invalid varint');
  }
}
