import { PACK_CONTENT, type PackContent } from '../../functions/shared/pack/content';

/** The ATT&CK technique ids an alert's description opens with (`ATT&CK T1110.003 Password Spraying: …`). */
export function techniquesOf(description: string): string[] {
  const head = description.split(':')[0] ?? '';
  return head.startsWith('ATT&CK ') ? [...head.matchAll(/T\d{4}(?:\.\d{3})?/g)].map((m) => m[0]) : [];
}

/** The description without its ATT&CK head, placeholders as the threshold names they stand for. */
function firesWhen(description: string): string {
  const rest = description.slice(description.indexOf(':') + 1).trim();
  const text = rest.replace(/\{\{([a-z_]+)\}\}/g, '`$1`').replace(/\|/g, '\\|');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The schedule: real-time; a period; or, for an alert that compares a recent window with a look-back, both. */
function schedule(keys: Readonly<Record<string, number | undefined>>, realTime: boolean): string {
  if (realTime) return `real-time; silence ${keys.silence_minutes ?? 0}`;
  const window = keys.lookback_minutes === undefined ? `period ${keys.period_minutes}` : `look-back ${keys.lookback_minutes}, recent ${keys.recent_minutes}`;
  return `${window}, frequency ${keys.frequency_minutes}, silence ${keys.silence_minutes}`;
}

function defaults(keys: Readonly<Record<string, number>>, realTime: boolean): string {
  const counts = Object.entries(keys)
    .filter(([key]) => !/^(period|frequency|silence|lookback|recent)_minutes$/.test(key))
    .map(([key, value]) => `\`${key}\` ${value}`);
  return [...counts, schedule(keys, realTime)].join('; ');
}

/** The pack's alerts: name, ATT&CK techniques, what makes each fire and its default thresholds, from content/. */
export function alertTable(content: PackContent = PACK_CONTENT): string {
  const rows = content.alerts.map((alert) => {
    const techniques = techniquesOf(alert.description).join(', ');
    return `| \`${alert.name}\` | ${techniques} | ${firesWhen(alert.description)} | ${defaults(content.thresholds[alert.name] ?? {}, alert.is_real_time)} |`;
  });
  return ['| Alert | ATT&CK | Fires when | Thresholds (default; minutes) |', '|---|---|---|---|', ...rows].join('\n');
}
