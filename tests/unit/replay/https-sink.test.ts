import { classifyAnswer } from '../../../cli/replay/sinks/https-sink';

describe('classifyAnswer', () => {
  test.each([
    [{ kind: 'ok', requestId: 'r' } as const, 'ok'],
    [{ kind: 'timeout' } as const, 'retry'],
    [{ kind: 'network-error', code: 'ECONNRESET', reason: 'x' } as const, 'retry'],
    [{ kind: 'bad-response', status: 200, reason: 'the answer does not echo the requestId' } as const, 'retry'],
    [{ kind: 'http-error', status: 429, body: '' } as const, 'retry'],
    [{ kind: 'http-error', status: 500, body: '' } as const, 'retry'],
    [{ kind: 'http-error', status: 503, body: '' } as const, 'retry'],
    [{ kind: 'http-error', status: 400, body: '' } as const, 'reject'],
    [{ kind: 'http-error', status: 401, body: 'Unauthorized Access' } as const, 'fatal'],
    [{ kind: 'http-error', status: 413, body: '' } as const, 'fatal'],
    [{ kind: 'http-error', status: 404, body: '' } as const, 'fatal'],
  ])('%j → %s', (answer, kind) => {
    expect(classifyAnswer(answer).kind).toBe(kind);
  });

  test('never passes the answer body on (it may quote records)', () => {
    const verdict = classifyAnswer({ kind: 'http-error', status: 400, body: '{"errorMessage":"line {\\"password\\":\\"x\\"}"}' });
    expect(JSON.stringify(verdict)).not.toContain('password');
  });
});
