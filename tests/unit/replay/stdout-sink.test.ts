import { Writable } from 'node:stream';
import { ReplayFatalError } from '../../../cli/replay/errors';
import { stdoutSink } from '../../../cli/replay/sinks/stdout-sink';
import type { DeliveryReport } from '../../../cli/replay/sinks/types';

const ticket = { object: 'o', location: 'o#1' };

function counting(): DeliveryReport & { delivered_: number } {
  const report = { delivered_: 0, delivered: () => void report.delivered_++, failed: () => undefined };
  return report;
}

describe('stdoutSink', () => {
  test('writes each record as it comes and waits when the stream asks it to', async () => {
    const chunks: string[] = [];
    const out = new Writable({ highWaterMark: 4, write: (chunk, _enc, done) => (chunks.push(String(chunk)), setImmediate(done)) });
    const report = counting();
    const sink = stdoutSink(out, report);
    await sink.write({ data: Buffer.from('{"a":1}\n'), ticket });
    await sink.write({ data: Buffer.from('{"a":2}\n'), ticket });
    await sink.flush();
    expect(chunks.join('')).toBe('{"a":1}\n{"a":2}\n');
    expect(report.delivered_).toBe(2);
  });

  test('a closed pipe (| head) stops the run instead of crashing', async () => {
    const out = new Writable({ write: (_chunk, _enc, done) => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) });
    const sink = stdoutSink(out, counting());
    await sink.write({ data: Buffer.from('x\n'), ticket }).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(sink.write({ data: Buffer.from('y\n'), ticket })).rejects.toThrow(ReplayFatalError);
    await sink.close();
  });
});
