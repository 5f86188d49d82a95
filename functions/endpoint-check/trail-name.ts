/**
 * The name of the trail the stack creates (CreateTrail 'true'), derived from the stack name. CloudTrail's
 * CreateTrail API reference: 3–128 characters; letters, digits, '.', '_' and '-'; starting and ending with a
 * letter or digit; no two of '.', '_', '-' next to each other. A stack name is a letter followed by up to 127
 * letters, digits and '-' (so it may hold '--' or end with '-'): `${StackName}-cognito` alone could be 136
 * characters or have adjacent dashes. The template reads the result as `!GetAtt EndpointCheck.TrailName`.
 */

/** CloudTrail's longest trail name, in characters. */
export const MAX_TRAIL_NAME_CHARS = 128;
const SUFFIX = '-cognito';

/**
 * `o2-cognito` → `o2-cognito-cognito` (the name earlier versions used, unchanged for ordinary stack names);
 * `a--b-` → `a-b-cognito`; a 128-character stack name is cut to 120 before the suffix.
 */
export function trailNameFor(stackName: string): string {
  const collapsed = stackName.replace(/[^A-Za-z0-9-]/g, '-').replace(/-{2,}/g, '-');
  const base = collapsed.slice(0, MAX_TRAIL_NAME_CHARS - SUFFIX.length).replace(/^-+|-+$/g, '');
  return `${base === '' ? 'stack' : base}${SUFFIX}`;
}

/** `arn:aws:cloudformation:eu-west-1:111122223333:stack/NAME/UUID` → its name and account, when it is one. */
export function parseStackId(stackId: string): { readonly stackName: string; readonly account: string } | undefined {
  const match = /^arn:[^:]+:cloudformation:[^:]*:(\d{12}):stack\/([^/]+)\//.exec(stackId);
  return match ? { account: match[1] ?? '', stackName: match[2] ?? '' } : undefined;
}
