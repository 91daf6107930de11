import type { OperationSpec } from "../../generated/operations";
import { type CallOptions, callEnvelope, type Envelope } from "../call";
import type { ClientStack } from "../pipeline";
import { requestOf } from "./engine";

/**
 * What a `list…` call returns: the items of every page, fetched one page at a time as they are
 * iterated (`query.limit` is the page size). A page is let go once its items are handed on.
 */
export interface Listing<T> extends AsyncIterable<T> {
  /** The pages, each the array of its items, following Neutron's `next` links. */
  pages(): AsyncIterable<T[]>;
  /** Every item of every page, in one array. */
  all(): Promise<T[]>;
}

/**
 * A lazy listing. The query is checked at once (a `VpnaasValidationError` is thrown by the call
 * itself, before anything is sent); pages are requested only as they are iterated.
 *
 * A `next` link is followed safely: only its query string is used, on the client's own endpoint
 * and the operation's own path; its scheme and host are never contacted. A link whose path is not
 * the operation's is refused with a `VpnaasResponseError`, as is one to a page already listed
 * (which would loop for ever).
 */
export function listOperation<T>(stack: ClientStack, spec: OperationSpec, query: unknown, options: CallOptions = {}): Listing<T> {
  const { response } = spec;
  if (response.kind !== "list") throw new TypeError(`${spec.method} ${spec.path} does not answer with a list`);
  const { key, links } = response;
  // Stryker disable next-line ArrayDeclaration: equivalent, a list has no path parameter (kindOf refuses one that has), so no id is read
  const first = requestOf(spec, [], query).path;
  async function* pages(): AsyncGenerator<T[]> {
    // The pages asked for so far, as path and query: a server that links back to one (A → B → A)
    // would have the listing loop for ever. Strings only; the pages themselves are not kept.
    const listed = new Set<string>();
    for (let path: string | undefined = first; path !== undefined; ) {
      listed.add(path);
      const { envelope, fail } = await callEnvelope(stack, { method: spec.method, path }, options);
      const items = envelope[key];
      if (!Array.isArray(items)) throw fail(`the JSON body has no "${key}" array`);
      const next = nextPath(spec.path, listed, envelope[links], fail);
      yield items as T[];
      path = next;
    }
  }
  return {
    pages,
    // By hand rather than `yield*`: an async generator awaits each item it yields, a cost per item
    // that shows in a long listing. For the same reason an item of the page at hand is handed on
    // in a promise made resolved, without an async function's turn; only a new page is awaited.
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = pages();
      let page: T[] = [];
      let at = 0;
      const nextPage = async (): Promise<IteratorResult<T>> => {
        while (at >= page.length) {
          const step = await source.next();
          if (step.done) return { value: undefined, done: true };
          [page, at] = [step.value, 0];
        }
        return { value: page[at++]!, done: false };
      };
      return {
        next() {
          // Stryker disable next-line ConditionalExpression: equivalent when false, nextPage hands on an item of the page at hand too (its loop does not run), a turn later
          return at < page.length ? Promise.resolve({ value: page[at++]!, done: false }) : nextPage();
        },
        async return() {
          await source.return(undefined);
          return { value: undefined, done: true };
        },
      };
    },
    async all() {
      const all: T[] = [];
      for await (const page of pages()) all.push(...page);
      return all;
    },
  };
}

/**
 * The path and query of the next page, from the `next` link among `links`, or undefined on the last
 * page. A link to a page already `listed` is refused.
 */
export function nextPath(opPath: string, listed: ReadonlySet<string>, links: unknown, fail: Envelope["fail"]): string | undefined {
  if (links === undefined || links === null) return undefined;
  if (!Array.isArray(links)) throw fail("its links are not an array");
  const next = links.find((l) => typeof l === "object" && l !== null && (l as { rel?: unknown }).rel === "next") as { href?: unknown } | undefined;
  if (!next) return undefined;
  let url: URL;
  try {
    // Stryker disable next-line StringLiteral: equivalent, the catch below drops this error for fail()'s own message
    if (typeof next.href !== "string") throw new TypeError("not a string");
    url = new URL(next.href, "http://link.invalid");
  } catch {
    throw fail("its next link has no valid href");
  }
  // The endpoint may have a path of its own (`/networking`), which the server puts before the operation's.
  if (!url.pathname.endsWith(opPath)) throw fail(`its next link's path is not ${opPath}; not followed`);
  const path = opPath + url.search;
  if (listed.has(path)) throw fail("its next link names a page already listed (the listing would loop for ever); not followed");
  return path;
}
