// Reference point: openapi-fetch alone doing the same GET.
import createClient from "openapi-fetch";
import type { paths } from "../generated/openapi";

createClient<paths>({ baseUrl: location.origin })
  .GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: "851f280f-5639-4ea3-81aa-e298525ab74b" } } })
  .then(({ data }) => {
    document.body.textContent = data?.ipsec_site_connection.status ?? "";
  });
