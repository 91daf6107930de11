import { VpnaasResponseError } from "../src";
import { nextPath } from "../src/operations/list";

const OP = "/v2.0/vpn/ikepolicies";
const exchange = { method: "GET", url: "https://n.example.com/v2.0/vpn/ikepolicies", status: 200, statusText: "OK", requestId: undefined };
const fail = (problem: string) => new VpnaasResponseError(exchange, problem, "", undefined);
const next = (href: unknown, rel: unknown = "next") => [{ rel: "previous", href: `https://x${OP}?marker=a&page_reverse=True` }, { rel, href }];

describe("nextPath: the page after this one, from Neutron's links", () => {
  test.each<[string, unknown, string | undefined]>([
    ["no links: the last page", undefined, undefined],
    ["null links: the last page", null, undefined],
    ["no next link: the last page", [{ rel: "previous", href: `${OP}?marker=a` }], undefined],
    ["malformed entries are skipped", [null, 7, { rel: "next", href: `https://n.example.com${OP}?marker=m1&limit=2` }], `${OP}?marker=m1&limit=2`],
    ["only the query of an absolute link is used, on the operation's path", next(`https://evil.example.com:8443${OP}?marker=m2`), `${OP}?marker=m2`],
    ["a link under the endpoint's own path", next(`http://h/networking${OP}?marker=m3`), `${OP}?marker=m3`],
    ["a relative link", next(`${OP}?marker=m4`), `${OP}?marker=m4`],
    ["a link without a query", next(`https://n.example.com${OP}`), OP],
  ])("%s", (_label, links, expected) => {
    expect(nextPath(OP, new Set([`${OP}?limit=2`]), links, fail)).toBe(expected);
  });

  test.each<[string, unknown, string]>([
    ["links that are not a list", { rel: "next" }, "its links are not an array"],
    ["a next link without href", [{ rel: "next" }], "its next link has no valid href"],
    ["a next link whose href is not a string", next(42), "its next link has no valid href"],
    ["a next link that does not parse", next("http://[::1"), "its next link has no valid href"],
    ["a next link to another path", next("https://n.example.com/v2.0/vpn/vpnservices?marker=m"), `its next link's path is not ${OP}; not followed`],
    ["a next link to a path that only starts like it", next(`https://n.example.com${OP}/extra?marker=m`), `its next link's path is not ${OP}; not followed`],
    ["a next link to the same page", next(`https://n.example.com${OP}?limit=2`), "its next link names a page already listed (the listing would loop for ever); not followed"],
    ["a next link to an earlier page", next(`https://n.example.com${OP}?limit=2&marker=m0`), "its next link names a page already listed (the listing would loop for ever); not followed"],
  ])("refuses %s", (_label, links, problem) => {
    expect(() => nextPath(OP, new Set([`${OP}?limit=2&marker=m0`, `${OP}?limit=2`]), links, fail)).toThrow(problem);
  });
});
