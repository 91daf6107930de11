// Contract tests: the SDK against Prism mocking spec/openapi.yaml. Prism validates each request the
// SDK sends against the spec (parameters, security) and answers with the spec's examples or with
// data generated from its schemas, so SDK and spec cannot disagree unnoticed.
import { startPrism, type RunningPrism } from "../scripts/prism.cjs";
import { createVpnaasClient, isApiError, type VpnaasApiError } from "../src";
import { schemaValidator, spec } from "./helpers/spec-validator";

let prism: RunningPrism;
beforeAll(async () => {
  prism = await startPrism();
}, 60_000);
afterAll(() => prism?.stop());

const id = "851f280f-5639-4ea3-81aa-e298525ab74b";
const client = (headers: Record<string, string> = {}) =>
  createVpnaasClient({ baseUrl: prism.url, headers: { "X-Auth-Token": "contract-test", ...headers } });

test("returns the spec's example connection, unwrapped", async () => {
  const connection = await client().getIpsecSiteConnection(id);
  expect(connection).toEqual(spec.components.examples.SourcePageConnection.value.ipsec_site_connection);
});

test("Prism accepts the repeated fields parameter exactly as the SDK sends it", async () => {
  await expect(client().getIpsecSiteConnection(id, { fields: ["id", "name"] })).resolves.toHaveProperty("id");
});

test("Prism does validate requests: a field name outside the spec's enum is refused", async () => {
  const url = `${prism.url}/v2.0/vpn/ipsec-site-connections/${id}`;
  const good = await fetch(`${url}?fields=id`, { headers: { "X-Auth-Token": "t" } });
  const bad = await fetch(`${url}?fields=bogus`, { headers: { "X-Auth-Token": "t" } });
  // Prism's own refusal (422): the spec declares no 400, because Neutron has none for this GET (it
  // drops unknown names, capture get-connection-fields-unknown-200); the SDK refuses them before sending.
  expect([good.status, bad.status]).toEqual([200, 422]);
  await Promise.all([good.text(), bad.text()]);
});

test("data generated from the schema (10 draws) parses and validates against the spec", async () => {
  const validate = schemaValidator("IpsecSiteConnection");
  for (let i = 0; i < 10; i++) {
    const connection = await client({ Prefer: "dynamic=true" }).getIpsecSiteConnection(id);
    expect(validate(connection)).toBe(true);
  }
});

test.each([401, 403, 404, 429, 500, 503, 502, 504])("a %i declared by the spec (502 and 504 by its 5XX) becomes a VpnaasApiError", async (status) => {
  const err = (await client({ Prefer: `code=${status}` })
    .getIpsecSiteConnection(id)
    .catch((e: unknown) => e)) as VpnaasApiError;
  expect(isApiError(err)).toBe(true);
  expect(err.status).toBe(status);
});

test("without credentials Prism answers 401 as the spec's security requires", async () => {
  const anonymous = createVpnaasClient({ baseUrl: prism.url });
  const err = (await anonymous.getIpsecSiteConnection(id).catch((e: unknown) => e)) as VpnaasApiError;
  expect(err.status).toBe(401);
});
