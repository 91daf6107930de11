#!/usr/bin/env node
// What an edit of spec/openapi.yaml changes for its consumers, by oasdiff (scripts/setup-oasdiff.sh).
//
//   npm run spec:diff                  against the last release tag (v*), or the first commit while there is none
//   npm run spec:diff -- <git-ref>     against spec/openapi.yaml at that ref
//   node scripts/spec-diff.mjs --base <file> --revision <file> [--accepted <file>]   two files (the tests use this)
//
// Prints a Markdown report to stdout: breaking changes (oasdiff level ERR), then potentially breaking
// ones (WARN), then compatible ones (INFO). Exits 1 when a breaking or potentially breaking change is
// not accepted in spec/accepted-breaking-changes.txt, or that file has a line without a reason; 2 when
// oasdiff or git fails.
//
// spec/accepted-breaking-changes.txt has one line per accepted change: the operation, the path and
// oasdiff's text of the change, then " -- " and why consumers can take it:
//   GET /v2.0/vpn/ipsec-site-connections/{connection_id} removed the enum value `tags` from ... -- no source documents it
// A line accepts the changes whose "<METHOD> <path>" and text it contains, ignoring case: oasdiff's own
// rule for its --err-ignore/--warn-ignore files, so the same file works there. A change outside the
// paths is matched by its section (`components`, `security`, `info`) and text. Lines starting with #
// and blank lines are ignored.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const SPEC = "spec/openapi.yaml";
const oasdiff = process.env.OASDIFF ?? join(root, ".cache/bin/oasdiff");
const LEVELS = { 3: "breaking", 2: "potentially breaking", 1: "compatible" };

class Failure extends Error {}
function fail(message) {
  throw new Failure(message);
}

function parseArgs(argv) {
  const args = { accepted: join(root, "spec/accepted-breaking-changes.txt") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--base" || a === "--revision" || a === "--accepted") args[a.slice(2)] = resolve(argv[++i] ?? fail(`${a} needs a file`));
    else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else args.ref = a;
  }
  return args;
}

const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** The last release tag reachable from HEAD, else the first commit. */
function defaultBase() {
  try {
    return { ref: git("describe", "--tags", "--abbrev=0", "--match", "v*"), why: "the last release tag" };
  } catch {
    const roots = git("rev-list", "--max-parents=0", "HEAD").split("\n");
    return { ref: roots[roots.length - 1], why: "the first commit (there is no release tag yet)" };
  }
}

/** The acceptance file's lines: { line, text, reason }; lines without a reason are returned apart. */
function readAccepted(file) {
  if (!existsSync(file)) return { entries: [], malformed: [] };
  const entries = [];
  const malformed = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((raw, i) => {
      const text = raw.trim();
      if (!text || text.startsWith("#")) return;
      const at = text.indexOf(" -- ");
      const reason = at < 0 ? "" : text.slice(at + 4).trim();
      if (!reason) malformed.push({ line: i + 1, text });
      else entries.push({ line: i + 1, text: text.slice(0, at), lower: text.toLowerCase(), reason });
    });
  return { entries, malformed };
}

/** oasdiff's matching rule for an ignore line (checker/ignore.go, MatchIgnore of each change kind). */
function accepts(entry, change) {
  const text = change.text.toLowerCase();
  if (change.path) {
    const firstPath = entry.lower.split(/\s+/).find((w) => w.startsWith("/"));
    return firstPath === change.path.toLowerCase() && entry.lower.includes(`${change.operation} ${change.path}`.toLowerCase()) && entry.lower.includes(text);
  }
  return entry.lower.includes(text) && entry.lower.includes(String(change.section).toLowerCase());
}

const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
const where = (c) => (c.path ? `${c.operation} ${c.path}` : c.section);

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(oasdiff)) fail(`oasdiff is not installed at ${relative(root, oasdiff)}: run \`bash scripts/setup-oasdiff.sh\` (scripts/setup.sh runs it)`);
  const scratch = mkdtempSync(join(tmpdir(), "vpnaas-spec-diff-"));
  try {
    let base = args.base;
    let revision = args.revision ?? join(root, SPEC);
    let title;
    if (!base) {
      const { ref, why } = args.ref ? { ref: args.ref, why: "the given ref" } : defaultBase();
      let spec;
      try {
        spec = git("show", `${ref}:${SPEC}`);
      } catch (e) {
        fail(`cannot read ${SPEC} at ${ref}: ${String(e.stderr ?? e.message).trim()}`);
      }
      base = join(scratch, "base.yaml");
      writeFileSync(base, `${spec}\n`);
      const short = git("rev-parse", "--short", `${ref}^{commit}`);
      title = `${SPEC}: changes since ${ref.startsWith(short) ? short : `${ref} (${short})`}, ${why}`;
    } else {
      title = `${relative(root, revision)}: changes since ${relative(root, base)}`;
    }
    let changes;
    try {
      changes = JSON.parse(execFileSync(oasdiff, ["changelog", base, revision, "--format", "json"], { cwd: scratch, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) || "[]");
    } catch (e) {
      fail(`oasdiff failed: ${String(e.stderr ?? e.message).trim()}`);
    }
    const { entries, malformed } = readAccepted(args.accepted);
    const used = new Set();
    for (const c of changes) {
      const entry = c.level >= 2 ? entries.find((e) => accepts(e, c)) : undefined;
      if (entry) {
        c.accepted = entry;
        used.add(entry);
      }
    }
    const breaking = changes.filter((c) => c.level >= 2).sort((a, b) => b.level - a.level);
    const compatible = changes.filter((c) => c.level < 2);
    const open = breaking.filter((c) => !c.accepted);
    const acceptedFile = relative(root, args.accepted);

    const out = [`# ${title}`, ""];
    out.push(
      `oasdiff ${readFileSync(join(root, "scripts/setup-oasdiff.sh"), "utf8").match(/OASDIFF_VERSION=(\S+)/)[1]}: ${changes.length} change(s), ` +
        `${breaking.filter((c) => c.level === 3).length} breaking, ${breaking.filter((c) => c.level === 2).length} potentially breaking, ${compatible.length} compatible. ` +
        (open.length ? `**${open.length} breaking change(s) not accepted** in \`${acceptedFile}\`.` : breaking.length ? `Every breaking change is accepted in \`${acceptedFile}\`.` : "Nothing breaks."),
      "",
    );
    out.push(`## Breaking changes (${breaking.length})`, "");
    if (breaking.length) {
      out.push("| | level | where | change | accepted because |", "|---|---|---|---|---|");
      for (const c of breaking) {
        out.push(`| ${c.accepted ? "accepted" : "**NOT ACCEPTED**"} | ${LEVELS[c.level]} | ${cell(where(c))} | ${cell(c.text)} (\`${c.id}\`) | ${c.accepted ? cell(c.accepted.reason) : ""} |`);
      }
    } else {
      out.push("None.");
    }
    out.push("", `## Compatible changes (${compatible.length})`, "");
    out.push(...(compatible.length ? compatible.map((c) => `- ${where(c)}: ${c.text} (\`${c.id}\`)`) : ["None."]));
    const stale = entries.filter((e) => !used.has(e));
    if (stale.length) {
      out.push("", `## Acceptances that match no change (${stale.length})`, "", `Lines of \`${acceptedFile}\` for changes no longer between the two specs (after a release, remove them):`, "");
      out.push(...stale.map((e) => `- line ${e.line}: ${e.text}`));
    }
    console.log(out.join("\n"));

    if (malformed.length) {
      for (const m of malformed) console.error(`spec:diff: ${acceptedFile}:${m.line} gives no reason (expected "<change> -- <why consumers can take it>"): ${m.text}`);
    }
    if (open.length) {
      console.error(`spec:diff: ${open.length} breaking change(s) not accepted. If each is intended, add one line per change to ${acceptedFile}:`);
      for (const line of new Set(open.map((c) => `  ${where(c)} ${c.text} -- <why consumers can take it>`))) console.error(line);
    }
    return open.length || malformed.length ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (e) {
  if (!(e instanceof Failure)) throw e;
  console.error(`spec:diff: ${e.message}`);
  process.exitCode = 2;
}
