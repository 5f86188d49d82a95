/**
 * The dashboard's panel queries as the UI sends them: rendered for the stream as the installer renders the
 * dashboard, the `$variables` replaced by what is selected (every variable at "all" by default), and the
 * "all values" placeholder rewritten as the server rewrites it.
 */
import { DEFAULT_STREAM } from '../../../functions/shared/pack/constants';
import { PACK_CONTENT, type Panel } from '../../../functions/shared/pack/content';
import { renderPack } from '../../../functions/shared/pack/render';
import { removeAllValuesPlaceholder, selectVariables } from './openobserve-sql';

const ALL = { user_pool: ['_o2_all_'], aws_account_id: ['_o2_all_'], aws_region: ['_o2_all_'] } as const;

const rendered = renderPack(PACK_CONTENT, { stream: DEFAULT_STREAM, thresholds: PACK_CONTENT.thresholds, enableAlerts: true }).dashboard as unknown as typeof PACK_CONTENT.dashboard;

/** The rendered dashboard's tabs, each with its panels. */
export const renderedTabs = rendered.tabs;

/** The panel titled `title` (throws when there is none). */
function renderedPanel(title: string): Panel {
  const found = rendered.tabs.flatMap((t) => t.panels).find((p) => p.title === title);
  if (found === undefined) throw new Error(`No panel titled ${title}.`);
  return found;
}

/** The SQL the panel titled `title` runs, with `selected` variable values (default: all). */
export function panelSql(title: string, selected: Readonly<Record<string, readonly string[]>> = ALL): string {
  return removeAllValuesPlaceholder(selectVariables(renderedPanel(title).queries[0]?.query ?? '', selected));
}
