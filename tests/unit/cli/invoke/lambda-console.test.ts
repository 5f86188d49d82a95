import { Writable } from 'node:stream';
import { createLambdaConsole, redirectStdout } from '../../../../cli/invoke/lambda-console';

const NOW = new Date('2026-11-26T08:00:00.000Z');

function consoleWith(logFormat: string | undefined, logLevel?: string) {
  const lines: string[] = [];
  const lambdaConsole = createLambdaConsole({
    write: (line) => lines.push(line), requestId: () => 'req-1', logFormat, logLevel, now: () => NOW,
  });
  return { lambdaConsole, lines };
}

describe('createLambdaConsole', () => {
  test('writes tab-separated text lines with time, request id and level', () => {
    const { lambdaConsole, lines } = consoleWith(undefined);

    lambdaConsole.log('count %d', 3);
    lambdaConsole.warn('careful');

    expect(lines).toEqual([
      '2026-11-26T08:00:00.000Z\treq-1\tINFO\tcount 3\n',
      '2026-11-26T08:00:00.000Z\treq-1\tWARN\tcareful\n',
    ]);
  });

  test('writes one JSON object per line for the JSON format, keeping a single object argument whole', () => {
    const { lambdaConsole, lines } = consoleWith('JSON');

    lambdaConsole.info({ records: 2 });
    lambdaConsole.error('failed', new TypeError('bad'));

    expect(JSON.parse(lines[0]!)).toEqual({ timestamp: NOW.toISOString(), level: 'INFO', requestId: 'req-1', message: { records: 2 } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'ERROR', errorType: 'TypeError', errorMessage: 'bad' });
  });

  test('drops lines below AWS_LAMBDA_LOG_LEVEL', () => {
    const { lambdaConsole, lines } = consoleWith('JSON', 'WARN');

    lambdaConsole.debug('no');
    lambdaConsole.info('no');
    lambdaConsole.warn('yes');
    lambdaConsole.fatal('yes');

    expect(lines.map((line) => JSON.parse(line).level)).toEqual(['WARN', 'FATAL']);
  });

  test("keeps the console's other methods, writing to the same place", () => {
    const { lambdaConsole, lines } = consoleWith(undefined);

    lambdaConsole.dir({ a: 1 });

    expect(lines.join('')).toContain('a: 1');
  });
});

describe('redirectStdout', () => {
  test('sends process.stdout writes to the target until restored', () => {
    const captured: string[] = [];
    const target = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        captured.push(chunk.toString());
        callback();
      },
    });
    const original = process.stdout.write;

    const restore = redirectStdout(target);
    process.stdout.write('to the target\n');
    restore();

    expect(captured).toEqual(['to the target\n']);
    expect(process.stdout.write).toBe(original);
  });
});
