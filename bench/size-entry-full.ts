// The same app with createVpnaasClient, whose `api` brings openapi-fetch along.
import { createVpnaasClient, tokenAuth } from "../src";

const client = createVpnaasClient({ baseUrl: location.origin, auth: tokenAuth("token") });
client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b").then((c) => {
  document.body.textContent = c.status;
});
