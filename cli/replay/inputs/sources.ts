/**
 * `--from` values → the objects to read, in the order given: local files and folders, `s3://` prefixes, and
 * `-` for stdin (as `invoke --event -`).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { ReplayFatalError } from '../errors';
import type { SourceObject } from '../types';
import { localFiles } from './local-files';
import { parseS3Url, s3Objects } from './s3-objects';

export interface SourceDeps {
  readonly cwd: string;
  /** Made on first use, so a local replay never loads AWS configuration. */
  readonly s3: () => S3Client;
  /** The bytes of stdin, for `--from -`. */
  readonly stdin: () => AsyncIterable<Uint8Array>;
}

/** The `--from` value that reads stdin. */
export const STDIN = '-';

/** Stdin as one object, named `stdin` in places (`stdin:12`); never skipped or recorded by a checkpoint. */
function stdinObject(stdin: () => AsyncIterable<Uint8Array>): SourceObject {
  return { name: 'stdin', transient: true, open: stdin };
}

/** All objects of all `--from` values. A local path that does not exist stops the run with a clear message. */
export async function* replaySources(from: readonly string[], deps: SourceDeps): AsyncGenerator<SourceObject> {
  for (const target of from) {
    if (target === STDIN) {
      yield stdinObject(deps.stdin);
      continue;
    }
    if (target.startsWith('s3://')) {
      const location = parseS3Url(target);
      if (location === undefined) throw new ReplayFatalError(`--from ${target} has no bucket; use s3://bucket/prefix.`);
      yield* s3Objects(deps.s3(), location);
      continue;
    }
    try {
      yield* localFiles(target, deps.cwd);
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') {
        throw new ReplayFatalError(`--from ${target} cannot be read (${String(code)}); give an existing file or folder, or s3://bucket/prefix.`, { cause: error });
      }
      throw error;
    }
  }
}
