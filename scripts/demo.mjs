// `npm start`: queries a Prism mock of spec/openapi.yaml with the built SDK and prints the
// connection, psk redacted. Everything stays on 127.0.0.1.
import { createVpnaasClient } from "../dist/index.js";
import { startPrism } from "./prism.cjs";

const prism = await startPrism();
try {
  const client = createVpnaasClient({ baseUrl: prism.url, headers: { "X-Auth-Token": "demo-token" } });
  const id = "851f280f-5639-4ea3-81aa-e298525ab74b";
  const connection = await client.getIpsecSiteConnection(id);
  console.log(`GET ${prism.url}/v2.0/vpn/ipsec-site-connections/${id} (Prism mock of spec/openapi.yaml):`);
  console.log(JSON.stringify({ ...connection, psk: "[REDACTED]" }, null, 2));
} finally {
  await prism.stop();
}
