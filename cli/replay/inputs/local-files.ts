/**
 * `--from PATH`: a file, or a folder read recursively in name order (hidden entries skipped).
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceObject } from '../types';

function fileObject(file: string, size: number, display: string): SourceObject {
  return { name: display, size, open: () => createReadStream(file) };
}

async function* walk(dir: string, display: string): AsyncGenerator<SourceObject> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const shown = path.join(display, entry.name);
    if (entry.isDirectory()) yield* walk(full, shown);
    else if (entry.isFile()) yield fileObject(full, (await stat(full)).size, shown);
  }
}

/**
 * The files under `target` (relative to `cwd`). Each is named as given (`events/eventbridge/<file>.json`),
 * which is also its checkpoint key: run a resumed replay from the same folder.
 * @throws Error with code ENOENT when `target` does not exist.
 */
export async function* localFiles(target: string, cwd: string): AsyncGenerator<SourceObject> {
  const full = path.resolve(cwd, target);
  const info = await stat(full);
  if (info.isDirectory()) yield* walk(full, target);
  else yield fileObject(full, info.size, target);
}
