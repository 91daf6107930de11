import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";

const root = resolve(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "vpnaas-spectral-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A minimal valid document holding `schema` as components.schemas.Thing, the response of one GET,
 * with `parameter` on it; or, with `requestBody`, that schema as the body of a POST.
 */
function fragment({ schema, parameter, requestBody }: { schema?: object; parameter?: object; requestBody?: object }): object {
  const ok = { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } };
  return {
    openapi: "3.1.0",
    info: { title: "fragment", version: "1" },
    paths: {
      "/things": {
        get: { parameters: parameter ? [parameter] : [], responses: { "200": ok } },
        ...(requestBody ? { post: { requestBody: { content: { "application/json": { schema: requestBody } } }, responses: { "200": ok } } } : {}),
      },
    },
    components: { schemas: { Thing: schema ?? { type: "object" } } },
  };
}

// Spectral takes ~3 s to start, so every fragment is written first and linted in one run.
const docs: object[] = [];
let hits: Map<string, string[]>;

/** Registers `doc`; after beforeAll, returns the house-rule codes Spectral reported for it. */
function lintLater(doc: object): () => string[] {
  const file = join(dir, `doc-${docs.push(doc)}.yaml`);
  writeFileSync(file, stringify(doc));
  return () => hits.get(file) ?? [];
}

beforeAll(async () => {
  const files = docs.map((_doc, i) => join(dir, `doc-${i + 1}.yaml`));
  const run = promisify(execFile)(join(root, "node_modules/.bin/spectral"), ["lint", ...files, "-r", join(root, ".spectral.yaml"), "-f", "json"], { cwd: root });
  // Spectral exits 1 when it finds errors, which the failing fragments are meant to produce.
  const { stdout } = await run.catch((e: { stdout: string }) => e);
  hits = new Map();
  for (const r of JSON.parse(stdout) as Array<{ code: string; source: string }>) {
    if (r.code.startsWith("vpnaas-")) hits.set(r.source, [...(hits.get(r.source) ?? []), r.code]);
  }
}, 60_000);

const prop = (extra: object = {}) => ({ type: "string", maxLength: 10, description: "d", ...extra });

const cases = [
  {
    rule: "vpnaas-snake-case-properties",
    pass: fragment({ schema: { type: "object", properties: { peer_address: prop(), mtu: prop() } } }),
    fail: fragment({ schema: { type: "object", properties: { peerAddress: prop() } } }),
  },
  {
    rule: "vpnaas-property-description",
    pass: fragment({ schema: { type: "object", properties: { name: prop() } } }),
    fail: fragment({ schema: { type: "object", properties: { name: { type: "string", maxLength: 10 } } } }),
  },
  {
    rule: "vpnaas-parameter-description",
    pass: fragment({ parameter: { name: "fields", in: "query", description: "d", schema: prop() } }),
    fail: fragment({ parameter: { name: "fields", in: "query", schema: prop() } }),
  },
  {
    rule: "vpnaas-secret-format-password",
    pass: fragment({ schema: { type: "object", properties: { psk: prop({ format: "password" }), admin_password: prop({ format: "password" }) } } }),
    fail: fragment({ schema: { type: "object", properties: { psk: prop() } } }),
  },
  {
    rule: "vpnaas-secret-format-password",
    pass: fragment({ schema: { type: "object", properties: { application_credential_secret: prop({ format: "password" }) } } }),
    fail: fragment({ schema: { type: "object", properties: { application_credential_secret: prop({ format: "uuid" }) } } }),
  },
  {
    rule: "vpnaas-responses-open",
    pass: fragment({ schema: { type: "object", properties: { inner: { type: "object", description: "d", properties: { a: prop() } } } } }),
    fail: fragment({ schema: { type: "object", properties: { inner: { type: "object", description: "d", additionalProperties: false, properties: { a: prop() } } } } }),
  },
  {
    rule: "vpnaas-request-bodies-closed",
    pass: fragment({ requestBody: { type: "object", additionalProperties: false, properties: { inner: { type: "object", description: "d", additionalProperties: false, properties: { a: prop() } } } } }),
    fail: fragment({ requestBody: { type: "object", additionalProperties: false, properties: { inner: { type: "object", description: "d", properties: { a: prop() } } } } }),
  },
].map(({ rule, pass, fail }) => ({ rule, pass: lintLater(pass), fail: lintLater(fail) }));

test.each(cases)("house rule $rule passes the good fragment and flags the bad one", ({ rule, pass, fail }) => {
  expect(pass()).not.toContain(rule);
  expect(fail()).toContain(rule);
});

const pascalCase = lintLater(fragment({ schema: { type: "object", properties: { NeutronError: { type: "object", description: "d" }, BadKey: prop() } } }));

test("NeutronError, the server's real PascalCase envelope key, is the one allowed exception to snake_case", () => {
  expect(pascalCase().filter((h) => h === "vpnaas-snake-case-properties")).toHaveLength(1);
});
