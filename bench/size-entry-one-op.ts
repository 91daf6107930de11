// What a browser app ships to fetch one connection with the per-operation functions: a session
// (token auth, retries) and getIpsecSiteConnection alone; no other operation should reach the bundle.
import { createVpnaasSession, tokenAuth } from "../src";
import { getIpsecSiteConnection } from "../src/per-operation";

const session = createVpnaasSession({ baseUrl: location.origin, auth: tokenAuth("token") });
getIpsecSiteConnection(session, "851f280f-5639-4ea3-81aa-e298525ab74b").then((c) => {
  document.body.textContent = c.status;
});
