/**
 * The end-of-run summary on stderr: what was read, matched and delivered, and when something was not
 * delivered, what failed and how to retry it.
 */
import type { ReplayResult } from './run-replay';
import { foundNoEvent, replaySucceeded } from './run-replay';
import { SUMMARY_MAX_LISTED } from './constants';
import type { ResumeHint } from './resume-command';

const count = (n: number): string => n.toLocaleString('en-US');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

export interface SummaryOptions {
  readonly dryRun: boolean;
  /** How to resume a run that did not succeed: the exact command, and what it cannot carry. */
  readonly resume?: ResumeHint;
  /** The checkpoint in the command: `--checkpoint`, or one this run saved with the objects it finished (`saved`). */
  readonly checkpoint?: { readonly file: string; readonly saved?: number };
}

/** The lines that say how to resume: the command whole, on a line of its own, ready to paste. */
function resumeLines(options: SummaryOptions): string[] {
  if (options.resume === undefined) return ['replay: fix the cause above, then run the same command again (with --checkpoint FILE, finished objects are skipped).'];
  const lines = ['replay: fix the cause above, then resume with:', `  ${options.resume.command}`];
  const cp = options.checkpoint;
  if (cp !== undefined) {
    const holds = cp.saved !== undefined ? `${cp.file} (written now) lists the ${plural(cp.saved, 'object')} this run finished` : `${cp.file} lists the finished objects`;
    lines.push(`replay: ${holds}, which are skipped; records already delivered from an unfinished object are sent again.`);
  }
  for (const note of options.resume.notes) lines.push(`replay: ${note}.`);
  return lines;
}

/** The summary lines, each ending in `\n`. */
export function formatSummary(result: ReplayResult, options: SummaryOptions): string {
  const s = result.stats;
  const lines: string[] = [];
  const objects = `${plural(s.objectsDone, 'object')}${s.objectsSkipped > 0 ? ` (${count(s.objectsSkipped)} finished earlier, skipped)` : ''}`;
  const noEvent = foundNoEvent(result);
  if (noEvent) lines.push(`replay: ${objects}, ${plural(s.eventsRead, 'record')} read, none of them an event.`);
  else {
    lines.push(
      `replay: ${objects}, ${plural(s.eventsRead - s.unreadable, 'event')} read, ${count(s.matched)} matched the rule` +
        ` (${count(s.notMatched)} did not, ${count(s.outsideTime)} outside --since/--until).`,
    );
    const verb = options.dryRun ? 'would be delivered to' : 'delivered to';
    const extras = [
      s.restamped > 0 ? `${count(s.restamped)} restamped to now (older than the ingest window)` : '',
      s.duplicates > 0 ? `${plural(s.duplicates, 'duplicate')} of an event_id skipped` : '',
      s.dropped > 0 ? `${count(s.dropped)} dropped by EXCLUDE_EVENT_NAMES` : '',
    ].filter((text) => text !== '');
    lines.push(`replay: ${count(s.delivered)} ${verb} ${result.sinkLabel}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}.`);
  }
  for (const [reason, group] of result.skipped.groups) {
    lines.push(`replay: skipped ${plural(group.count, 'record')} (${reason}): ${group.where.join(', ')}${group.count > group.where.length ? ', …' : ''}`);
  }
  if (noEvent) {
    const what = s.objectsDone === 0 ? '--from names no file or object' : '--from holds no event';
    lines.push(`replay: FAILED — ${what}; give EventBridge events, CloudTrail log files or Firehose records (see o2-cognito replay --help).`);
    return lines.map((line) => `${line}\n`).join('');
  }
  if (result.fatal !== undefined) lines.push(`replay: stopped: ${result.fatal}`);
  for (const [reason, group] of result.failures.groups) {
    const many = group.count > 0 ? `${plural(group.count, 'record')} ` : '';
    lines.push(`replay: FAILED ${many}— ${reason}: ${group.where.join(', ')}${group.where.length >= SUMMARY_MAX_LISTED ? ', …' : ''}`);
  }
  if (s.matched === 0 && result.fatal === undefined) {
    lines.push('replay: no event matched: nothing to deliver (check --since/--until and --parameter-overrides if events were expected).');
  }
  if (!replaySucceeded(result)) {
    const undelivered = s.deliveryFailed + s.processingFailed;
    lines.push(`replay: ${plural(undelivered, 'record')} not delivered; ${plural(result.unfinished.length, 'object')} not finished.`);
    lines.push(...resumeLines(options));
  }
  return lines.map((line) => `${line}\n`).join('');
}
