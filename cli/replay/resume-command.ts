/**
 * The exact command that resumes a replay, printed whole so it can be pasted: the same inputs, target and
 * options, `--since`/`--until` as the absolute times this run used (an age such as `7d` would move), and the
 * checkpoint that skips what is finished. Never the access key, nor a value of a NoEcho template parameter.
 */
import type { Template } from '../template/load-template';
import type { ReplayOptions } from './options';

/** Shell words that need no quoting in sh, bash or zsh. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `word` quoted for a POSIX shell when it needs to be: `'it'\''s'`. */
export function shellWord(word: string): string {
  return PLAIN_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `2025-06-17T08:00:00Z`, milliseconds only when there are some. */
function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function targetWord(to: ReplayOptions['to']): string {
  if (to.kind === 'stdout') return 'stdout';
  return to.kind === 'firehose' ? `firehose:${to.stream}` : to.url;
}

export interface ResumeInputs {
  readonly options: ReplayOptions;
  /** The parameter overrides as parsed (names checked against the template). */
  readonly overrides: ReadonlyMap<string, string>;
  /** Parameters whose values are secrets (NoEcho): left out, with a note. */
  readonly secretParameters: ReadonlySet<string>;
  /** The checkpoint that skips finished objects, if any. */
  readonly checkpointFile?: string;
}

export interface ResumeHint {
  readonly command: string;
  /** What the command cannot carry: the key, secret parameters. */
  readonly notes: readonly string[];
}

/** The command to run to resume, and what to set before it. */
export function resumeHint(inputs: ResumeInputs): ResumeHint {
  const { options } = inputs;
  const words = ['o2-cognito', 'replay'];
  for (const from of options.from) words.push('--from', from);
  words.push('--to', targetWord(options.to));
  if (options.sinceMs !== undefined) words.push('--since', isoTime(options.sinceMs));
  if (options.untilMs !== undefined) words.push('--until', isoTime(options.untilMs));
  if (options.template !== 'template.yaml') words.push('--template', options.template);
  const pairs = [...inputs.overrides].filter(([name]) => !inputs.secretParameters.has(name));
  if (pairs.length > 0) words.push('--parameter-overrides', ...pairs.map(([name, value]) => `${name}=${value}`));
  if (!options.gzip) words.push('--no-gzip');
  if (options.keepTimestamps) words.push('--keep-timestamps');
  if (options.dryRun) words.push('--dry-run');
  if (inputs.checkpointFile !== undefined) words.push('--checkpoint', inputs.checkpointFile);
  const notes: string[] = [];
  if (options.accessKey !== undefined) notes.push('set OPENOBSERVE_ACCESS_KEY first: the key given with --access-key is not repeated here');
  const secret = [...inputs.overrides.keys()].filter((name) => inputs.secretParameters.has(name));
  if (secret.length > 0) notes.push(`add the --parameter-overrides values of ${secret.join(', ')} yourself: secret values are not repeated here`);
  return { command: words.map(shellWord).join(' '), notes };
}

/** The template parameters whose values are secrets (`NoEcho: true`). */
export function secretParametersOf(template: Template): ReadonlySet<string> {
  const parameters = template.Parameters ?? {};
  return new Set(Object.keys(parameters).filter((name) => String(parameters[name]?.NoEcho).toLowerCase() === 'true'));
}
