/**
 * `--checkpoint FILE`: one finished object name per line, appended as each object is done, so a run that
 * stops half-way (Ctrl-C, a fatal error, a crash) resumes where it was when started again.
 *
 * Each line is the name as a JSON string (`"s3://bucket/key"`), so a name holding a line break (S3 keys
 * and file names may) stays one entry. Files written before that held raw names; a line that does not start
 * with `"` is read as such a name, so an old checkpoint still resumes.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

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
