import { describeValue } from "./describe-value";
import { VpnaasValidationError } from "./errors";
import { limitText } from "./redaction";

/** Which URL is checked: the client's `baseUrl`, keystoneAuth's `authUrl`, or the network endpoint of Keystone's catalog. */
export type EndpointParameter = "baseUrl" | "authUrl" | "catalog endpoint";

// How each rejection starts and ends, and the version suffix users often copy along: Neutron's
// `/v2.0` (the operations add it), Keystone's `/v3` (the token request adds it).
const RULES: Record<EndpointParameter, { intro: string; outro: string; version: string }> = {
  baseUrl: { intro: "baseUrl must be an http(s) URL such as https://network.example.com:9696", outro: "Nothing was sent.", version: "/v2.0" },
  authUrl: { intro: "keystoneAuth needs authUrl, an http(s) URL such as https://keystone.example.com:5000/v3", outro: "Nothing was sent.", version: "/v3" },
  "catalog endpoint": { intro: "The Keystone catalog's network endpoint must be an http(s) URL", outro: "Pass baseUrl.", version: "/v2.0" },
};

// How much of a URL a message shows at most.
const SHOWN_LENGTH = 100;

/**
 * Checks an endpoint URL and returns it normalised: origin and path as the URL parser writes them,
 * without trailing slashes and without a trailing version (`/v2.0` for `baseUrl` and the catalog
 * endpoint, `/v3` for `authUrl`), so that the path the SDK appends never doubles it. A path is
 * kept (DevStack serves Neutron at `http://HOST/networking`).
 *
 * Refused, with a {@link VpnaasValidationError} that names `baseUrl` for the catalog endpoint: a
 * non-string; anything but an absolute http(s) URL; credentials in the URL (`https://user:pw@host`,
 * also a user alone), as they belong to `auth` and fetch would refuse them on every call; a query
 * or fragment, which would end up in the middle of every request's URL; a version suffix twice.
 * A message never shows credentials (`https://***@host/…`; nothing at all of a string that does
 * not parse and holds an `@`), never a query or fragment, and at most 100 characters of the rest.
 * No error keeps the value in a property or `cause`.
 */
export function checkEndpointUrl(parameter: EndpointParameter, value: unknown): string {
  const { intro, outro, version } = RULES[parameter];
  const refuse = (problem: string): never => {
    throw new VpnaasValidationError(parameter === "catalog endpoint" ? "baseUrl" : parameter, `${intro}; ${problem}. ${outro}`);
  };
  if (typeof value !== "string") return refuse(`got ${describeValue(value)}`);
  // Shown up to a `?` or `#` (what follows may be a token), and not at all with an `@` in it:
  // `mailto:user:pw@h` parses without a user name, `https://user:pw@` does not parse.
  const before = value.split(/[?#]/)[0]!;
  const shown = () => (before.includes("@") ? "something else (not shown: its @ may follow credentials)" : describeValue(before, SHOWN_LENGTH));
  // canParse, not a try around `new URL`: Node's TypeError keeps the whole input in `input`.
  if (!URL.canParse(value)) return refuse(`got ${shown()}`);
  const url = new URL(value);
  if (url.username || url.password) {
    return refuse(`got a URL with credentials in it (${limitText(`${url.protocol}//***@${url.host}${url.pathname}`, SHOWN_LENGTH)}); pass credentials with auth, never in the URL`);
  }
  // `host:9696` parses, as scheme `host:`; showing the value makes the missing https:// plain.
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse(`got ${shown()}`);
  // href, not search and hash: those are "" for a bare `?` or `#`, which the URL still has.
  if (/[?#]/.test(url.href)) return refuse(`got a URL with a query or fragment (${describeUrlSafely(value)}), which cannot be put in front of a path`);
  let path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith(version)) path = path.slice(0, -version.length).replace(/\/+$/, "");
  if (path.endsWith(version)) return refuse(`got a URL ending in ${version} twice (${describeUrlSafely(value)})`);
  return url.origin + path;
}

/**
 * `url` as an error message may name it: origin and path only, never credentials, query or
 * fragment, at most 100 characters. For a URL a server supplied (a `Location`, a catalog entry)
 * whose query may hold a token. A relative or unparseable URL keeps the part before `?`/`#`, unless
 * that holds an `@`.
 */
export function describeUrlSafely(url: string): string {
  if (!URL.canParse(url)) {
    const before = url.split(/[?#]/)[0]!;
    return before.includes("@") ? "(a URL not shown)" : limitText(before, SHOWN_LENGTH);
  }
  const { origin, protocol, pathname } = new URL(url);
  return limitText(origin === "null" ? protocol : origin + pathname, SHOWN_LENGTH);
}
