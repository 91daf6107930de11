import { authRequestBody, networkEndpoint } from "../src/auth/keystone";
import { validationErrorOf } from "./helpers/auth-fixtures";

type Endpoint = { interface?: string; url?: unknown; region_id?: string; region?: string };
const network = (...endpoints: Endpoint[]) => ({ type: "network", endpoints });
const pick = (catalog: unknown[], selection: { region?: string; interface: string }) => networkEndpoint(catalog as never, selection);

describe("networkEndpoint: choosing the catalog's network endpoint", () => {
  const two = network(
    { interface: "public", url: "https://one.example.com", region_id: "RegionOne", region: "RegionOne" },
    { interface: "public", url: "https://two.example.com", region_id: "RegionTwo", region: "RegionTwo" },
  );

  test("matches the region by region_id alone (Keystone v3)", () => {
    const catalog = [network({ interface: "public", url: "https://a.example.com", region_id: "R1" }, { interface: "public", url: "https://b.example.com", region_id: "R2" })];
    expect(pick(catalog, { interface: "public", region: "R2" })).toBe("https://b.example.com");
    expect(pick(catalog, { interface: "public", region: "R1" })).toBe("https://a.example.com");
  });

  test("matches the region by the older region field alone", () => {
    const catalog = [network({ interface: "public", url: "https://a.example.com", region: "R1" }, { interface: "public", url: "https://b.example.com", region: "R2" })];
    expect(pick(catalog, { interface: "public", region: "R2" })).toBe("https://b.example.com");
  });

  test("several endpoints of the interface and no region: refused, naming the regions, parameter region", () => {
    const err = validationErrorOf(() => pick([two], { interface: "public" }));
    expect(err.parameter).toBe("region");
    expect(err.message).toContain("2 network endpoints with interface public (regions: RegionOne, RegionTwo)");
  });

  test("the interface is matched exactly, with or without the v2 catalog's URL suffix", () => {
    const catalog = [network({ interface: "internal", url: "https://in.example.com" }, { interface: "publicURL", url: "https://pub.example.com" }, { interface: "admin", url: "https://adm.example.com" })];
    expect(pick(catalog, { interface: "public" })).toBe("https://pub.example.com");
    expect(pick(catalog, { interface: "internal" })).toBe("https://in.example.com");
    expect(pick(catalog, { interface: "admin" })).toBe("https://adm.example.com");
  });

  test("only network services count; malformed services and endpoints are skipped", () => {
    const catalog = [
      null,
      { type: "identity", endpoints: [{ interface: "public", url: "https://keystone.example.com" }] },
      { type: "network", endpoints: "not a list" },
      network(null as never, { interface: "public", url: 42 }, { interface: "public" }, { interface: "public", url: "https://net.example.com" }),
    ];
    expect(pick(catalog, { interface: "public" })).toBe("https://net.example.com");
  });

  test("the same URL listed twice (with and without a trailing slash) is one endpoint", () => {
    const catalog = [network({ interface: "public", url: "https://n.example.com//", region_id: "A" }, { interface: "public", url: "https://n.example.com", region_id: "B" })];
    expect(pick(catalog, { interface: "public" })).toBe("https://n.example.com");
  });

  test("none found: refused naming the interface, the region asked and the regions there are, parameter baseUrl", () => {
    const err = validationErrorOf(() => pick([two], { interface: "public", region: "RegionThree" }));
    expect(err.parameter).toBe("baseUrl");
    expect(err.message).toContain("no network endpoint with interface public in region RegionThree (network regions: RegionOne, RegionTwo)");
    const none = validationErrorOf(() => pick([], { interface: "internal" }));
    expect(none.message).toContain("no network endpoint with interface internal;");
    expect(none.message).not.toMatch(/in region|network regions/);
  });

  test("an endpoint that names no interface is read as interface \"\": taken only when that is asked for, never for public", () => {
    const catalog = [network({ url: "https://no-interface.example.com" })];
    expect(pick(catalog, { interface: "" })).toBe("https://no-interface.example.com");
    expect(validationErrorOf(() => pick(catalog, { interface: "public" })).message).toContain("no network endpoint with interface public");
  });

  test("an endpoint's interface loses only a trailing URL: URLpublic is not public", () => {
    const catalog = [network({ interface: "URLpublic", url: "https://odd.example.com" })];
    expect(validationErrorOf(() => pick(catalog, { interface: "public" })).message).toContain("no network endpoint with interface public");
  });

  test("the regions an error names are read from region_id or, without it, the older region field", () => {
    const catalog = [network({ interface: "public", url: "https://a.example.com", region_id: "R1" }, { interface: "public", url: "https://b.example.com", region: "R2" })];
    expect(validationErrorOf(() => pick(catalog, { interface: "public" })).message).toContain("(regions: R1, R2); pass region or baseUrl");
    expect(validationErrorOf(() => pick(catalog, { interface: "public", region: "R3" })).message).toContain("in region R3 (network regions: R1, R2);");
  });

  test("an endpoint that is not http(s) is refused", () => {
    for (const url of ["ftp://n.example.com", "file:///etc/passwd", "javascript:alert(1)"]) {
      const err = validationErrorOf(() => pick([network({ interface: "public", url })], { interface: "public" }));
      expect(err.message).toMatch(/network endpoint must be an http\(s\) URL/);
    }
  });
});

describe("authRequestBody: the token request", () => {
  test("a user id needs no domain; a project id no project domain", () => {
    expect(authRequestBody({ authUrl: "x", userId: "u1", password: "pw", projectId: "p1" })).toEqual({
      auth: { identity: { methods: ["password"], password: { user: { id: "u1", password: "pw" } } }, scope: { project: { id: "p1" } } },
    });
  });

  test("a project named without its domain is looked up in the user's domain, by id or by name", () => {
    const byId = authRequestBody({ authUrl: "x", username: "u", userDomainId: "d1", password: "pw", projectName: "p" }) as any;
    expect(byId.auth.identity.password.user).toEqual({ name: "u", domain: { id: "d1" }, password: "pw" });
    expect(byId.auth.scope.project).toEqual({ name: "p", domain: { id: "d1" } });
    const byName = authRequestBody({ authUrl: "x", username: "u", userDomainName: "Default", password: "pw", projectName: "p" }) as any;
    expect(byName.auth.scope.project).toEqual({ name: "p", domain: { name: "Default" } });
    const own = authRequestBody({ authUrl: "x", username: "u", userDomainName: "Default", password: "pw", projectName: "p", projectDomainName: "Other" }) as any;
    expect(own.auth.scope.project).toEqual({ name: "p", domain: { name: "Other" } });
    const ownId = authRequestBody({ authUrl: "x", username: "u", userDomainName: "Default", password: "pw", projectName: "p", projectDomainId: "pd" }) as any;
    expect(ownId.auth.scope.project).toEqual({ name: "p", domain: { id: "pd" } });
  });

  test("a project's own domain name wins over the user's domain id", () => {
    const body = authRequestBody({ authUrl: "x", username: "u", userDomainId: "d1", password: "pw", projectName: "p", projectDomainName: "Other" }) as any;
    expect(body.auth.scope.project).toEqual({ name: "p", domain: { name: "Other" } });
  });

  test.each([
    ["projectDomainId", { userDomainName: "Default", projectDomainId: "" }],
    ["projectDomainName", { userDomainId: "d1", projectDomainName: "" }],
  ])("an empty %s is refused as missing, not replaced by the user's domain", (_name, domains) => {
    const err = validationErrorOf(() => authRequestBody({ authUrl: "x", username: "u", password: "pw", projectName: "p", ...domains }));
    expect(err.parameter).toBe("projectDomainName");
    expect(err.message).toMatch(/missing projectDomainName or projectDomainId \(for projectName\)/);
  });

  test("an application credential", () => {
    expect(authRequestBody({ authUrl: "x", applicationCredentialId: "ac", applicationCredentialSecret: "s" })).toEqual({
      auth: { identity: { methods: ["application_credential"], application_credential: { id: "ac", secret: "s" } } },
    });
  });

  test.each([
    ["nothing", {}, "credentials", /missing credentials: password/],
    ["a password without user", { password: "pw", projectId: "p" }, "username", /missing username or userId\. Nothing was sent\.$/],
    ["a user name without domain", { username: "u", password: "pw", projectId: "p" }, "userDomainName", /missing userDomainName or userDomainId \(for username\)/],
    ["no project", { userId: "u", password: "pw" }, "projectName", /missing projectName or projectId/],
    ["a project name without any domain", { userId: "u", password: "pw", projectName: "p" }, "projectDomainName", /projectDomainName or projectDomainId \(for projectName\)/],
    ["no password", { userId: "u", projectId: "p" }, "password", /missing password/],
    ["only the credential id", { applicationCredentialId: "ac" }, "applicationCredentialSecret", /missing applicationCredentialSecret/],
    ["only the credential secret", { applicationCredentialSecret: "s" }, "applicationCredentialId", /missing applicationCredentialId\b/],
    ["both kinds", { applicationCredentialId: "ac", applicationCredentialSecret: "s", userId: "u", password: "pw" }, "credentials", /incomplete: contradictory: both an application credential and a password \(pass one of them\)\. Nothing/],
    ["name and id twice", { username: "u", userId: "u", password: "pw", userDomainName: "D", userDomainId: "d", projectId: "p" }, "credentials", /contradictory: both username and userId; both userDomainName and userDomainId\./],
    ["a project twice", { userId: "u", password: "pw", projectName: "p", projectId: "p", projectDomainName: "D", projectDomainId: "d" }, "credentials", /both projectName and projectId; both projectDomainName and projectDomainId/],
    ["missing and contradictory", { username: "u", userId: "u", projectId: "p" }, "password", /missing password\. contradictory: both username and userId\./],
  ])("refuses %s, naming what is wrong", (_label, options, parameter, message) => {
    const err = validationErrorOf(() => authRequestBody({ authUrl: "x", ...options } as never));
    expect(err.parameter).toBe(parameter);
    expect(err.message).toMatch(/^keystoneAuth settings are incomplete: /);
    expect(err.message).toMatch(message);
  });
});
