import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";

/** What a reviewer's browser did with an HTML reference page. */
export interface OpenedReference {
  page: Page;
  /** Uncaught exceptions of the page's scripts (a SyntaxError in an inline script is one). */
  pageErrors: string[];
  /** console.error messages (Chromium also logs failed resource loads there). */
  consoleErrors: string[];
  /** Requests for anything but the file itself (file:, data:, blob: and about: are local). */
  externalRequests: string[];
}

/**
 * Opens `file` in a new page of `browser` and waits until it has loaded and its scripts have run
 * (html2 renders the schemas in jQuery ready handlers). Everything the page's scripts throw or log
 * as an error, and every request it makes off the file, is collected.
 */
export async function openReference(browser: Browser, file: string, viewport = { width: 1400, height: 1000 }): Promise<OpenedReference> {
  const page = await browser.newPage({ viewport });
  const opened: OpenedReference = { page, pageErrors: [], consoleErrors: [], externalRequests: [] };
  page.on("pageerror", (error) => opened.pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") opened.consoleErrors.push(message.text());
  });
  page.on("request", (request) => {
    if (!/^(file|data|blob|about):/.test(request.url())) opened.externalRequests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  // jQuery's ready handlers have run once the schema views are in place; give late ones a turn too.
  await page.waitForFunction(() => document.readyState === "complete");
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  return opened;
}

/** The text of each response heading (h3 "examples-<tag>-<operationId>-title-<code>") by code. */
export async function responseHeadings(page: Page, operationId: string): Promise<Record<string, string>> {
  return page.evaluate((op) => {
    const out: Record<string, string> = {};
    for (const h of Array.from(document.querySelectorAll("h3[id]"))) {
      const m = new RegExp(`^examples-.+-${op}-title-(.+)$`).exec(h.id);
      if (m) out[m[1]!] = (h as HTMLElement).innerText.trim();
    }
    return out;
  }, operationId);
}
