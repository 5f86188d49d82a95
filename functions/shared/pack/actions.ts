/** What the installer did, or would do with --dry-run, one entry per OpenObserve object. */

export type ActionVerb = 'create' | 'update' | 'unchanged' | 'delete' | 'keep' | 'skip';
export type ObjectKind = 'stream' | 'folder' | 'template' | 'destination' | 'dashboard' | 'alert';

export interface PackAction {
  readonly verb: ActionVerb;
  readonly kind: ObjectKind;
  readonly name: string;
  /** Why, for keep/skip; never a URL or a credential. */
  readonly note?: string;
}

export interface PackReport {
  readonly actions: readonly PackAction[];
  readonly warnings: readonly string[];
  readonly serverVersion?: string;
  readonly dashboardId?: string;
}

const PAST: Readonly<Record<ActionVerb, string>> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  delete: 'deleted',
  keep: 'kept',
  skip: 'skipped',
};

const FUTURE: Readonly<Record<ActionVerb, string>> = {
  create: 'would create',
  update: 'would update',
  unchanged: 'unchanged',
  delete: 'would delete',
  keep: 'would keep',
  skip: 'would skip',
};

/** One line per action, e.g. `created    dashboard  Cognito Security`. */
export function formatAction(action: PackAction, dryRun: boolean): string {
  const verb = (dryRun ? FUTURE : PAST)[action.verb];
  const note = action.note === undefined ? '' : ` (${action.note})`;
  return `${verb.padEnd(13)} ${action.kind.padEnd(12)} ${action.name}${note}`;
}

/** Counts by verb, e.g. `2 created, 9 unchanged`. */
export function summarise(actions: readonly PackAction[], dryRun: boolean): string {
  const counts = new Map<ActionVerb, number>();
  for (const a of actions) counts.set(a.verb, (counts.get(a.verb) ?? 0) + 1);
  const parts = [...counts].map(([verb, n]) => `${n} ${(dryRun ? FUTURE : PAST)[verb]}`);
  return parts.length === 0 ? 'nothing to do' : parts.join(', ');
}
