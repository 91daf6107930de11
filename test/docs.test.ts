// TypeDoc (npm run docs) documents every method of the clients: the generated ones from the spec
// (generated/operation-docs.ts), the waits and the site-to-site builder from their TSDoc.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { operations } from "../generated/operations";

const root = resolve(__dirname, "..");

interface Reflection {
  name: string;
  kind: number;
  comment?: { summary: { text: string }[] };
  children?: Reflection[];
  type?: { declaration?: { signatures?: { comment?: Reflection["comment"] }[] } };
  signatures?: { comment?: Reflection["comment"] }[];
}

test("TypeDoc gives every method of VpnaasCoreClient and VpnaasClient a description", () => {
  const out = mkdtempSync(join(tmpdir(), "vpnaas-typedoc-"));
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typedoc/bin/typedoc"), "--json", join(out, "api.json"), "--logLevel", "Error"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const api = JSON.parse(readFileSync(join(out, "api.json"), "utf8")) as Reflection;
    const all = (r: Reflection): Reflection[] => [r, ...(r.children ?? []).flatMap(all)];
    const text = (c?: Reflection["comment"]) => (c?.summary ?? []).map((p) => p.text).join("").trim();
    const described = (m: Reflection) => text(m.comment) || text(m.signatures?.[0]?.comment) || text(m.type?.declaration?.signatures?.[0]?.comment);
    for (const client of ["VpnaasCoreClient", "VpnaasClient"]) {
      const members = all(api).find((r) => r.name === client && r.children)!.children!;
      const names = members.map((m) => m.name);
      expect(names).toEqual(expect.arrayContaining([...Object.keys(operations), "waitForIpsecSiteConnection", "waitForVpnService", "createSiteToSiteVpn", "deleteSiteToSiteVpn"]));
      expect([client, members.filter((m) => !described(m)).map((m) => m.name)]).toEqual([client, []]);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
