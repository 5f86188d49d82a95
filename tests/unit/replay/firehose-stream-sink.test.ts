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

  test('says each retry on one line', async () => {
    const { client } = fakeClient((call) => (call <= 2 ? { error: awsError('ThrottlingException') } : {}));
    const notes: string[] = [];
    const sink = firehoseStreamSink({ client, stream: 's', sleep: noSleep, random: () => 0.5, notify: (note) => notes.push(note) }, recordingReport().report);
    await sink.write(rec('a'));
    await sink.flush();
    expect(notes).toEqual([
      'Firehose did not take the batch (ThrottlingException); retrying 1 record in 1 s (attempt 2 of 8).',
      'Firehose did not take the batch (ThrottlingException); retrying 1 record in 2 s (attempt 3 of 8).',
    ]);
  });

  test('a stream that takes nothing stops the run after 10 calls in a row, not 8 per batch for ever', async () => {
    // Prepare: every entry of every call fails; 1,500 records make three batches
    const { client, calls } = fakeClient(() => ({ failed: () => 'ServiceUnavailableException' }));
    const { report, failed } = recordingReport();
    const sink = firehoseStreamSink({ client, stream: 's', sleep: noSleep }, report);
    // Act
    let stopped: unknown;
    try {
      for (let i = 0; i < 1500; i++) await sink.write(rec(`r${i}`));
      await sink.flush();
    } catch (error) {
      stopped = error;
    }
    // Assess
    expect(stopped).toBeInstanceOf(ReplayFatalError);
    expect((stopped as Error).message).toMatch(/^Firehose stream s took nothing for 10 requests in a row .*\(last: Firehose failed every record of the batch \(ServiceUnavailableException\)\)/);
    expect(calls).toHaveLength(10);
    expect(failed.filter((f) => f.reason.startsWith('Firehose stream s took nothing'))).toHaveLength(500);
  });

  test('a call that delivers some records starts the count again', async () => {
    const { client, calls } = fakeClient((call) => ({ failed: (record) => (call % 8 !== 0 || record !== 'a' ? 'ServiceUnavailableException' : undefined) }));
    const sink = firehoseStreamSink({ client, stream: 's', sleep: noSleep, maxAttempts: 100 }, recordingReport().report);
    for (const text of ['a', 'b']) await sink.write(rec(text));
    await expect(sink.flush()).rejects.toThrow(/took nothing for 10 requests/);
    expect(calls).toHaveLength(8 + 10);
  });
});
