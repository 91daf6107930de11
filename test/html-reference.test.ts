// The reviewers' HTML reference (generated/reference.html: openapi-generator html2 with the templates
// of scripts/html2-templates/), opened in a real headless Chromium as a reviewer would open it. The
// page must run without a script error, show a heading for every response code of the spec, every
// example, the servers, one sample request per security scheme, and no generator defaults. A
// screenshot of the whole page is saved to .cache/reference.png for a person to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./helpers/chromium";
import { openReference, responseHeadings, type OpenedReference } from "./helpers/reference-page";
import { schemaProperties, spec } from "./helpers/spec-validator";

const root = resolve(__dirname, "..");
type Json = Record<string, any>;

/** `#/components/...` → the node it points to. */
const deref = (node: Json): Json => (typeof node?.$ref === "string" ? node.$ref.slice(2).split("/").reduce((n: Json, k: string) => n[k], spec) : node);

/** Every operation of the spec with its response codes and its responses' named examples. */
const operations = Object.values<Json>(spec.paths).flatMap((item) =>
  Object.values<Json>(item).map((op) => ({
    operationId: op.operationId as string,
    codes: Object.keys(op.responses),
    examples: Object.entries<Json>(op.responses).flatMap(([code, response]) =>
      Object.entries<Json>(deref(response).content?.["application/json"]?.examples ?? {}).map(([name, example]) => ({ code, name, value: deref(example).value })),
    ),
  })),
);

let browser: Browser;
let reference: OpenedReference;
beforeAll(async () => {
  browser = await launchChromium();
  reference = await openReference(browser, join(root, "generated/reference.html"));
  mkdirSync(join(root, ".cache"), { recursive: true });
  await reference.page.screenshot({ path: join(root, ".cache/reference.png"), fullPage: true });
}, 60_000);
afterAll(() => browser?.close());

describe("generated/reference.html in Chromium", () => {
  test("runs without a script error or console error, and requests nothing off the file", () => {
    expect(reference.pageErrors).toEqual([]);
    expect(reference.consoleErrors).toEqual([]);
    expect(reference.externalRequests).toEqual([]);
  });

  test.each(operations)("$operationId: every response code of the spec has its heading", async ({ operationId, codes }) => {
    const headings = await responseHeadings(reference.page, operationId);
    expect(Object.keys(headings).sort()).toEqual([...codes].sort());
    for (const code of codes) expect([code, headings[code]]).toEqual([code, `Status: ${code}`]);
    // The description under each heading is rendered, not left empty.
    for (const code of codes) {
      const description = await reference.page.locator(`[id$="-${operationId}-description-${code}"]`).innerText();
      expect([code, description.trim().length > 10]).toEqual([code, true]);
    }
  });

  test("every example of every response is on the page, as the spec has it", async () => {
    const examples = operations.flatMap((op) => op.examples.map((e) => ({ ...e, operationId: op.operationId })));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const { operationId, code, name, value } of examples) {
      const block = reference.page.locator(`[id="example-${operationId}-${code}-${name}"]`);
      await expect(block.count()).resolves.toBe(1);
      expect([name, JSON.parse(await block.locator("pre").innerText())]).toEqual([name, value]);
    }
  });

  test("shows the operation, its path, and every server of the spec", async () => {
    const text = await reference.page.locator("body").innerText();
    expect(text).toContain("getIpsecSiteConnection");
    expect(text).toContain("/v2.0/vpn/ipsec-site-connections/{connection_id}");
    for (const server of spec.servers as Json[]) expect(text).toContain(server.url);
  });

  test("the curl sample: one command per security scheme, each sending that scheme's header only", async () => {
    const curl = await reference.page.locator('[id$="-getIpsecSiteConnection-0-curl"]').innerText();
    const commands = curl.split(/\n\s*\n/).filter((c) => c.includes("curl "));
    const schemes = Object.values<Json>(spec.components.securitySchemes).map((s) => s.name as string);
    expect(commands).toHaveLength(schemes.length);
    commands.forEach((command, i) => {
      expect(command).toContain("curl -X GET");
      expect(schemes.filter((header) => command.includes(`-H "${header}:`))).toEqual([schemes[i]]);
    });
    expect(curl).not.toMatch(/\?\w+=["&]/); // no query parameter without a value ("?fields=")
  });

  test("Markdown in descriptions is rendered once: `?fields=id&fields=name`, not `&amp;`", async () => {
    const text = await reference.page.locator("body").innerText();
    expect(text).toContain("?fields=id&fields=name");
    expect(text).not.toContain("&amp;");
  });

  test("the footer shows the spec's contact and license, not html2's defaults", async () => {
    const footer = await reference.page.locator("#footer").innerText();
    expect(footer).toContain(spec.info.contact.url);
    expect(footer).toContain(spec.info.license.name);
    expect(footer).not.toMatch(/openapitools\.org|apache\.org/);
    expect(await reference.page.content()).not.toContain("team@openapitools.org");
  });

  test("the 200 response's rendered schema shows every attribute of IpsecSiteConnection", async () => {
    // html2 renders the schema with script at load time; innerText only holds what a reader sees.
    const schema = reference.page.locator("#responses-IpsecSiteConnections-getIpsecSiteConnection-200-schema");
    await expect(schema.count()).resolves.toBe(1);
    const text = await schema.innerText();
    expect(text).toContain("any of:");
    const missing = Object.keys(schemaProperties("IpsecSiteConnection")).filter((name) => !new RegExp(`^\\s*${name}:`, "m").test(text));
    expect(missing).toEqual([]);
    expect(text).toContain("Nullable"); // local_id and the endpoint group ids
    expect(text).toMatch(/minimum:0 maximum:2147483647/); // mtu's 0 shown
  });
});

// The checks above must catch the defects this page had. html2's own templates, on the same spec,
// produce a page whose response descriptions with backticks break their inline scripts.
describe("html2's own templates (what generated/reference.html was before scripts/html2-templates)", () => {
  let original: OpenedReference;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vpnaas-html2-original-"));
    execFileSync(join(root, "node_modules/.bin/openapi-generator-cli"), ["generate", "-g", "html2", "-i", join(root, "spec/openapi.yaml"), "-o", dir], { cwd: root, stdio: "ignore" });
    original = await openReference(browser, join(dir, "index.html"));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the script-error check fails on them: Chromium reports the SyntaxError", () => {
    expect(original.pageErrors.join("\n")).toMatch(/SyntaxError|Unexpected identifier/);
  });

  test("the heading check fails on them: responses whose description has a backtick get no heading", async () => {
    const headings = await responseHeadings(original.page, "getIpsecSiteConnection");
    const withBacktick = Object.keys(headings).filter((code) => deref(spec.paths["/v2.0/vpn/ipsec-site-connections/{connection_id}"].get.responses[code]).description.includes("`"));
    expect(withBacktick.length).toBeGreaterThan(0);
    for (const code of withBacktick) expect([code, headings[code]]).toEqual([code, ""]);
  });

  test("the request check fails on them: they load a web font from Google", () => {
    expect(original.externalRequests.join("\n")).toContain("fonts.googleapis.com");
  });
});
