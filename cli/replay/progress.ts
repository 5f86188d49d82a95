/**
 * Progress on stderr: a line redrawn in place on a terminal (objects, events read/matched/delivered, rate,
 * ETA), a plain line every few seconds otherwise (CI logs, files).
 */
import { PROGRESS_LINE_MS, PROGRESS_REDRAW_MS } from './constants';
import type { ReplayStats } from './replay-stats';

export interface Progress {
  update(stats: ReplayStats): void;
  /** Writes `replay: <message>` on a line of its own (a retry, a halving), clearing the redrawn line first. */
  note(message: string): void;
  /** Clears the redrawn line before the summary. */
  done(): void;
}

const count = (n: number): string => n.toLocaleString('en-US');

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/** One progress line. `elapsedMs` since the start gives the rate and, once the listing is complete, the ETA. */
export function progressLine(stats: ReplayStats, elapsedMs: number): string {
  const objects = `${count(stats.objectsDone + stats.objectsSkipped)}/${count(stats.objectsListed)}${stats.listingDone ? '' : '+'}`;
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const rate = stats.eventsRead / seconds;
  let eta = '';
  if (stats.listingDone && stats.bytesListed > 0 && stats.bytesDone > 0) {
    const left = stats.bytesListed - stats.bytesDone;
    eta = ` · ETA ${duration((left / stats.bytesDone) * elapsedMs)}`;
  }
  return (
    `replay: objects ${objects} · read ${count(stats.eventsRead)} · matched ${count(stats.matched)} · ` +
    `delivered ${count(stats.delivered)}${stats.deliveryFailed > 0 ? ` · failed ${count(stats.deliveryFailed)}` : ''} · ` +
    `${count(Math.round(rate))} events/s${eta}`
  );
}

/** Progress for `stderr`; `interactive` redraws, otherwise plain lines. `now` is injectable for tests. */
export function stderrProgress(stderr: NodeJS.WritableStream, interactive: boolean, now: () => number = Date.now): Progress {
  const started = now();
  let last = interactive ? 0 : started;
  let drawn = false;
  return {
    update(stats) {
      const t = now();
      if (t - last < (interactive ? PROGRESS_REDRAW_MS : PROGRESS_LINE_MS)) return;
      last = t;
      const line = progressLine(stats, t - started);
      if (interactive) {
        stderr.write(`\r\x1b[K${line}`);
        drawn = true;
      } else stderr.write(`${line}\n`);
    },
    note(message) {
      // The progress line comes back at the next update.
      stderr.write(`${drawn ? '\r\x1b[K' : ''}replay: ${message}\n`);
      drawn = false;
      last = interactive ? 0 : last;
    },
    done() {
      if (drawn) stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
