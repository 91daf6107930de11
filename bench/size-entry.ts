// A browser app that fetches one connection through the core client, which carries every
// operation's method, token auth and retries, without `api`: no openapi-fetch.
import { createVpnaasCoreClient, tokenAuth } from "../src";

const client = createVpnaasCoreClient({ baseUrl: location.origin, auth: tokenAuth("token") });
client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b").then((c) => {
  document.body.textContent = c.status;
});
