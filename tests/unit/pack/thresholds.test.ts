import { parseThresholds, resolveThresholds } from '../../../functions/shared/pack/thresholds';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';

const defaults = {
  cognito_password_spraying: { min_users: 10, period_minutes: 15, frequency_minutes: 5, silence_minutes: 60 },
  cognito_signin_success_rate_drop: { min_attempts: 50, min_success_percent: 80, period_minutes: 15, frequency_minutes: 5, silence_minutes: 60 },
};

describe('resolveThresholds', () => {
  test('keeps the defaults when there is no thresholds file', () => {
    expect(resolveThresholds(defaults, undefined)).toEqual({ ok: true, thresholds: defaults });
  });

  test('overrides only the keys the file gives', () => {
    const result = resolveThresholds(defaults, { cognito_password_spraying: { min_users: 25 } });

    expect(result).toEqual({
      ok: true,
      thresholds: { ...defaults, cognito_password_spraying: { ...defaults.cognito_password_spraying, min_users: 25 } },
    });
  });

  test('refuses an unknown alert and an unknown key, naming what is accepted', () => {
    const result = resolveThresholds(defaults, { cognito_password_spray: {}, cognito_password_spraying: { min_user: 3 } });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toContain('cognito_password_spraying');
    expect(result.problems[1]).toContain('min_users');
  });

  test.each([
    ['a string', '10'],
    ['a fraction', 2.5],
    ['zero', 0],
    ['a negative number', -1],
    ['more than a million', 1_000_001],
  ])('refuses %s as a count', (_name, value) => {
    expect(resolveThresholds(defaults, { cognito_password_spraying: { min_users: value } }).ok).toBe(false);
  });

  test('refuses a percentage over 100 and a period over a day', () => {
    const result = resolveThresholds(defaults, { cognito_signin_success_rate_drop: { min_success_percent: 101, period_minutes: 1441 } });

    expect(result).toMatchObject({ ok: false, problems: [expect.stringContaining('min_success_percent'), expect.stringContaining('period_minutes')] });
  });

  test("the pack's own defaults pass their ranges, and its newer keys are ranged like the older ones", () => {
    // Act
    const shipped = resolveThresholds(PACK_CONTENT.thresholds, PACK_CONTENT.thresholds);
    const wrong = resolveThresholds(PACK_CONTENT.thresholds, {
      cognito_password_spraying: { max_success_percent: 101 },
      cognito_credential_stuffing: { min_source_ips: 0 },
      cognito_user_enumeration: { min_probes: 2.5 },
    });

    // Assess
    expect(shipped).toEqual({ ok: true, thresholds: PACK_CONTENT.thresholds });
    expect(wrong).toMatchObject({ ok: false, problems: [expect.stringContaining('from 1 to 100'), expect.stringContaining('from 1 to 1000000'), expect.stringContaining('from 1 to 1000000')] });
  });

  test('accepts a silence of zero minutes', () => {
    expect(resolveThresholds(defaults, { cognito_password_spraying: { silence_minutes: 0 } }).ok).toBe(true);
  });

  test('refuses a frequency longer than the period, which would leave unwatched gaps', () => {
    const result = resolveThresholds(defaults, { cognito_password_spraying: { frequency_minutes: 30 } });

    expect(result).toMatchObject({ ok: false, problems: [expect.stringContaining('frequency_minutes')] });
  });

  test('a look-back alert takes up to 30 days of history, and reports a recent window that runs cover and the history exceeds', () => {
    // Prepare
    const lookback = { cognito_new_country_sign_in: { lookback_minutes: 10_080, recent_minutes: 30, frequency_minutes: 10, silence_minutes: 30 } };

    // Act
    const month = resolveThresholds(lookback, { cognito_new_country_sign_in: { lookback_minutes: 43_200 } });
    const tooLong = resolveThresholds(lookback, { cognito_new_country_sign_in: { lookback_minutes: 43_201, recent_minutes: 0 } });
    const gaps = resolveThresholds(lookback, { cognito_new_country_sign_in: { frequency_minutes: 45 } });
    const nothingBefore = resolveThresholds(lookback, { cognito_new_country_sign_in: { lookback_minutes: 60, recent_minutes: 60 } });

    // Assess
    expect(month.ok).toBe(true);
    expect(tooLong).toMatchObject({ ok: false, problems: [expect.stringContaining('from 60 to 43200'), expect.stringContaining('recent_minutes')] });
    expect(gaps).toMatchObject({ ok: false, problems: [expect.stringMatching(/every 45 minutes over 30 minutes.*recent_minutes$/)] });
    expect(nothingBefore).toMatchObject({ ok: false, problems: [expect.stringContaining('keep recent_minutes below lookback_minutes')] });
  });

  test.each([
    ['an array', []],
    ['a number', 3],
    ['null', null],
  ])('refuses %s as the whole file', (_name, value) => {
    expect(resolveThresholds(defaults, value).ok).toBe(false);
  });

  test('refuses an alert entry that is not an object, and __proto__ as an alert name', () => {
    const result = resolveThresholds(defaults, JSON.parse('{"cognito_password_spraying": 5, "__proto__": {"min_users": 1}}'));

    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.problems).toHaveLength(2);
  });
});

describe('parseThresholds', () => {
  test('parses JSON text and merges it into the defaults', () => {
    const result = parseThresholds(defaults, '{"cognito_password_spraying": {"min_users": 25}}');

    expect(result).toEqual({ ok: true, thresholds: { ...defaults, cognito_password_spraying: { ...defaults.cognito_password_spraying, min_users: 25 } } });
  });

  test.each([
    ['text that is not JSON', '{ nope', 'JSON'],
    ['empty text', '', 'JSON'],
    ['an unknown key', '{"cognito_password_spraying": {"min_user": 3}}', 'min_users'],
    ['an out-of-range value', '{"cognito_password_spraying": {"period_minutes": 1441}}', '1440'],
  ])('refuses %s with the problem, leaving the flag or parameter name to the caller', (_name, text, named) => {
    expect(parseThresholds(defaults, text)).toEqual({ ok: false, problems: [expect.stringContaining(named)] });
  });
});
