// Type-level contract of vpnaas-sdk/operations, checked by `npm run typecheck` (not a jest file):
// each function is typed as the client's method, with the session first.
import { createVpnaasSession, type IpsecSiteConnection } from "../src";
import { createIkePolicy, deleteVpnService, getIpsecSiteConnection, listVpnServices, waitForIpsecSiteConnection } from "../src/per-operation";

const session = createVpnaasSession({ baseUrl: "https://network.example.com:9696" });
const ID = "851f280f-5639-4ea3-81aa-e298525ab74b";

export async function perOperationContract(): Promise<void> {
  const full: IpsecSiteConnection = await getIpsecSiteConnection(session, ID);
  const some = await getIpsecSiteConnection(session, ID, { fields: ["id", "status"] });
  const status: IpsecSiteConnection["status"] = some.status;
  // @ts-expect-error only the requested fields are in the result type
  some.psk;
  // @ts-expect-error fields only takes attribute names from the spec
  await getIpsecSiteConnection(session, ID, { fields: ["bogus"] });
  // @ts-expect-error the session comes first
  await getIpsecSiteConnection(ID);
  for await (const s of listVpnServices(session, { fields: ["router_id"], limit: 10 })) {
    const router: string = s.router_id;
    // @ts-expect-error only the requested fields are in the item type
    s.name;
    void router;
  }
  const ike = await createIkePolicy(session, { name: "ike", ike_version: "v2" });
  const ikeId: string = ike.id;
  // @ts-expect-error not an IKE version the spec declares
  await createIkePolicy(session, { ike_version: "v3" });
  const gone: void = await deleteVpnService(session, ID, { ignoreMissing: true });
  const up = await waitForIpsecSiteConnection(session, ID, { status: "ACTIVE" });
  // @ts-expect-error not a status the spec declares
  await waitForIpsecSiteConnection(session, ID, { status: "UP" });
  void [full, status, ikeId, gone, up];
}
