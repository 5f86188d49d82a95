import { checkAccessKeyFormat } from '../../../functions/endpoint-check/access-key';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const SECRET = 'Qw3-ACCESS-KEY-DISTINCTIVE-SECRET';

describe('checkAccessKeyFormat', () => {
  test('passes standard padded base64 of user:secret and gives the parts', () => {
    const check = checkAccessKeyFormat(b64(`root@example.com:${SECRET}`));

    expect(check.result).toEqual({ id: 'access-key', status: 'passed', message: 'The access key is standard base64 of user:secret.' });
    expect(check.parts).toEqual({ user: 'root@example.com', secret: SECRET });
  });

  test.each([
    ['empty', '', /is empty/],
    ['a Basic prefix', `Basic ${b64('a:b')}`, /starts with "Basic "/],
    ['a trailing newline', `${b64('a:b')}\n`, /whitespace/],
    ['a space inside', `${b64('ab:cd').slice(0, 4)} ${b64('ab:cd').slice(4)}`, /whitespace/],
    ['URL-safe base64', b64('a:b??>').replace(/\+/g, '-').replace(/\//g, '_'), /URL-safe/],
    ['missing padding', b64('ab:c').replace(/=+$/, ''), /without its = padding/],
    ['no base64 at all', 'not*base64!', /is not base64/],
    ['no colon (crashes OpenObserve)', b64('just-a-passcode'), /without a colon, which crashes OpenObserve/],
    ['two colons', b64('user:se:cret'), /more than one colon/],
    ['an empty secret', b64('user:'), /empty user or secret/],
    ['invalid UTF-8', Buffer.from([0x75, 0x3a, 0xff, 0xfe]).toString('base64'), /UTF-8/],
    ['over 4096 bytes', b64(`u:${'s'.repeat(4000)}`), /longer than 4096 bytes/],
  ])('fails a key with %s', (_name, key, message) => {
    const check = checkAccessKeyFormat(key);

    expect(check.result).toMatchObject({ id: 'access-key', status: 'failed', message: expect.stringMatching(message) });
    expect(check.parts).toBeUndefined();
  });

  test('never puts the key or its secret in a message', () => {
    const keys = [b64(`u:${SECRET}`), b64(`${SECRET}`), `Basic ${b64(`u:${SECRET}`)}`, `${b64(`u:${SECRET}`)} `, b64(`u:${SECRET}:x`)];

    const messages = keys.map((k) => checkAccessKeyFormat(k).result.message).join('\n');

    expect(messages).not.toContain(SECRET);
    for (const key of keys) expect(messages).not.toContain(key.trim());
  });
});
