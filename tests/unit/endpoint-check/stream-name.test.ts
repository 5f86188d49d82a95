import { checkStreamName, storedStreamName } from '../../../functions/endpoint-check/stream-name';

describe('storedStreamName', () => {
  test.each([
    ['cognito_auth', 'cognito_auth'],
    ['cognito-auth', 'cognito_auth'],
    ['Cognito.Auth--Events', 'cognito_auth_events'],
    ['a:b', 'a:b'],
    ['Auth Events!', 'auth_events_'],
  ])('stores %s as %s', (given, stored) => {
    expect(storedStreamName(given)).toBe(stored);
  });
});

describe('checkStreamName', () => {
  test('passes a name OpenObserve keeps as it is', () => {
    expect(checkStreamName('cognito_events').status).toBe('passed');
  });

  test('warns with the stored name when OpenObserve renames the stream', () => {
    expect(checkStreamName('cognito-auth')).toEqual({
      id: 'stream-name',
      status: 'warned',
      message: "OpenObserve will store stream 'cognito-auth' as 'cognito_auth'; search for 'cognito_auth' there, or use that name here to avoid confusion.",
    });
  });
});
