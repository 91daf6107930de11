import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";

/**
 * The authorities spec/openapi.yaml cites. Its info.description pins the Debian packages, e.g.
 * "neutron-lib 3.1.0 (`python3-neutron-lib` 3.1.0-2)"; each description then cites, after
 * "Authority:", a package and version, a file of it, and names in that file, e.g.
 * "neutron-lib 3.1.0 `neutron_lib/api/definitions/vpn.py`, `RESOURCE_ATTRIBUTE_MAP['ipsec_site_connections']['mtu']`",
 * and captures by file name, e.g. "capture `get-connection-200.json`".
 */
export interface Citation {
  /** Where in the spec (a JSON pointer). */
  at: string;
  project: string;
  version: string;
  /** Relative to the packages' root, /usr/lib/python3/dist-packages. */
  file: string;
  /** Backticked names cited from the file, e.g. `IPsecSiteConnection.mtu`. */
  names: string[];
}

export interface ProvenanceReport {
  /** How many descriptions correct the source page. */
  corrections: number;
  /** JSON pointers of descriptions with "Correction of the source page:" but no "Authority:". */
  correctionsWithoutAuthority: string[];
  /** JSON pointers of "Authority:" that cite no package file and no capture. */
  emptyAuthorities: string[];
  citations: Citation[];
  /** Citations whose project and version are not among the packages info.description pins. */
  unknownPackages: string[];
  /** Every capture file name cited anywhere (relative to test/fixtures/neutron-captures, e.g. `ikepolicies/create-201.json`). */
  captures: string[];
  /** Checks the installed packages: versions as pinned, each file present, each name's words in it. Returns what fails. */
  verifyInstalled(root?: string): string[];
}

const PROJECT = /\b(neutron-lib|neutron-vpnaas|neutron|keystonemiddleware|WebOb)\s+(\d+(?:\.\d+)+)\b/g;
const PIN = /\b(neutron-lib|neutron-vpnaas|neutron|keystonemiddleware|WebOb)\s+(\d+(?:\.\d+)+)\s+\(`([a-z0-9.+-]+)`\s+([^)\s]+)\)/g;
const CAPTURE = /`((?:[a-z0-9-]+\/)?[a-z0-9-]+\.json)`/g;

/** Every string `description` in `doc`, with its JSON pointer. */
function descriptions(node: unknown, at = ""): Array<{ at: string; text: string }> {
  if (Array.isArray(node)) return node.flatMap((v, i) => descriptions(v, `${at}/${i}`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === "description" && typeof v === "string" ? [{ at, text: v }] : descriptions(v, `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`),
  );
}

export function checkProvenance(spec: Record<string, any>): ProvenanceReport {
  const pins = [...String(spec.info.description).matchAll(PIN)].map((m) => ({ project: m[1]!, version: m[2]!, deb: m[3]!, debVersion: m[4]! }));
  const all = descriptions(spec);
  // The spec's own explanation of the convention quotes the two markers; quoted markers are not uses.
  const uses = (text: string, marker: string) => text.split(marker).length - 1 - (text.split(`"${marker}`).length - 1);
  const corrections = all.filter((d) => uses(d.text, "Correction of the source page:") > 0);
  const citations: Citation[] = [];
  const emptyAuthorities: string[] = [];
  for (const d of all) {
    for (const part of authorityClauses(d.text)) {
      const found = citeIn(part, d.at);
      citations.push(...found);
      if (found.length === 0 && !CAPTURE.test(part)) emptyAuthorities.push(d.at);
      CAPTURE.lastIndex = 0;
    }
  }
  const captures = [...new Set(all.flatMap((d) => [...d.text.matchAll(CAPTURE)].map((m) => m[1]!)))].sort();
  const known = (c: Citation) => pins.some((p) => p.project === c.project && p.version === c.version);
  return {
    corrections: corrections.length,
    correctionsWithoutAuthority: corrections.filter((d) => !/(?<!")Authority:/.test(d.text)).map((d) => d.at),
    emptyAuthorities,
    citations,
    unknownPackages: citations.filter((c) => !known(c)).map((c) => `${c.at}: ${c.project} ${c.version}`),
    captures,
    verifyInstalled(root = "/usr/lib/python3/dist-packages") {
      const failures: string[] = [];
      for (const pin of pins) {
        let installed = "";
        try {
          installed = execFileSync("dpkg-query", ["-W", "-f=${Version}", pin.deb], { encoding: "utf8" });
        } catch {
          installed = "(not installed)";
        }
        if (installed !== pin.debVersion) failures.push(`${pin.deb}: the spec pins ${pin.debVersion}, installed ${installed}`);
      }
      for (const c of citations) {
        const path = join(root, c.file);
        if (!existsSync(path)) {
          failures.push(`${c.at}: ${c.project} ${c.version} has no ${c.file}`);
          continue;
        }
        const text = readFileSync(path, "utf8");
        for (const name of c.names) {
          const missing = words(name).filter((w) => !text.includes(w));
          if (missing.length) failures.push(`${c.at}: ${c.file} does not contain ${missing.join(", ")} (cited as \`${name}\`)`);
        }
      }
      return failures;
    },
  };
}

/**
 * The text of each "Authority:" clause of `text` (not the quoted marker): up to the end of its
 * sentence (". " and a letter, outside backticks), of its paragraph, or of the parenthesis it opened in.
 */
function authorityClauses(text: string): string[] {
  const out: string[] = [];
  const marker = /(?<!")Authority:/g;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    let depth = 0;
    let ticked = false;
    let end = m.index + m[0].length;
    for (; end < text.length; end++) {
      const ch = text[end]!;
      if (ch === "`") ticked = !ticked;
      if (ticked) continue;
      if (ch === "(") depth++;
      if (ch === ")" && --depth < 0) break;
      if (ch === "." && /^\.\s+[A-Za-z]/.test(text.slice(end, end + 3))) break;
      if (ch === "\n" && text[end + 1] === "\n") break;
    }
    out.push(text.slice(m.index + m[0].length, end));
  }
  return out;
}

/**
 * The citations of one "Authority:" clause: each project and version opens a citation; a backticked
 * `x/y.py` or `y.py` after it names a file of that project (a bare `y.py` is beside the previous
 * file); other backticked text names something in the current file. Captures (`.json`) are not names.
 */
function citeIn(clause: string, at: string): Citation[] {
  const out: Citation[] = [];
  const projects = [...clause.matchAll(PROJECT)];
  projects.forEach((m, i) => {
    const segment = clause.slice(m.index! + m[0].length, projects[i + 1]?.index ?? clause.length);
    let current: Citation | undefined;
    for (const tick of segment.matchAll(/`([^`]+)`/g)) {
      const text = tick[1]!;
      if (/\.json$/.test(text)) {
        current = undefined; // what follows a capture describes the capture
        continue;
      }
      if (/^[\w/]+\.py$/.test(text)) {
        const previous = out[out.length - 1];
        const file = text.includes("/") || !previous ? text : posix.join(dirname(previous.file), text);
        current = { at, project: m[1]!, version: m[2]!, file, names: [] };
        out.push(current);
      } else if (current) {
        current.names.push(text);
      }
    }
  });
  return out;
}

/** The words of a cited name that its file must contain: identifiers and quoted keys, not numbers or punctuation. */
function words(name: string): string[] {
  return (name.match(/[A-Za-z_][\w]*/g) ?? []).filter((w) => w.length > 1);
}
