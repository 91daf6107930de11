import { describeValue } from "./describe-value";
import { VpnaasValidationError } from "./errors";
import { limitText } from "./redaction";

/** Which URL is checked: the client's `baseUrl`, keystoneAuth's `authUrl`, or the network endpoint of Keystone's catalog. */
export type EndpointParameter = "baseUrl" | "authUrl" | "catalog endpoint";

// How a rejection starts. It ends with "Nothing was sent." (for the catalog endpoint: "Pass baseUrl.").
// baseUrl's apart: a bundle without keystoneAuth needs only it, and drops the table.
const BASE_URL_INTRO = "baseUrl must be an http(s) URL such as https://network.example.com:9696";
const INTRO: Record<EndpointParameter, string> = {
  baseUrl: BASE_URL_INTRO,
  authUrl: "keystoneAuth needs authUrl, an http(s) URL such as https://keystone.example.com:5000/v3",
  "catalog endpoint": "The Keystone catalog's network endpoint must be an http(s) URL",
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
  return checkUrl(parameter, INTRO[parameter], value);
}

/** {@link checkEndpointUrl} of `baseUrl`, without the texts only keystoneAuth's URLs need. */
export const checkBaseUrl = (value: unknown): string => checkUrl("baseUrl", BASE_URL_INTRO, value);

function checkUrl(parameter: EndpointParameter, intro: string, value: unknown): string {
  const catalog = parameter === "catalog endpoint";
  const refuse = (problem: string): never => {
    throw new VpnaasValidationError(catalog ? "baseUrl" : parameter, `${intro}; ${problem}. ${catalog ? "Pass baseUrl." : "Nothing was sent."}`);
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
  // What users copy along: Neutron's version (the operations add it), or Keystone's (the token request adds it).
  const version = parameter === "authUrl" ? "/v3" : "/v2.0";
  const where = limitText(url.origin + url.pathname, SHOWN_LENGTH);
  // href, not search and hash: those are "" for a bare `?` or `#`, which the URL still has.
  if (/[?#]/.test(url.href)) return refuse(`got a URL with a query or fragment (${where}), which cannot be put in front of a path`);
  let path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith(version)) path = path.slice(0, -version.length).replace(/\/+$/, "");
  if (path.endsWith(version)) return refuse(`got a URL ending in ${version} twice (${where})`);
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
