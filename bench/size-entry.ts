// What a browser app ships to fetch one connection: the client, token auth and retries. The
// client without `api` (createVpnaasCoreClient): this app does not use openapi-fetch.
import { createVpnaasCoreClient, tokenAuth } from "../src";

const client = createVpnaasCoreClient({ baseUrl: location.origin, auth: tokenAuth("token") });
client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b").then((c) => {
  document.body.textContent = c.status;
});
