import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { normaliseIsolated } from '../../../functions/transform/isolated-normalise';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent } from '../../helpers/factories';

describe('normaliseIsolated', () => {
  test('gives what normaliseEvent gives when it returns', () => {
    // Prepare
    const event = eventBridgeEvent(cloudTrailEvent());
    // Act
    const outcome = normaliseIsolated(event, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);
    // Assess
    expect(outcome).toEqual(normaliseEvent(event, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS));
    expect(outcome.kind).toBe('ok');
  });

  test('fails an event nested too deep to serialise, naming only the error class', () => {
    const deep = JSON.parse(`{"deep":${'['.repeat(200_000)}${']'.repeat(200_000)},"secret":"hunter2"}`);
    const event = eventBridgeEvent(cloudTrailEvent({ requestParameters: deep }));
    expect(() => normaliseEvent(event, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS)).toThrow(RangeError);
    expect(normaliseIsolated(event, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS)).toEqual({ kind: 'failed', reason: 'transform error (RangeError)' });
  });
});
