// Type-level contract, checked by `npm run typecheck` (tsc over test/; not a jest file):
// each expect-error directive fails the type check if the line below it ever starts compiling.
import { createVpnaasClient, createVpnaasCoreClient, type IpsecSiteConnection } from "../src";

const client = createVpnaasClient({ baseUrl: "https://network.example.com:9696" });

export async function typeContract(): Promise<void> {
  const full = await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b");
  const status: "ACTIVE" | "DOWN" | "BUILD" | "ERROR" | "PENDING_CREATE" | "PENDING_UPDATE" | "PENDING_DELETE" = full.status;
  const up: boolean = full.admin_state_up;
  const interval: number = full.dpd.interval;
  const group: string | null = full.local_ep_group_id;
  // @ts-expect-error endpoint group ids may be null
  const groupString: string = full.peer_ep_group_id;
  // @ts-expect-error no such attribute
  full.peerAddress;
  // @ts-expect-error not a status the spec declares
  const wrong: IpsecSiteConnection["status"] = "UP";

  const some = await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b", { fields: ["id", "status"] });
  const id: string = some.id;
  // @ts-expect-error only the requested fields are in the result type
  some.psk;
  // @ts-expect-error fields only takes attribute names from the spec
  await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b", { fields: ["bogus"] });

  // The generated methods, typed from the spec.
  for await (const c of client.listIpsecSiteConnections({ fields: ["id", "status"], status: ["ACTIVE", "DOWN"], limit: 10 })) {
    const listed: IpsecSiteConnection["status"] = c.status;
    // @ts-expect-error only the requested fields are in the item type
    c.psk;
    void listed;
  }
  const services = await client.listVpnServices({ sort_key: ["name"], sort_dir: ["asc"] }).all();
  const router: string = services[0]!.router_id;
  // @ts-expect-error not a filter of connections
  client.listIpsecSiteConnections({ router_id: ["x"] });
  const ike = await client.createIkePolicy({ name: "ike", ike_version: "v2" });
  const ikeId: string = ike.id;
  // @ts-expect-error id is the server's: not in a create body
  await client.createIkePolicy({ id: "851f280f-5639-4ea3-81aa-e298525ab74b", name: "ike" });
  // @ts-expect-error status is the server's: not in a create body
  await client.createVpnService({ router_id: "851f280f-5639-4ea3-81aa-e298525ab74b", status: "ACTIVE" });
  await client.updateIpsecSiteConnection(ikeId, { psk: "new-secret", mtu: 1400 });
  // @ts-expect-error vpnservice_id is create-only: not in an update body
  await client.updateIpsecSiteConnection(ikeId, { vpnservice_id: "851f280f-5639-4ea3-81aa-e298525ab74b" });
  // @ts-expect-error endpoints are create-only
  await client.updateEndpointGroup(ikeId, { endpoints: ["10.0.0.0/24"] });
  const deleted: void = await client.deleteIpsecPolicy(ikeId, { ignoreMissing: true });
  const service = await client.waitForVpnService(ikeId, { status: ["ACTIVE", "DOWN"] });
  // @ts-expect-error not a status the spec declares
  await client.waitForIpsecSiteConnection(ikeId, { status: "UP" });
  void [router, deleted, service];

  const core = createVpnaasCoreClient({ baseUrl: "https://network.example.com:9696" });
  const coreSome = await core.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b", { fields: ["status"] });
  const coreStatus: IpsecSiteConnection["status"] = coreSome.status;
  // @ts-expect-error the core client has no api
  core.api;
  void [status, up, interval, group, groupString, wrong, id, coreStatus];
}

