import { createLambdaContext, lambdaLogStreamName } from '../../../cli/lambda-context';

function contextAt(clock: { now: number }, onDone?: (error: unknown, result: unknown) => void) {
  return createLambdaContext({
    functionName: 'TransformFunction', memoryMb: 512, timeoutSeconds: 120, region: 'eu-west-1',
    logGroupName: '/aws/lambda/TransformFunction', logStreamName: 'stream', now: () => clock.now, onDone,
  });
}

describe('createLambdaContext', () => {
  test('describes the function as Lambda does', () => {
    const context = contextAt({ now: 0 });

    expect(context).toMatchObject({
      functionName: 'TransformFunction',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:TransformFunction',
      memoryLimitInMB: '512',
      logGroupName: '/aws/lambda/TransformFunction',
      logStreamName: 'stream',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(context.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('counts the remaining time down from the Timeout, never below zero', () => {
    const clock = { now: 1_000 };
    const context = contextAt(clock);

    clock.now += 20_000;
    const remaining = context.getRemainingTimeInMillis();
    clock.now += 200_000;

    expect(remaining).toBe(100_000);
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  test('passes done, succeed and fail to onDone as error and result', () => {
    const calls: unknown[][] = [];
    const context = contextAt({ now: 0 }, (error, result) => calls.push([error, result]));
    const failure = new Error('no');

    context.succeed('ok');
    context.done(undefined, 'done');
    context.fail(failure);

    expect(calls).toEqual([[null, 'ok'], [null, 'done'], [failure, undefined]]);
  });
});

describe('lambdaLogStreamName', () => {
  test('has the date, [$LATEST] and 32 hex digits', () => {
    expect(lambdaLogStreamName(new Date('2026-11-26T10:00:00Z'))).toMatch(/^2026\/11\/26\/\[\$LATEST\][0-9a-f]{32}$/);
  });
});
