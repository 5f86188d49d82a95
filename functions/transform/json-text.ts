/**
 * Lone UTF-16 surrogates in JSON text. `JSON.stringify` writes an unpaired surrogate as a `\udXXX` escape
 * (pairs stay characters); OpenObserve's parser, serde_json, rejects such an escape, and one bad line fails
 * the whole request (docs/reference/openobserve-firehose-ingestion.md#lines-and-json-values). JSON input may
 * carry them (`"\ud800"`).
 */

declare global {
  // ES2024 (Node 20 has them; the project's TypeScript lib is ES2023).
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/** A `\udXXX` escape (d800–dfff) whose backslash is not itself escaped (an even run of backslashes before it). */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * `text` (written by JSON.stringify) with every lone-surrogate escape replaced by U+FFFD, the replacement
 * character; the text unchanged, without a scan by the regular expression, in the usual case.
 * @example withoutLoneSurrogates(JSON.stringify('a\ud800b')) // '"a\ufffdb"' (the character, not an escape)
 */
export function withoutLoneSurrogates(text: string): string {
  // The character itself, not its escape: a second pass (redrive) then writes the same bytes.
  return text.includes('\\ud') ? text.replace(LONE_SURROGATE_ESCAPE, '$1\ufffd') : text;
}

/**
 * JSON text of a string, lone surrogates written as U+FFFD. `isWellFormed` answers at once for one-byte
 * strings, so the common case costs nothing beyond JSON.stringify.
 */
export function stringifyText(value: string): string {
  return JSON.stringify(value.isWellFormed() ? value : value.toWellFormed());
}
