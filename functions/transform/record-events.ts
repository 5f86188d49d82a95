/**
 * A Firehose record that held several events (record-values.ts) → one outcome for the record, which goes back
 * to Firehose whole, under its one recordId: the normalised line of every event, one after the other
 * (OpenObserve reads each line of a record as a row:
 * docs/reference/openobserve-firehose-ingestion.md#lines-and-json-values); `Dropped` when every event was
 * dropped; `failed` when any event failed, so that Firehose backs up the original bytes and no event is lost.
 */
import type { TransformConfig } from './config';
import { normaliseIsolated } from './isolated-normalise';
import type { BatchContext, RecordOutcome } from './types';

/**
 * Normalises every event of one record, each isolated (`normaliseIsolated`). `arrivalMs`, `nowMs`,
 * `plainStrings` and `context` as for `normaliseEvent`, the same for each event.
 * @example normaliseEvents([signIn, signUp], arrivalMs, config, nowMs) // { kind: 'ok', line: '{\t"_timestamp":…}\n{\t"_timestamp":…}\n', restamped: false }
 */
export function normaliseEvents(
  events: readonly unknown[],
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
  context?: BatchContext,
): RecordOutcome {
  let lines = '';
  let restamped = false;
  let dropped: RecordOutcome | undefined;
  for (let i = 0; i < events.length; i += 1) {
    const outcome = normaliseIsolated(events[i], arrivalMs, config, nowMs, plainStrings, context);
    if (outcome.kind === 'failed') return { kind: 'failed', reason: `event ${i + 1} of ${events.length}: ${outcome.reason}` };
    if (outcome.kind === 'dropped') {
      dropped = outcome;
      continue;
    }
    lines += outcome.line;
    restamped ||= outcome.restamped;
  }
  if (lines === '') return dropped ?? { kind: 'dropped', reason: 'record holds no event' };
  return { kind: 'ok', line: lines, restamped };
}
