import { checkUrl } from '../../../functions/endpoint-check/check-url';

describe('checkUrl', () => {
  test('passes an https base URL on port 443 and gives the target', () => {
    const { result, target } = checkUrl('https://o2.example.com', false);

    expect(result.status).toBe('passed');
    expect(target).toEqual({ baseUrl: 'https://o2.example.com', hostname: 'o2.example.com', port: 443, https: true });
  });

  test('accepts an explicit :443 and a trailing slash', () => {
    expect(checkUrl('https://o2.example.com:443/', false).target?.baseUrl).toBe('https://o2.example.com');
  });

  test.each([
    ['not a url', /is not a URL/],
    ['http://o2.example.com', /uses http; Firehose delivers over https only/],
    ['ftp://o2.example.com', /uses ftp/],
    ['https://o2.example.com:5080', /port 5080; Firehose delivers to port 443 only/],
    ['https://user:pw@o2.example.com', /user name or password/],
    ['https://o2.example.com?x=1', /query or fragment/],
  ])('fails %s', (url, message) => {
    const { result, target } = checkUrl(url, false);

    expect(result).toMatchObject({ id: 'url', status: 'failed', message: expect.stringMatching(message) });
    expect(target).toBeUndefined();
  });

  test('calls out a full _kinesis_firehose URL pasted as the base, naming the org and stream', () => {
    const { result } = checkUrl('https://o2.example.com/aws/default/cognito/_kinesis_firehose', false);

    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/full Firehose endpoint; give only the base URL https:\/\/o2\.example\.com and set organization 'default' and stream 'cognito'/);
  });

  test('calls out the /api/ form of the Firehose URL and the /api/ path', () => {
    expect(checkUrl('https://o2.example.com/api/default/cognito/_kinesis_firehose', false).result.message).toMatch(/\/api\/ form always answers Firehose with 401/);
    expect(checkUrl('https://o2.example.com/api/default', false).result.message).toMatch(/\/api\/, OpenObserve's API path/);
  });

  test('calls out the web UI path', () => {
    expect(checkUrl('https://o2.example.com/web/', false).result.message).toMatch(/web UI/);
  });

  test('warns about another path but keeps it as the base (ZO_BASE_URI installs)', () => {
    const { result, target } = checkUrl('https://o2.example.com/openobserve', false);

    expect(result.status).toBe('warned');
    expect(result.message).toMatch(/ZO_BASE_URI/);
    expect(target?.baseUrl).toBe('https://o2.example.com/openobserve');
  });

  test('turns http and another port into warnings when local testing is allowed', () => {
    const http = checkUrl('http://127.0.0.1:5080', true);
    const port = checkUrl('https://localhost:8443', true);

    expect(http.result).toMatchObject({ status: 'warned', message: expect.stringMatching(/uses http.*local testing/) });
    expect(http.target).toEqual({ baseUrl: 'http://127.0.0.1:5080', hostname: '127.0.0.1', port: 5080, https: false });
    expect(port.result).toMatchObject({ status: 'warned', message: expect.stringMatching(/port 8443/) });
  });

  test('never repeats credentials found in the URL', () => {
    expect(checkUrl('https://root:Pw-DISTINCT@o2.example.com', false).result.message).not.toContain('Pw-DISTINCT');
  });
});
