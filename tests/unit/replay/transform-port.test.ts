import { ConfigError } from '../../../functions/transform/errors';
import { replayTransform } from '../../../cli/replay/transform-port';
import { cloudTrailRecord, eventBridgeEvent } from './factories';

const NOW = Date.parse('2025-06-18T09:00:00Z');
const old = eventBridgeEvent(cloudTrailRecord({ eventTime: '2025-06-17T08:00:00Z' }));

describe('replayTransform', () => {
  test('restamps an event older than the window to the replay time, as the Lambda does', () => {
    const outcome = replayTransform({}, { keepTimestamps: false }).normalise(old, NOW);
    expect(outcome).toMatchObject({ kind: 'ok', restamped: true, record: { _timestamp: NOW * 1000 } });
  });

  test('--keep-timestamps leaves the event time', () => {
    const outcome = replayTransform({}, { keepTimestamps: true }).normalise(old, NOW);
    expect(outcome).toMatchObject({ kind: 'ok', restamped: false, record: { _timestamp: Date.parse('2025-06-17T08:00:00Z') * 1000 } });
  });

  test('reads the transform settings from the environment, and refuses invalid ones', () => {
    const outcome = replayTransform({ PAYLOAD_MODE: 'drop' }, { keepTimestamps: false }).normalise(old, NOW);
    expect(outcome.kind === 'ok' && 'request_parameters' in JSON.parse(outcome.line)).toBe(false);
    expect(() => replayTransform({ PAYLOAD_MODE: 'xml' }, { keepTimestamps: false })).toThrow(ConfigError);
  });
});
