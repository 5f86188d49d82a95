/**
 * `--checkpoint FILE`: one finished object name per line, appended as each object is done, so a run that
 * stops half-way (Ctrl-C, a fatal error, a crash) resumes where it was when started again.
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

/** Opens (or starts) the checkpoint file; names are compared exactly. */
export function openCheckpoint(file: string): Checkpoint {
  const done = new Set<string>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line !== '') done.add(line);
  }
  return {
    has: (name) => done.has(name),
    add: (name) => {
      if (done.has(name)) return;
      done.add(name);
      appendFileSync(file, `${name}\n`);
    },
    get size() {
      return done.size;
    },
  };
}
