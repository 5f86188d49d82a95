import { createScrubber, encodedForms, MIN_SECRET_CHARS, REDACTED, shorten, urlSecrets } from '../../../functions/shared/secret-scrubber';
import { ECHO_FORMS, ECHO_PAD, echoForm, leakedFragments } from '../../helpers/echoing-server';

/** A password that every encoding changes: '/', '+', a space, '"', '<&>', non-ASCII. */
const SECRET = 'Pw7/Zk+q "<&>" wörd-Q42xY';
const USER = 'admin@example.com';
const BASIC = Buffer.from(`${USER}:${SECRET}`).toString('base64');
const scrubber = createScrubber([SECRET, BASIC]);

describe('createScrubber().scrub', () => {
  test.each(ECHO_FORMS)('hides the %s form of a secret, leaving the text around it', (form) => {
    const text = `before ${echoForm(SECRET, form)} after`;

    const scrubbed = scrubber.scrub(text);

    expect(scrubbed).toMatch(/^before .*\[redacted\].* after$/);
    expect(leakedFragments(scrubbed, [SECRET], MIN_SECRET_CHARS)).toEqual([]);
  });

  test('hides the Basic credential whole, and the base64 of user:secret wherever it sits', () => {
    expect(scrubber.scrub(`Authorization: Basic ${BASIC}`)).toBe(`Authorization: Basic ${REDACTED}`);
    const wrapped = Buffer.from(`{"user":"${USER}","pass":"${SECRET}"}`).toString('base64');
    expect(leakedFragments(scrubber.scrub(wrapped), [SECRET], MIN_SECRET_CHARS)).toEqual([]);
  });

  test('hides a fragment of eight or more characters a server echoed cut off, in any letter case', () => {
    const scrubbed = scrubber.scrub(`token ${SECRET.slice(3, 13).toUpperCase()}… was rejected`);

    expect(scrubbed).toBe(`token ${REDACTED}… was rejected`);
  });

  test('leaves text without a secret untouched, and ignores values too short to be secrets', () => {
    expect(scrubber.scrub('Unauthorized Access')).toBe('Unauthorized Access');
    expect(createScrubber(['abc', '']).scrub('abc abc')).toBe('abc abc');
  });

  test('hides a short secret whole, but not a part of it', () => {
    const short = createScrubber(['k3y!9']);

    expect(short.scrub('key k3y!9 and k3y')).toBe(`key ${REDACTED} and k3y`);
  });
});

describe('createScrubber().excerpt', () => {
  const MAX = 60;

  test('scrubs before it cuts: no form of the secret leaves a piece behind, at any offset around the cut', () => {
    for (const form of ECHO_FORMS) {
      const echoed = echoForm(SECRET, form);
      for (let offset = MAX - echoed.length - 2; offset <= MAX + 2; offset++) {
        const text = `${ECHO_PAD.repeat(Math.max(0, offset))}${echoed}${ECHO_PAD.repeat(30)}`;

        const excerpt = scrubber.excerpt(text, MAX);

        expect(excerpt.length).toBeLessThanOrEqual(MAX);
        expect({ form, offset, leaks: leakedFragments(excerpt, [SECRET, BASIC], MIN_SECRET_CHARS) }).toEqual({ form, offset, leaks: [] });
      }
    }
  });

  test('puts the text on one line and marks a cut with "…"', () => {
    expect(scrubber.excerpt('  a\n\n b\tc  ', 20)).toBe('a b c');
    expect(scrubber.excerpt('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  test('hides a secret that spans whitespace before collapsing it', () => {
    const spaced = createScrubber(['pass  word\n1234']);

    expect(spaced.excerpt('got pass  word\n1234 ok', 40)).toBe(`got ${REDACTED} ok`);
  });

  test('reaches past long whitespace and redactions to fill the excerpt, scrubbing all it shows', () => {
    const text = `${' '.repeat(500)}${SECRET}${' \n'.repeat(300)}${echoForm(SECRET, 'base64')} tail ${SECRET}`;

    const excerpt = scrubber.excerpt(text, 40);

    expect(excerpt).toBe(`${REDACTED} ${REDACTED} tail ${REDACTED}`);
  });

  test('works on a large answer without scrubbing all of it', () => {
    const text = `${SECRET} ${'y'.repeat(5_000_000)}`;

    const started = performance.now();
    const excerpt = scrubber.excerpt(text, 200);

    expect(excerpt.startsWith(`${REDACTED} yyy`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('shorten', () => {
  test('never cuts inside the redaction marker', () => {
    expect(shorten(`abc ${REDACTED} def`, 9)).toBe('abc …');
  });

  test('never splits a surrogate pair', () => {
    expect(shorten('ab😀cdef', 4)).toBe('ab…');
  });
});

describe('encodedForms', () => {
  test('includes the raw, URL-encoded, JSON-escaped and base64 forms', () => {
    const forms = encodedForms('a/b c+d"é');

    expect(forms).toEqual(expect.arrayContaining(['a/b c+d"é', 'a%2Fb%20c%2Bd%22%C3%A9', 'a%2Fb+c%2Bd%22%C3%A9', 'a/b c+d\\"é', 'a\\/b c+d\\"\\u00e9', Buffer.from('a/b c+d"é').toString('base64')]));
  });
});

describe('urlSecrets', () => {
  test('takes the path, query and password of a webhook URL, and leaves scheme and host readable', () => {
    expect(urlSecrets('https://hooks.example.com/services/T0/B0/XYZ?token=abc#frag')).toEqual(['/services/T0/B0/XYZ?token=abc#frag']);
    expect(urlSecrets('https://user:p%40ss@hooks.example.com/')).toEqual(['p%40ss', 'p@ss']);
    expect(urlSecrets('not a url')).toEqual(['not a url']);
  });
});
