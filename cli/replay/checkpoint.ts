/**
 * `--checkpoint FILE`: one finished object name per line, appended as each object is done, so a run that
 * stops half-way (Ctrl-C, a fatal error, a crash) resumes where it was when started again.
 *
 * Each line is the name as a JSON string (`"s3://bucket/key"`), so a name holding a line break (S3 keys
 * and file names may) stays one entry. Files written before that held raw names; a line that does not start
 * with `"` is read as such a name, so an old checkpoint still resumes.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Checkpoint {
  has(name: string): boolean;
  /** Records `name` as finished, on disk at once. */
  add(name: string): void;
  readonly size: number;
}

/** A checkpoint that remembers nothing (no `--checkpoint`). */
export const NO_CHECKPOINT: Checkpoint = { has: () => false, add: () => undefined, size: 0 };

/** The line for `name`: its JSON string, which escapes line breaks. */
export function checkpointLine(name: string): string {
  return `${JSON.stringify(name)}\n`;
}

/**
 * The name a line holds, or undefined for a line to ignore: empty, or a JSON string cut short by a crash
 * during the write (its object is then simply done again).
 */
export function nameOfLine(line: string): string | undefined {
  if (line === '') return undefined;
  if (!line.startsWith('"')) return line;
  try {
    const name: unknown = JSON.parse(line);
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Opens (or starts) the checkpoint file; names are compared exactly. */
export function openCheckpoint(file: string): Checkpoint {
  const done = new Set<string>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const name = nameOfLine(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (name !== undefined) done.add(name);
    }
  }
  return {
    has: (name) => done.has(name),
    add: (name) => {
      if (done.has(name)) return;
      done.add(name);
      appendFileSync(file, checkpointLine(name));
    },
    get size() {
      return done.size;
    },
  };
}

/** A checkpoint kept in memory (no `--checkpoint`), so that a run that stops can still save what it finished. */
export function memoryCheckpoint(): Checkpoint & { readonly names: () => readonly string[] } {
  const done = new Set<string>();
  return {
    has: (name) => done.has(name),
    add: (name) => void done.add(name),
    get size() {
      return done.size;
    },
    names: () => [...done],
  };
}

/** Writes `names` as a new checkpoint file; never overwrites one (`wx`). */
export function saveCheckpoint(file: string, names: readonly string[]): void {
  writeFileSync(file, names.map(checkpointLine).join(''), { flag: 'wx' });
}

export type SavedCheckpoint = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly code: string };

/**
 * Saves the objects a run without `--checkpoint` finished before it stopped, as `replay-<time>.checkpoint` in
 * `dir`, so that the resume command can skip them. `file` is the name relative to `dir`.
 */
export function saveResumeCheckpoint(dir: string, names: readonly string[], nowMs: number): SavedCheckpoint {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const file = `replay-${stamp}.checkpoint`;
  try {
    saveCheckpoint(path.join(dir, file), names);
    return { ok: true, file };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'an error';
    return { ok: false, code };
  }
}
