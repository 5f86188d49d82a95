import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { ConfigError } from '../../../functions/transform/errors';

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    parseTransformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseTransformConfig', () => {
  test('takes every default from an empty environment', () => {
    // Act
    const config = parseTransformConfig({});

    // Assess
    expect(config).toMatchObject({
      payloadMode: 'json',
      usernameMode: 'keep',
      sourceIpMode: 'keep',
      lateEventPolicy: 'restamp',
      lateEventSeconds: 16200,
      logLevel: 'INFO',
    });
    expect(config.excludeEventNames.patterns).toEqual([]);
    expect(config).toMatchObject({ ...DEFAULT_TRANSFORM_CONFIG, excludeEventNames: expect.anything() });
  });

  test('treats blank variables as unset (CloudFormation passes empty strings)', () => {
    const config = parseTransformConfig({ PAYLOAD_MODE: '', LATE_EVENT_SECONDS: '  ', LOG_LEVEL: '' });

    expect(config.payloadMode).toBe('json');
    expect(config.lateEventSeconds).toBe(16200);
    expect(config.logLevel).toBe('INFO');
  });

  test('reads every variable, matching values without regard to case', () => {
    const config = parseTransformConfig({
      PAYLOAD_MODE: 'Nested',
      USERNAME_MODE: 'HASH',
      SOURCE_IP_MODE: 'truncate',
      EXCLUDE_EVENT_NAMES: 'ListUsers, Admin*',
      LATE_EVENT_POLICY: 'keep',
      LATE_EVENT_SECONDS: '3600',
      LOG_LEVEL: 'debug',
    });

    expect(config).toMatchObject({
      payloadMode: 'nested',
      usernameMode: 'hash',
      sourceIpMode: 'truncate',
      lateEventPolicy: 'keep',
      lateEventSeconds: 3600,
      logLevel: 'DEBUG',
    });
    expect(config.excludeEventNames.patterns).toEqual(['ListUsers', 'Admin*']);
    expect(config.excludeEventNames.matches('AdminGetUser')).toBe(true);
  });

  test('names the variable and the accepted values in each problem', () => {
    const problems = problemsOf({ LATE_EVENT_POLICY: 'drop' });

    expect(problems).toEqual(["LATE_EVENT_POLICY is 'drop'; use 'restamp' or 'keep'."]);
  });

  test('reports every invalid variable at once', () => {
    // Act
    const problems = problemsOf({
      PAYLOAD_MODE: 'xml',
      USERNAME_MODE: 'mask',
      SOURCE_IP_MODE: 'anonymise',
      LATE_EVENT_POLICY: 'drop',
      LATE_EVENT_SECONDS: '-5',
      LOG_LEVEL: 'TRACE',
    });

    // Assess
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe("PAYLOAD_MODE is 'xml'; use 'json', 'drop' or 'nested'.");
    expect(problems[1]).toBe("USERNAME_MODE is 'mask'; use 'keep', 'hash' or 'drop'.");
    expect(problems[2]).toBe("SOURCE_IP_MODE is 'anonymise'; use 'keep' or 'truncate'.");
    expect(problems[4]).toMatch(/^LATE_EVENT_SECONDS is '-5'; use a whole number of seconds/);
    expect(problems[5]).toBe("LOG_LEVEL is 'TRACE'; use 'INFO', 'DEBUG', 'WARN' or 'ERROR'.");
  });

  test.each(['0', '-1', '1.5', 'abc', '1e3', '99999999999999'])('rejects LATE_EVENT_SECONDS=%s', (value) => {
    expect(() => parseTransformConfig({ LATE_EVENT_SECONDS: value })).toThrow(ConfigError);
  });

  test.each([
    ['1', 1],
    ['16200', 16200],
    ['31536000', 31536000],
  ])('accepts LATE_EVENT_SECONDS=%s', (value, expected) => {
    expect(parseTransformConfig({ LATE_EVENT_SECONDS: value }).lateEventSeconds).toBe(expected);
  });

  test('throws a ConfigError whose name is set and whose message holds every problem', () => {
    expect.assertions(3);
    try {
      parseTransformConfig({ PAYLOAD_MODE: 'xml', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).name).toBe('ConfigError');
      expect((error as ConfigError).message).toMatch(/PAYLOAD_MODE.*LOG_LEVEL/);
    }
  });

  test('returns a frozen config', () => {
    expect(Object.isFrozen(parseTransformConfig({}))).toBe(true);
    expect(Object.isFrozen(DEFAULT_TRANSFORM_CONFIG)).toBe(true);
  });
});
