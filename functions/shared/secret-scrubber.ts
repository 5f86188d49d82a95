/**
 * The one place secrets are taken out of text before it reaches a log line, a CloudFormation Reason or a
 * terminal. A server may echo what it received, whole or cut off, and in another encoding: URL-encoded,
 * base64 (alone, or inside a longer base64 string such as a Basic credential), JSON-escaped. The scrubber
 * hides every such form, and any run of at least MIN_FRAGMENT_CHARS characters taken from one, matching
 * ASCII letters in any case. `excerpt` scrubs before it cuts, so a secret that crosses the cut cannot leave
 * its first half behind.
 */

export const REDACTED = '[redacted]';
/** Shorter values are not treated as secrets: hiding every "abc" would garble text and protect nothing. */
export const MIN_SECRET_CHARS = 4;
/** A run this long taken from a secret (or an encoded form of it) is hidden wherever it appears. */
export const MIN_FRAGMENT_CHARS = 8;
const ELLIPSIS = '…';

export interface Scrubber {
  /** `text` with every secret, encoded form and fragment of one replaced by REDACTED. */
  scrub(text: string): string;
  /**
   * At most `maxChars` characters of `text` on one line (whitespace runs become one space), scrubbed
   * before it is cut; a cut text ends with "…", and never inside REDACTED.
   */
  excerpt(text: string, maxChars: number): string;
}

const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** base64 of the bytes alone, and the part of their base64 that is the same wherever they sit in a longer text. */
function base64Forms(bytes: Buffer): string[] {
  const forms = [bytes.toString('base64')];
  for (const shift of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    forms.push(encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6)));
  }
  return forms.flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')]);
}

function urlForms(secret: string): string[] {
  try {
    const component = encodeURIComponent(secret);
    return [component, component.replace(/%20/g, '+'), encodeURI(secret)];
  } catch {
    return []; // a lone surrogate cannot be URL-encoded, so no server received it that way
  }
}

/** JSON string content as encoders write it: plain, with `\/`, and ASCII-only with HTML-safe `<>&'` (Python, Go). */
function jsonForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const ascii = escaped.replace(/[\u007f-\uffff<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [escaped, ascii].flatMap((f) => [f, f.replace(/\//g, '\\/')]);
}

/** The forms a server may echo `secret` in, each at least MIN_SECRET_CHARS long. */
export function encodedForms(secret: string): string[] {
  const forms = [secret, ...urlForms(secret), ...jsonForms(secret), ...base64Forms(Buffer.from(secret, 'utf8'))];
  return [...new Set(forms)].filter((f) => f.length >= MIN_SECRET_CHARS);
}

/**
 * The parts of a URL that are secret, for a webhook URL: everything after the host (path, query, fragment)
 * and any password. The scheme and host stay readable, which is what a user needs to know which URL it was.
 */
export function urlSecrets(raw: string): string[] {
  try {
    const url = new URL(raw);
    const rest = `${url.pathname}${url.search}${url.hash}`;
    return [rest === '/' ? '' : rest, url.password, decodeURIComponent(url.password)].filter((s) => s !== '');
  } catch {
    return [raw];
  }
}

/** Cuts a scrubbed one-line text to `maxChars` with "…", never inside REDACTED nor a surrogate pair. */
export function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - ELLIPSIS.length);
  const marker = text.lastIndexOf(REDACTED, end);
  if (marker !== -1 && marker + REDACTED.length > end) end = marker;
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A scrubber for `secrets`; values shorter than MIN_SECRET_CHARS are ignored. */
export function createScrubber(secrets: readonly string[]): Scrubber {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_CHARS).flatMap(encodedForms).map(asciiLower))];
  const short = forms.filter((f) => f.length < MIN_FRAGMENT_CHARS);
  const fragments = new Set<string>();
  for (const form of forms) for (let i = 0; i + MIN_FRAGMENT_CHARS <= form.length; i++) fragments.add(form.slice(i, i + MIN_FRAGMENT_CHARS));
  const longest = forms.reduce((max, f) => Math.max(max, f.length), 0);

  /** Which characters of `text` belong to a secret's form or fragment. */
  const hiddenIn = (text: string): Uint8Array => {
    const hidden = new Uint8Array(text.length);
    const lower = asciiLower(text);
    for (const form of short) for (let at = lower.indexOf(form); at !== -1; at = lower.indexOf(form, at + 1)) hidden.fill(1, at, at + form.length);
    if (fragments.size > 0) {
      for (let i = 0; i + MIN_FRAGMENT_CHARS <= lower.length; i++) if (fragments.has(lower.slice(i, i + MIN_FRAGMENT_CHARS))) hidden.fill(1, i, i + MIN_FRAGMENT_CHARS);
    }
    return hidden;
  };

  /** `text` up to index `end`, each hidden run (one reaching past `end` included) replaced by REDACTED. */
  const render = (text: string, end: number): string => {
    const hidden = hiddenIn(text);
    let out = '';
    let i = 0;
    while (i < end) {
      const start = i;
      const secret = hidden[i] === 1;
      while (i < text.length && (hidden[i] === 1) === secret && (secret || i < end)) i++;
      out += secret ? REDACTED : text.slice(start, i);
    }
    return out;
  };

  const scrub = (text: string): string => (forms.length === 0 || text.length < MIN_SECRET_CHARS ? text : render(text, text.length));

  const excerpt = (text: string, maxChars: number): string => {
    if (forms.length === 0) return shorten(oneLine(text), maxChars);
    // Scrub a window that ends `longest` past the part shown, so no form reaching into the shown part is
    // cut in two; whitespace and redaction can shorten it, so widen it until it shows enough.
    for (let size = maxChars + longest; ; size *= 2) {
      const complete = size >= text.length;
      const shown = oneLine(render(complete ? text : text.slice(0, size), complete ? text.length : size - longest));
      if (complete || shown.length > maxChars) return shorten(shown, maxChars);
    }
  };

  return { scrub, excerpt };
}
