import { chromium, type Browser } from "playwright-core";

/**
 * Launches Debian's Chromium headless. Background networking is off: this machine's network is
 * closed, and Chromium's own update/sync traffic would only produce refused connections.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
