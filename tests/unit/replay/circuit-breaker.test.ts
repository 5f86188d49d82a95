import { CircuitBreaker } from '../../../cli/replay/sinks/circuit-breaker';

describe('CircuitBreaker', () => {
  test('trips at the request limit, and a success starts the count again', () => {
    // Prepare
    const breaker = new CircuitBreaker('OpenObserve', { maxFailedRequests: 3, maxFailingMs: 60_000 }, () => 0);
    // Act
    const first = [breaker.failed('HTTP 503'), breaker.failed('HTTP 503')];
    breaker.succeeded();
    const second = [breaker.failed('HTTP 503'), breaker.failed('HTTP 503'), breaker.failed('HTTP 500')];
    // Assess
    expect(first).toEqual([undefined, undefined]);
    expect(second.slice(0, 2)).toEqual([undefined, undefined]);
    expect(second[2]).toBe(
      'OpenObserve took nothing for 3 requests in a row over 0 s (last: HTTP 500); stopped rather than keep sending to an endpoint that does not take records. Fix the cause, then resume with the command below.',
    );
  });

  test('trips when requests have delivered nothing for the time limit, however few', () => {
    let now = 1_000;
    const breaker = new CircuitBreaker('Firehose stream s', { maxFailedRequests: 100, maxFailingMs: 300_000 }, () => now);
    expect(breaker.failed('timeout')).toBeUndefined();
    now += 299_999;
    expect(breaker.failed('timeout')).toBeUndefined();
    now += 1;
    expect(breaker.failed('timeout')).toMatch(/^Firehose stream s took nothing for 3 requests in a row over 5 minutes \(last: timeout\)/);
  });
});
