import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { ReplayFatalError } from '../../../cli/replay/errors';
import { firehoseStreamSink } from '../../../cli/replay/sinks/firehose-stream-sink';
import type { DeliveryReport, DeliveryTicket } from '../../../cli/replay/sinks/types';

interface Call {
  readonly records: string[];
}

/** A Firehose client whose answers come from `answer(call number, records)`. */
function fakeClient(answer: (call: number, records: string[]) => { failed?: (record: string) => string | undefined; error?: Error }) {
  const calls: Call[] = [];
  return {
    calls,
    client: {
      send: async (command: unknown) => {
        if (!(command instanceof PutRecordBatchCommand)) throw new Error('unexpected command');
        const records = (command.input.Records ?? []).map((record) => Buffer.from(record.Data ?? new Uint8Array()).toString('utf8'));
        calls.push({ records });
        const { failed, error } = answer(calls.length, records);
        if (error) throw error;
        const responses = records.map((record) => {
          const code = failed?.(record);
          return code ? { ErrorCode: code, ErrorMessage: 'x' } : { RecordId: `id-${record}` };
        });
        return { FailedPutCount: responses.filter((r) => 'ErrorCode' in r).length, RequestResponses: responses };
      },
    } as never,
  };
}

function recordingReport() {
  const delivered: string[] = [];
  const failed: { location: string; reason: string }[] = [];
  const report: DeliveryReport = {
    delivered: (tickets: readonly DeliveryTicket[]) => delivered.push(...tickets.map((t) => t.location)),
    failed: (tickets, reason) => failed.push(...tickets.map((t) => ({ location: t.location, reason }))),
  };
  return { report, delivered, failed };
}

const rec = (text: string) => ({ data: Buffer.from(text), ticket: { object: 'o', location: text } });
const noSleep = async () => undefined;
const awsError = (name: string) => Object.assign(new Error(name), { name });

describe('firehoseStreamSink', () => {
  test('puts up to 500 records per call, in order', async () => {
    const { client, calls } = fakeClient(() => ({}));
    const { report, delivered } = recordingReport();
    const sink = firehoseStreamSink({ client, stream: 's', sleep: noSleep }, report);
    for (let i = 0; i < 1001; i++) await sink.write(rec(`r${i}`));
    await sink.flush();
    expect(calls.map((call) => call.records.length)).toEqual([500, 500, 1]);
    expect(delivered).toEqual(Array.from({ length: 1001 }, (_, i) => `r${i}`));
  });

  test('retries only the entries Firehose failed, after a back-off', async () => {
    const { client, calls } = fakeClient((call) => ({ failed: (record) => (call === 1 && record !== 'a' ? 'ServiceUnavailableException' : undefined) }));
    const { report, delivered } = recordingReport();
    const sleeps: number[] = [];
    const sink = firehoseStreamSink({ client, stream: 's', sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 }, report);
    for (const text of ['a', 'b', 'c']) await sink.write(rec(text));
    await sink.flush();
    expect(calls.map((call) => call.records)).toEqual([['a', 'b', 'c'], ['b', 'c']]);
    expect(delivered).toEqual(['a', 'b', 'c']);
    expect(sleeps).toEqual([1000]);
  });

  test('retries a throttled call as a whole, with growing delays', async () => {
    const { client, calls } = fakeClient((call) => (call <= 2 ? { error: awsError('ThrottlingException') } : {}));
    const { report, delivered } = recordingReport();
    const sleeps: number[] = [];
    const sink = firehoseStreamSink({ client, stream: 's', sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 }, report);
    await sink.write(rec('a'));
    await sink.flush();
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(delivered).toEqual(['a']);
  });

  test('after the last attempt, reports the entries still failing', async () => {
    const { client } = fakeClient(() => ({ failed: () => 'InternalFailure' }));
    const { report, failed } = recordingReport();
    const sink = firehoseStreamSink({ client, stream: 's', sleep: noSleep, maxAttempts: 3 }, report);
    await sink.write(rec('a'));
    await sink.flush();
    expect(failed).toEqual([{ location: 'a', reason: 'Firehose did not take the records (InternalFailure) after 3 attempts' }]);
  });

  test('a missing stream stops the run with what to check', async () => {
    const { client } = fakeClient(() => ({ error: awsError('ResourceNotFoundException') }));
    const { report, failed } = recordingReport();
    const sink = firehoseStreamSink({ client, stream: 'nope', sleep: noSleep }, report);
    await sink.write(rec('a'));
    await expect(sink.flush()).rejects.toThrow(ReplayFatalError);
    expect(failed[0]!.reason).toMatch(/nope.*ResourceNotFoundException.*AWS_REGION/);
  });

  test('refuses an event over 1,000 KiB without sending it', async () => {
    const { client, calls } = fakeClient(() => ({}));
    const { report, failed } = recordingReport();
    const sink = firehoseStreamSink({ client, stream: 's', sleep: noSleep }, report);
    await sink.write({ data: Buffer.alloc(1000 * 1024 + 1, 0x20), ticket: { object: 'o', location: 'big' } });
    await sink.flush();
    expect(calls).toHaveLength(0);
    expect(failed.map((f) => f.location)).toEqual(['big']);
  });
});
