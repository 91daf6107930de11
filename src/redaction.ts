/**
 * What errors may show of a response body (here) or a request's headers (`header-redaction.ts`,
 * re-exported). Everything here is pure and sits below `errors.ts`: it imports nothing from it.
 */
import { REDACTED } from "./header-redaction";

export { REDACTED, redactHeaders, sanitizeHeaders, secretsOf } from "./header-redaction";

/** Longest body excerpt an error carries, in characters (an ellipsis may follow). */
export const EXCERPT_LENGTH = 200;

/** Longest text an error message takes from a body (e.g. a server's error message), in characters. */
export const MESSAGE_LENGTH = 500;

// Only this much of a body is ever scanned or copied for an excerpt: a 50 MB error page costs no
// more than a small one, and 64 KiB is far more than an excerpt shows.
const SCAN_LENGTH = 65_536; // 64 KiB, as a literal: a bundler keeps `64 * 1024` even where nothing reads it

// Shorter known secrets are not cut out: a 3-character password would mangle ordinary words.
const MIN_SECRET_LENGTH = 4;

// Names of members (and headers) whose values are secret, in any case, with `-` or `_`: psk, sk,
// password, secret, token, authorization, cookie, secret_key and api_key, alone or as the end of a
// longer name (application_credential_secret, X-Auth-Token, x-api-key). Not access_key: an AK is
// an identifier, shown on purpose.
// Regex literals, not `new RegExp` of a shared template: a bundler drops an unused literal, but
// must keep a module-level constructor call, so every bundle of the package (one with only a guard
// such as isApiError) would carry both. The alternation is the same in both (test/redaction.test.ts).
const SECRET_NAME_ONLY = /^(?:[\w-]*[_-])?(?:psk|sk|password|secret|token|authorization|cookie|secret[_-](?:access[_-])?key|api[_-]?key)$/i;

// A secret member in JSON text, or in a Python dict's repr ('psk': 'x'). The value may be cut off
// (truncated JSON), hence the optional closing quote; numbers count too (a numeric psk).
const SECRET_MEMBER = /((["'])(?:[\w-]*[_-])?(?:psk|sk|password|secret|token|authorization|cookie|secret[_-](?:access[_-])?key|api[_-]?key)\2\s*:\s*)(?:"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|-?\d[\d.eE+-]*)/gi;

/** Whether a JSON member or header of this name holds a secret (psk, password, X-Auth-Token, client_secret…). */
export const isSecretName = (name: string): boolean => SECRET_NAME_ONLY.test(name);

/**
 * Replaces the values of secret members in JSON text (psk, password, secret, `*_secret`, token,
 * `*_token`, sk, secret_key, api_key, authorization, cookie, also spelt as headers like
 * `"X-Auth-Token"`; any case) with `[REDACTED]`.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_MEMBER, `$1"${REDACTED}"`);
}

/** A list of known secrets; `undefined` entries (an option not given) are skipped. */
export type KnownSecrets = readonly (string | undefined)[];

/**
 * Cuts every one of `secrets` out of `text`: as sent, and as a server writes it when it echoes it
 * inside JSON (quotes and backslashes escaped; non-ASCII as `\u00e4` as Python's json.dumps does,
 * also with upper-case hex; `/` as `\/`). Secrets shorter than 4 characters are ignored: they
 * would also match ordinary text.
 */
export function redactKnown(text: string, secrets: KnownSecrets): string {
  return cutterOf(secrets)[0](text);
}

/** Every form of `secret` a server may echo, see {@link redactKnown}. */
export function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const ascii = json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const upper = ascii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`);
  const forms = [secret, json, ascii, upper];
  return [...new Set([...forms, ...forms.map((f) => f.replaceAll("/", "\\/"))])];
}

// What cuts every form of every secret out of a text, and the length of the longest form. The
// forms go longest first into one regex: it finds the longest match at each place in one pass,
// and a replacement is never matched again.
function cutterOf(secrets: KnownSecrets): [cut: (text: string) => string, longest: number] {
  const forms = secrets
    .filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH)
    .flatMap(echoedForms)
    .sort((a, b) => b.length - a.length);
  const pattern = forms.length ? new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g") : undefined;
  return [(text) => (pattern ? text.replace(pattern, REDACTED) : text), forms[0]?.length ?? 0];
}

// Deep enough for any real error body; deeper input is cut, never recursed into.
const MAX_DEPTH = 32;
// Caps the work on input that shares objects (a DAG can have 2^32 paths at depth 32).
const MAX_NODES = 100_000;

/**
 * A deep copy of parsed JSON with every string (and member name) passed through
 * {@link redactKnown} and the value of every secret member (see {@link redactSecrets}) replaced by
 * `[REDACTED]`. Cycles become `"[Circular]"`, objects nested deeper than 32 levels or beyond the
 * first 100 000 `"[…]"`, and objects that throw when read `"[unreadable]"`: it never throws.
 */
// Stryker disable next-line ArrayDeclaration: equivalent but for Stryker's own text: the mutant only adds "Stryker was here" to the secrets cut out of a body
export function redactParsed(value: unknown, secrets: KnownSecrets = []): unknown {
  const [cut] = cutterOf(secrets);
  const ancestors = new Set<object>();
  let nodes = 0;
  const copy = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return cut(v);
    if (typeof v !== "object" || v === null) return v;
    if (ancestors.has(v)) return "[Circular]";
    if (depth >= MAX_DEPTH || ++nodes > MAX_NODES) return "[…]";
    ancestors.add(v);
    try {
      if (Array.isArray(v)) return v.map((item) => copy(item, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) setOwn(out, cut(key), isSecretName(key) ? REDACTED : copy(item, depth + 1));
      return out;
    } catch {
      return "[unreadable]";
    } finally {
      ancestors.delete(v);
    }
  };
  return copy(value, 0);
}

/** Sets a member even when it is named `__proto__` (JSON.parse makes such members; `=` would not). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The excerpt an error carries of a body (text, or parsed JSON): secret members and `secrets`
 * (see {@link redactKnown}) redacted before it is cut, whitespace collapsed, at most
 * `EXCERPT_LENGTH` (200) characters plus `…`. Only the first 64 KiB are looked at, so the cost
 * does not grow with the body.
 */
export function excerptOf(body: unknown, secrets: KnownSecrets = []): string {
  if (body === undefined || body === null) return "";
  let text: string;
  try {
    text = typeof body === "string" ? body : boundedJson(body, SCAN_LENGTH);
  } catch {
    return "(unreadable)";
  }
  const [cutKnown, longest] = cutterOf(secrets);
  const cut = text.length > SCAN_LENGTH;
  // Drop the end of what is scanned too, where a secret may start but not finish: its start would
  // not be recognised, and could be shown.
  if (cut) text = text.slice(0, Math.max(0, SCAN_LENGTH - longest));
  const shown = cutKnown(redactSecrets(text)).replace(/\s+/g, " ").trim();
  return cut && shown.length <= EXCERPT_LENGTH ? `${shown}…` : limitText(shown, EXCERPT_LENGTH);
}

/** `text` cut to `max` characters (default {@link MESSAGE_LENGTH}) plus `…`, never in the middle of a surrogate pair. */
export function limitText(text: string, max: number = MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for max <= 0 text[max - 1] is undefined, which the regex reads as "undefined": no high surrogate, end is max either way
  const end = max > 0 && /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * JSON text of `value`, stopping soon after `max` characters instead of writing it all, with the
 * value of every secret member `[REDACTED]` (see {@link redactSecrets}). Cycles become
 * `"[Circular]"` and objects nested deeper than 32 levels `"[…]"`. Parsed JSON comes out as
 * JSON.stringify writes it; other values as a reader would want them: `1n`, `NaN`, `undefined`,
 * `Symbol(x)`, `function`. Throws what a getter or proxy throws.
 */
export function boundedJson(value: unknown, max: number): string {
  let text = "";
  const ancestors = new Set<object>();
  const write = (v: unknown, depth: number): void => {
    if (text.length > max) return;
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, slicing a string past its end gives it whole (the guard above keeps the end above 0)
    if (typeof v === "string") text += JSON.stringify(v.length > max - text.length ? v.slice(0, max - text.length + 1) : v);
    else if (typeof v === "function") text += "function";
    else if (typeof v !== "object" || v === null) text += String(v) + (typeof v === "bigint" ? "n" : "");
    else if (ancestors.has(v)) text += '"[Circular]"';
    else if (depth >= MAX_DEPTH) text += '"[…]"';
    else {
      ancestors.add(v);
      const array = Array.isArray(v);
      text += array ? "[" : "{";
      // An array by index: Object.keys would first list every index of a huge array as a string.
      const keys: Iterable<string | number> = array ? v.keys() : Object.keys(v);
      let first = true;
      for (const key of keys) {
        if (text.length > max) break;
        const item = (v as Record<string | number, unknown>)[key];
        if (!array && (item === undefined || typeof item === "function" || typeof item === "symbol")) continue;
        text += `${first ? "" : ","}${array ? "" : `${JSON.stringify(key)}:`}`;
        first = false;
        if (!array && isSecretName(key as string)) text += `"${REDACTED}"`;
        else write(item, depth + 1);
      }
      text += array ? "]" : "}";
      ancestors.delete(v);
    }
  };
  write(value, 0);
  return text;
}
