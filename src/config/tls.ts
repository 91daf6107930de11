// Node only: a private CA, `verify: false` and client certificates, through one undici Agent per
// client. Node's global fetch takes no CA per request; undici's own fetch with its Agent does.
import { readFileSync } from "node:fs";
import { Agent, fetch as undiciFetch } from "undici";
import { VpnaasValidationError } from "../errors";
import type { TlsSettings } from "./settings";

export interface TlsFetch {
  fetch: typeof globalThis.fetch;
  /** Closes the agent (its connections); later calls fail. */
  close(): Promise<void>;
}

/**
 * Reads the files named by `tls` now (a missing or unreadable one is a VpnaasValidationError naming
 * the setting and the path, never the file's content) and returns a fetch through one Agent.
 * With `verify: false`, emits one warning naming where the settings came from.
 */
export function tlsFetch(tls: TlsSettings): TlsFetch {
  const read = (key: "cacert" | "cert" | "key"): Buffer | undefined => {
    const path = tls[key];
    if (path === undefined) return undefined;
    try {
      return readFileSync(path);
    } catch (err) {
      // Stryker disable next-line StringLiteral: equivalent, unreachable: readFileSync's errors all carry a code (ENOENT, EISDIR, ERR_INVALID_ARG_VALUE, …) on Node, Bun and Deno
      const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
      throw new VpnaasValidationError(tls.names[key] ?? key, `${tls.source}: ${tls.names[key] ?? key} file ${path} cannot be read (${code}). Nothing was sent.`);
    }
  };
  const [ca, cert, key] = [read("cacert"), read("cert"), read("key")];
  if (!tls.verify) {
    // Stryker disable next-line StringLiteral: equivalent, unreachable fallback: tlsSettingsOf sets names.verify whenever it sets verify false (this also skips the message's own mutant, which the warning test in config-tls kills)
    process.emitWarning(`${tls.source}: ${tls.names.verify ?? "verify"} turns off TLS certificate checks; anyone on the path can read and change its calls, its credentials included.`, {
      type: "SecurityWarning",
      code: "VPNAAS_TLS_VERIFY_OFF",
    });
  }
  const connect = { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }), rejectUnauthorized: tls.verify };
  // Bun's `undici` is a stand-in whose Agent sets nothing; its own fetch takes the same settings as `tls`.
  // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent under Node, where Stryker runs: the Bun-only branch, which test/config-tls.test.ts covers on Bun (npm run test:runtimes -- bun)
  if ((process.versions as { bun?: string }).bun) {
    // Stryker disable all: equivalent under Node, as above: Bun only
    let closed = false;
    const fetch = ((url: string | URL, init?: RequestInit) =>
      closed ? Promise.reject(new Error("this client is closed (close() was called)")) : globalThis.fetch(url, { ...init, tls: connect } as RequestInit)) as typeof globalThis.fetch;
    return { fetch, close: async () => void (closed = true) };
    // Stryker restore all
  }
  const agent = new Agent({ connect });
  const fetch = ((url: string | URL, init?: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as typeof globalThis.fetch;
  return { fetch, close: () => agent.close() };
}
