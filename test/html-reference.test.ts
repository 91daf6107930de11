// The reviewers' HTML reference (generated/reference.html, openapi-generator html2), opened in a
// real headless Chromium: the operation and every attribute of IpsecSiteConnection must be shown.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/chromium";
import { schemaProperties } from "./helpers/spec-validator";

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(pathToFileURL(join(__dirname, "../generated/reference.html")).href);
}, 60_000);
afterAll(() => browser?.close());

test("shows the getIpsecSiteConnection operation with its method and path", async () => {
  const text = await page.locator("body").innerText();
  expect(text).toContain("getIpsecSiteConnection");
  expect(text).toContain("/v2.0/vpn/ipsec-site-connections/{connection_id}");
  expect(text).toContain("curl -X GET");
});

test("shows every attribute of IpsecSiteConnection in the 200 response's rendered schema", async () => {
  // html2 renders the schema with script at load time; innerText only holds what a reader sees.
  const schema = page.locator("#responses-IpsecSiteConnections-getIpsecSiteConnection-200-schema");
  await expect(schema.count()).resolves.toBe(1);
  const text = await schema.innerText();
  expect(text).toContain("The attributes of an IPsec site connection");
  const missing = Object.keys(schemaProperties("IpsecSiteConnection")).filter((name) => !new RegExp(`^\\s*${name}:`, "m").test(text));
  expect(missing).toEqual([]);
});
