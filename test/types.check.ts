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

  const core = createVpnaasCoreClient({ baseUrl: "https://network.example.com:9696" });
  const coreSome = await core.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b", { fields: ["status"] });
  const coreStatus: IpsecSiteConnection["status"] = coreSome.status;
  // @ts-expect-error the core client has no api
  core.api;
  void [status, up, interval, group, groupString, wrong, id, coreStatus];
}

