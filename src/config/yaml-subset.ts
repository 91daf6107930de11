import { VpnaasValidationError } from "../errors";

/** Scalars stay strings (a password `123` is the string "123"); `null`, `~` and empty are undefined. */
export type YamlValue = string | undefined | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

/**
 * Parses the YAML that `clouds.yaml` files use: block mappings and sequences, plain, 'single' and
 * "double" quoted scalars, `[a, b]` flow sequences and comments. Anything else (anchors, tags,
 * block scalars, multi-line flow collections) is refused with the line number, never guessed.
 * Kept small so the Node entry point needs no YAML dependency.
 */
export function parseYamlSubset(text: string, source: string): YamlValue {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = stripComment(raw).trimEnd();
    if (content.trim() === "" || /^(---|\.\.\.)(\s|$)/.test(content)) return;
    if (/^\s*\t/.test(content)) fail(source, i + 1, "tabs are not allowed for indentation");
    lines.push({ indent: content.length - content.trimStart().length, text: content.trim(), number: i + 1 });
  });
  let next = 0;

  const block = (indent: number): YamlValue => (isItem(lines[next]!.text) ? sequence(indent) : mapping(indent));

  function mapping(indent: number): YamlValue {
    const out: Record<string, YamlValue> = Object.create(null);
    while (next < lines.length && lines[next]!.indent === indent && !isItem(lines[next]!.text)) {
      const line = lines[next++]!;
      const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"\s][^:]*?)\s*:(?:\s+(.*))?$/.exec(line.text);
      if (!match) fail(source, line.number, `expected "key: value", got ${JSON.stringify(line.text.slice(0, 40))}`);
      const key = String(scalar(match[1]!, source, line.number) ?? "");
      const rest = match[2];
      if (rest !== undefined && rest !== "") out[key] = scalar(rest, source, line.number);
      else if (next < lines.length && lines[next]!.indent > indent) out[key] = block(lines[next]!.indent);
      else if (next < lines.length && lines[next]!.indent === indent && isItem(lines[next]!.text)) out[key] = sequence(indent);
      else out[key] = undefined;
    }
    return out;
  }

  function sequence(indent: number): YamlValue {
    const out: YamlValue[] = [];
    while (next < lines.length && lines[next]!.indent === indent && isItem(lines[next]!.text)) {
      const line = lines[next]!;
      const item = line.text.slice(1).trimStart();
      if (item === "") {
        next++;
        out.push(next < lines.length && lines[next]!.indent > indent ? block(lines[next]!.indent) : undefined);
      } else if (/^[^'"[{][^:]*:(\s|$)|^("[^"]*"|'[^']*')\s*:(\s|$)/.test(item)) {
        // "- key: value" starts a mapping whose keys sit where "key" does.
        lines[next] = { indent: indent + line.text.length - item.length, text: item, number: line.number };
        out.push(mapping(lines[next]!.indent));
      } else {
        next++;
        out.push(scalar(item, source, line.number));
      }
    }
    return out;
  }

  if (lines.length === 0) return undefined;
  const value = block(lines[0]!.indent);
  if (next < lines.length) fail(source, lines[next]!.number, "unexpected indentation");
  return value;
}

const isItem = (text: string): boolean => text === "-" || text.startsWith("- ");

function scalar(text: string, source: string, line: number): YamlValue {
  if (/^[&*!|>%@`]/.test(text)) fail(source, line, `${JSON.stringify(text[0])} (anchors, aliases, tags, block scalars) is not supported in this file`);
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) fail(source, line, "unterminated double-quoted string");
    try {
      return JSON.parse(text) as string;
    } catch {
      fail(source, line, "unsupported escape in double-quoted string");
    }
  }
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) fail(source, line, "unterminated single-quoted string");
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith("[")) {
    if (!text.endsWith("]")) fail(source, line, "multi-line flow sequences are not supported");
    const inner = text.slice(1, -1).trim();
    return inner === "" ? [] : (inner.match(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,\s][^,]*/g) ?? []).map((s) => s.trim()).filter((s) => s !== "").map((s) => scalar(s, source, line));
  }
  if (text.startsWith("{")) {
    if (text.replace(/\s/g, "") === "{}") return {};
    fail(source, line, "flow mappings are not supported");
  }
  return text === "null" || text === "~" || text === "Null" || text === "NULL" ? undefined : text;
}

/** Removes a `#` comment: one at the start or after whitespace, outside quotes. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[,\-]/.test(line[i - 1]!)) quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function fail(source: string, line: number, problem: string): never {
  throw new VpnaasValidationError("clouds.yaml", `${source} line ${line}: ${problem}. Nothing was sent.`);
}
