import { Writable } from 'node:stream';
import { OutputClosedError, ReplayFatalError } from '../../../cli/replay/errors';
import { stdoutSink } from '../../../cli/replay/sinks/stdout-sink';
import type { DeliveryReport } from '../../../cli/replay/sinks/types';

const ticket = { object: 'o', location: 'o:1' };

function counting(): DeliveryReport & { delivered_: number } {
  const report = { delivered_: 0, delivered: () => void report.delivered_++, failed: () => undefined };
  return report;
}

/** A stream whose every write fails with `code`, as a pipe whose reader went away (EPIPE) or a full disk (ENOSPC). */
const failing = (code: string) => new Writable({ write: (_chunk, _enc, done) => done(Object.assign(new Error(`write ${code}`), { code })) });

describe('stdoutSink', () => {
  test('writes each record as it comes and waits when the stream asks it to', async () => {
    const chunks: string[] = [];
    const out = new Writable({ highWaterMark: 4, write: (chunk, _enc, done) => {
      chunks.push(String(chunk));
      setImmediate(done);
    } });
    const report = counting();
    const sink = stdoutSink(out, report);
    await sink.write({ data: Buffer.from('{"a":1}\n'), ticket });
    await sink.write({ data: Buffer.from('{"a":2}\n'), ticket });
    await sink.flush();
    expect(chunks.join('')).toBe('{"a":1}\n{"a":2}\n');
    expect(report.delivered_).toBe(2);
  });

  test('a slow reader: every wait for drain leaves no listener behind, so Node never warns of a leak', async () => {
    // Prepare
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    const out = new Writable({ highWaterMark: 1, write: (_chunk, _enc, done) => setImmediate(done) });
    const sink = stdoutSink(out, counting());
    // Act
    for (let i = 0; i < 50; i++) await sink.write({ data: Buffer.from(`{"n":${i}}\n`), ticket });
    await sink.flush();
    await new Promise((resolve) => setImmediate(resolve));
    process.removeListener('warning', onWarning);
    // Assess
    expect([out.listenerCount('error'), out.listenerCount('drain'), out.listenerCount('close')]).toEqual([1, 0, 0]);
    expect(warnings).toEqual([]);
    await sink.close();
  });

  test('a reader that went away (| head, EPIPE) ends the run quietly', async () => {
    const out = failing('EPIPE');
    const sink = stdoutSink(out, counting());
    await sink.write({ data: Buffer.from('x\n'), ticket }).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(sink.write({ data: Buffer.from('y\n'), ticket })).rejects.toThrow(OutputClosedError);
    await sink.close();
  });

  test('any other write error (a full disk) stops the run as a failure, naming its code', async () => {
    const out = failing('ENOSPC');
    const sink = stdoutSink(out, counting());
    await sink.write({ data: Buffer.from('x\n'), ticket }).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const error = await sink.write({ data: Buffer.from('y\n'), ticket }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplayFatalError);
    expect(error).not.toBeInstanceOf(OutputClosedError);
    expect((error as Error).message).toBe('stdout could not be written (ENOSPC); check where it goes (a full disk?), then resume.');
    await sink.close();
  });
});
