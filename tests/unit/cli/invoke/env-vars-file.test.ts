import { lambdaVariableText, overridesFor, parseEnvVarsFile } from '../../../../cli/invoke/env-vars-file';

function fileOf(data: unknown) {
  const parsed = parseEnvVarsFile(JSON.stringify(data));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.file;
}

describe('parseEnvVarsFile', () => {
  test('reads the Parameters section and per-function sections', () => {
    const file = fileOf({ Parameters: { A: '1' }, TransformFunction: { B: '2' } });

    expect(file.get('Parameters')?.get('A')).toBe('1');
    expect(file.get('TransformFunction')?.get('B')).toBe('2');
  });

  test('rejects text that is not JSON, a JSON list, or a section that is not an object', () => {
    expect(parseEnvVarsFile('{ nope')).toEqual({ ok: false, reason: 'is not JSON' });
    expect(parseEnvVarsFile('[]').ok).toBe(false);
    expect(parseEnvVarsFile('{"TransformFunction": "x"}')).toEqual({
      ok: false,
      reason: expect.stringContaining("section 'TransformFunction'"),
    });
  });

  test('never quotes a value in its reason', () => {
    const parsed = parseEnvVarsFile('{"Parameters": "SECRET-4f1d-do-not-print"}');

    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain('SECRET-4f1d');
  });
});

describe('overridesFor', () => {
  test('applies Parameters to every function and lets the function section win', () => {
    const file = fileOf({ Parameters: { A: 'all', B: 'all' }, TransformFunction: { B: 'mine' }, Other: { A: 'theirs' } });

    expect(Object.fromEntries(overridesFor(file, ['TransformFunction']))).toEqual({ A: 'all', B: 'mine' });
    expect(Object.fromEntries(overridesFor(file, ['Nobody']))).toEqual({ A: 'all', B: 'all' });
  });

  test('uses the first section among the names it is given', () => {
    const file = fileOf({ 'my-fn': { A: 'by name' }, Fn: { A: 'by id' } });

    expect(overridesFor(file, ['Fn', 'my-fn']).get('A')).toBe('by id');
    expect(overridesFor(file, ['Missing', 'my-fn']).get('A')).toBe('by name');
  });
});

describe('lambdaVariableText', () => {
  test("stringifies like SAM CLI: booleans lower-case, numbers as text, null and structures as ''", () => {
    expect(lambdaVariableText(true)).toBe('true');
    expect(lambdaVariableText(false)).toBe('false');
    expect(lambdaVariableText(42)).toBe('42');
    expect(lambdaVariableText('x')).toBe('x');
    expect(lambdaVariableText(null)).toBe('');
    expect(lambdaVariableText({ Ref: 'X' })).toBe('');
    expect(lambdaVariableText(['a'])).toBe('');
  });
});
