import { createLogger, errorFields, logLevelOf } from '../../../functions/shared/logger';

function capture(level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR') {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line), clock: () => Date.UTC(2025, 5, 17, 14, 0, 0, 123) });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  test('writes one JSON object per line with level, message and an ISO timestamp first', () => {
    const { logger, lines, parsed } = capture('INFO');

    logger.info('Batch transformed', { records_in: 3 });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(Object.keys(parsed()[0] ?? {})).toEqual(['level', 'message', 'timestamp', 'records_in']);
    expect(parsed()[0]).toEqual({ level: 'INFO', message: 'Batch transformed', timestamp: '2025-06-17T14:00:00.123Z', records_in: 3 });
  });

  test('writes only lines at or above its level', () => {
    const { logger, parsed } = capture('WARN');

    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');

    expect(parsed().map((line) => line.level)).toEqual(['WARN', 'ERROR']);
    expect(logger.isEnabled('INFO')).toBe(false);
    expect(logger.isEnabled('ERROR')).toBe(true);
  });

  test('DEBUG writes everything', () => {
    const { logger, parsed } = capture('DEBUG');

    logger.debug('d');

    expect(parsed()[0]?.level).toBe('DEBUG');
  });

  test('a child adds its keys (e.g. function_request_id) to every line, and leaves out undefined values', () => {
    const { logger, parsed } = capture('INFO');

    logger.child({ function_request_id: 'req-1', absent: undefined }).info('hello', { record_id: 'r1' });
    logger.info('parent');

    expect(parsed()[0]).toEqual({ level: 'INFO', message: 'hello', timestamp: expect.any(String), function_request_id: 'req-1', record_id: 'r1' });
    expect(parsed()[1]).not.toHaveProperty('function_request_id');
  });

  test('uses snake_case keys only', () => {
    const { logger, parsed } = capture('INFO');

    logger.child({ function_request_id: 'x' }).warn('m', { record_id: 'r', reason: 'x' });

    for (const key of Object.keys(parsed()[0] ?? {})) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  test('writes to stdout by default', () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);

    createLogger({ level: 'INFO' }).info('to stdout');
    const calls = spy.mock.calls.map(([chunk]) => String(chunk));
    spy.mockRestore();

    expect(calls).toEqual([expect.stringMatching(/^\{"level":"INFO","message":"to stdout".*\}\n$/)]);
  });
});

describe('errorFields', () => {
  test('gives the class and the message, never the cause', () => {
    const secret = 'do-not-log-me';
    const error = new TypeError('bad thing', { cause: new Error(secret) });

    const fields = errorFields(error);

    expect(fields).toEqual({ error_name: 'TypeError', error_message: 'bad thing' });
    expect(JSON.stringify(fields)).not.toContain(secret);
  });

  test('describes values that are not errors', () => {
    expect(errorFields('boom')).toEqual({ error_name: 'string', error_message: 'boom' });
  });
});

describe('logLevelOf', () => {
  test('reads a level in any case', () => {
    expect(logLevelOf('debug')).toBe('DEBUG');
    expect(logLevelOf('Warn')).toBe('WARN');
  });

  test('falls back to INFO when LOG_LEVEL is unset or unknown', () => {
    expect(logLevelOf(undefined)).toBe('INFO');
    expect(logLevelOf('verbose')).toBe('INFO');
  });
});
