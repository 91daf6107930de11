// Generated from spec/openapi.yaml by scripts/generate.mjs (scripts/operation-docs.mjs). Do not edit.

/** One member per operation of the spec, documented from it; `M` gives each member its type. */
export interface OperationDocs<M extends Record<OperationId, unknown>> {
  /**
   * `POST /v2.0/vpn/endpoint-groups`: Create an endpoint group.
   *
   * Creates a group of endpoints of one `type`: subnet ids (`subnet`, subnets on the VPN service's
   * router, for `local_ep_group_id`) or CIDRs (`cidr`, for `peer_ep_group_id`). Neutron refuses an
   * empty `endpoints` (400 `MissingEndpointForEndpointGroup`, capture
   * `endpoint-groups/create-no-endpoints-400.json`), an invalid CIDR (400
   * `InvalidEndpointInEndpointGroup`, capture `endpoint-groups/create-bad-cidr-400.json`) and a
   * subnet it does not know (400 `NonExistingSubnetInEndpointGroup`, capture
   * `endpoint-groups/create-unknown-subnet-400.json`); it stores the endpoints of the other types
   * unchecked. Authority: neutron-vpnaas 21.0.0 `neutron_vpnaas/db/vpn/vpn_validator.py`,
   * `VpnReferenceValidator.validate_endpoint_group`.
   */
  createEndpointGroup: M["createEndpointGroup"];
  /**
   * `POST /v2.0/vpn/ikepolicies`: Create an IKE policy.
   *
   * Creates an IKE policy. Every attribute is optional: Neutron fills in the defaults
   * `IkePolicyCreate` declares (capture `ikepolicies/create-defaults-201.json`). Neutron answers 400
   * for a value outside its enum or bounds (capture `ikepolicies/create-lifetime-59-400.json`), an
   * attribute it does not know or sets itself (capture `ikepolicies/create-read-only-id-400.json`),
   * and 409 `OverQuota` beyond the project's quota (capture
   * `ikepolicies/create-over-quota-409.json`).
   */
  createIkePolicy: M["createIkePolicy"];
  /**
   * `POST /v2.0/vpn/ipsecpolicies`: Create an IPsec policy.
   *
   * Creates an IPsec policy. Every attribute is optional: Neutron fills in the defaults
   * `IpsecPolicyCreate` declares (capture `ipsecpolicies/create-defaults-201.json`). Neutron answers
   * 400 for a value outside its enum or bounds (capture
   * `ipsecpolicies/create-encapsulation-unknown-400.json`) and 409 `OverQuota` beyond the project's
   * quota. It stores a `transform_protocol` of `ah-esp` (capture
   * `ipsecpolicies/create-ah-esp-201.json`), but a connection on such a policy fails with the
   * reference IPsec driver (see `createIpsecSiteConnection`).
   */
  createIpsecPolicy: M["createIpsecPolicy"];
  /**
   * `POST /v2.0/vpn/ipsec-site-connections`: Create an IPsec site connection.
   *
   * Creates a connection between a VPN service and a remote peer, on an IKE and an IPsec policy. It
   * needs `vpnservice_id`, `ikepolicy_id`, `ipsecpolicy_id`, `peer_address`, `peer_id` and `psk`,
   * and either both endpoint groups (`local_ep_group_id`: local subnets on the service's router;
   * `peer_ep_group_id`: peer CIDRs), for a VPN service without a subnet, or `peer_cidrs`, for one
   * with a subnet (the deprecated mode): Neutron refuses the other combinations with 400
   * (`MissingRequiredEndpointGroup`, `PeerCidrsInvalid`, `MissingPeerCidrs`, `InvalidEndpointGroup`;
   * capture `ipsec-site-connections/create-missing-local-group-400.json`). Authority: neutron-vpnaas
   * 21.0.0 `neutron_vpnaas/db/vpn/vpn_validator.py`,
   * `VpnReferenceValidator.validate_ipsec_conn_optional_args`.
   */
  createIpsecSiteConnection: M["createIpsecSiteConnection"];
  /**
   * `POST /v2.0/vpn/vpnservices`: Create a VPN service.
   *
   * Creates a VPN service on a router, which must exist (404 `RouterNotFound`, capture
   * `vpnservices/create-unknown-router-404.json`) and have an external gateway (400
   * `RouterIsNotExternal`); the service takes its `external_v4_ip` and `external_v6_ip` from that
   * gateway. Authority: neutron-vpnaas 21.0.0 `neutron_vpnaas/db/vpn/vpn_validator.py`,
   * `VpnReferenceValidator.validate_vpnservice` and `VpnReferenceValidator._check_router`.
   */
  createVpnService: M["createVpnService"];
  /**
   * `DELETE /v2.0/vpn/endpoint-groups/{endpoint_group_id}`: Delete an endpoint group.
   *
   * Deletes an endpoint group. While a connection uses it, Neutron refuses with 400
   * `EndpointGroupInUse`, not 409 (capture `endpoint-groups/delete-in-use-400.json`). Authority:
   * neutron-lib 3.1.0 `neutron_lib/exceptions/vpn.py`, `EndpointGroupInUse` (a `BadRequest`);
   * neutron-vpnaas 21.0.0 `neutron_vpnaas/db/vpn/vpn_db.py`,
   * `VPNPluginDb.check_endpoint_group_not_in_use`.
   */
  deleteEndpointGroup: M["deleteEndpointGroup"];
  /**
   * `DELETE /v2.0/vpn/ikepolicies/{ikepolicy_id}`: Delete an IKE policy.
   *
   * Deletes an IKE policy. While a connection uses it, Neutron refuses with 409 `IKEPolicyInUse`
   * (capture `ikepolicies/delete-in-use-409.json`). Authority: neutron-vpnaas 21.0.0
   * `neutron_vpnaas/db/vpn/vpn_db.py`, `VPNPluginDb.delete_ikepolicy`.
   */
  deleteIkePolicy: M["deleteIkePolicy"];
  /**
   * `DELETE /v2.0/vpn/ipsecpolicies/{ipsecpolicy_id}`: Delete an IPsec policy.
   *
   * Deletes an IPsec policy. While a connection uses it, Neutron refuses with 409 `IPsecPolicyInUse`
   * (capture `ipsecpolicies/delete-in-use-409.json`). Authority: neutron-vpnaas 21.0.0
   * `neutron_vpnaas/db/vpn/vpn_db.py`, `VPNPluginDb.delete_ipsecpolicy`.
   */
  deleteIpsecPolicy: M["deleteIpsecPolicy"];
  /**
   * `DELETE /v2.0/vpn/ipsec-site-connections/{connection_id}`: Delete an IPsec site connection.
   *
   * Deletes a connection, whatever its status (capture `ipsec-site-connections/delete-204.json`); a
   * second delete of the same id is answered 404 `IPsecSiteConnectionNotFound` (capture
   * `ipsec-site-connections/delete-404.json`).
   */
  deleteIpsecSiteConnection: M["deleteIpsecSiteConnection"];
  /**
   * `DELETE /v2.0/vpn/vpnservices/{service_id}`: Delete a VPN service.
   *
   * Deletes a VPN service. While connections run on it, Neutron refuses with 409 `VPNServiceInUse`
   * (capture `vpnservices/delete-in-use-409.json`): delete them first. Authority: neutron-vpnaas
   * 21.0.0 `neutron_vpnaas/db/vpn/vpn_db.py`, `VPNPluginDb.delete_vpnservice`.
   */
  deleteVpnService: M["deleteVpnService"];
  /**
   * `GET /v2.0/vpn/endpoint-groups/{endpoint_group_id}`: Show an endpoint group.
   *
   * Returns one endpoint group. Without `fields`, every attribute (`EndpointGroupResponse`); with
   * `fields`, only the named attributes Neutron knows (`EndpointGroupFieldsResponse`; capture
   * `endpoint-groups/get-fields-200.json`). A group the caller's policy does not let it see is
   * answered 404, as an unknown id is (capture `endpoint-groups/get-404.json`).
   */
  getEndpointGroup: M["getEndpointGroup"];
  /**
   * `GET /v2.0/vpn/ikepolicies/{ikepolicy_id}`: Show an IKE policy.
   *
   * Returns one IKE policy. Without `fields`, every attribute (`IkePolicyResponse`); with `fields`,
   * only the named attributes Neutron knows (`IkePolicyFieldsResponse`; capture
   * `ikepolicies/get-fields-200.json`). A policy the caller's policy does not let it see is answered
   * 404, as an unknown id is (capture `ikepolicies/get-404.json`).
   */
  getIkePolicy: M["getIkePolicy"];
  /**
   * `GET /v2.0/vpn/ipsecpolicies/{ipsecpolicy_id}`: Show an IPsec policy.
   *
   * Returns one IPsec policy. Without `fields`, every attribute (`IpsecPolicyResponse`); with
   * `fields`, only the named attributes Neutron knows (`IpsecPolicyFieldsResponse`; capture
   * `ipsecpolicies/get-fields-200.json`). A policy the caller's policy does not let it see is
   * answered 404, as an unknown id is (capture `ipsecpolicies/get-404.json`).
   */
  getIpsecPolicy: M["getIpsecPolicy"];
  /**
   * `GET /v2.0/vpn/ipsec-site-connections/{connection_id}`: Show an IPsec site connection.
   *
   * Returns one IPsec site connection. The response includes `psk`, the pre-shared key, to anyone
   * allowed to read the connection: treat the whole body as secret.
   */
  getIpsecSiteConnection: M["getIpsecSiteConnection"];
  /**
   * `GET /v2.0/vpn/vpnservices/{service_id}`: Show a VPN service.
   *
   * Returns one VPN service. Without `fields`, every attribute (`VpnServiceResponse`); with
   * `fields`, only the named attributes Neutron knows (`VpnServiceFieldsResponse`; capture
   * `vpnservices/get-fields-200.json`). A service the caller's policy does not let it see is
   * answered 404, as an unknown id is (capture `vpnservices/get-404.json`).
   */
  getVpnService: M["getVpnService"];
  /**
   * `GET /v2.0/vpn/endpoint-groups`: List endpoint groups.
   *
   * Lists the endpoint groups the caller may see (an admin sees every project's). Endpoint groups
   * cannot be sorted: none of their attributes is a sort key, and Neutron answers any `sort_key`
   * with 400 (capture `endpoint-groups/list-sort-400.json`; Authority: neutron-lib 3.1.0
   * `neutron_lib/api/definitions/vpn_endpoint_groups.py`, `RESOURCE_ATTRIBUTE_MAP`, where no
   * attribute is a sort key). `type` and `endpoints` are not filters: Neutron does not apply them
   * (`?type=subnet` returns groups of every type, capture
   * `endpoint-groups/list-type-filter-ignored-200.json`; the column is `endpoint_type`).
   */
  listEndpointGroups: M["listEndpointGroups"];
  /**
   * `GET /v2.0/vpn/ikepolicies`: List IKE policies.
   *
   * Lists the IKE policies the caller may see (an admin sees every project's). `lifetime` is not a
   * filter: Neutron does not apply it.
   */
  listIkePolicies: M["listIkePolicies"];
  /**
   * `GET /v2.0/vpn/ipsecpolicies`: List IPsec policies.
   *
   * Lists the IPsec policies the caller may see (an admin sees every project's). `lifetime` is not a
   * filter: Neutron does not apply it.
   */
  listIpsecPolicies: M["listIpsecPolicies"];
  /**
   * `GET /v2.0/vpn/ipsec-site-connections`: List IPsec site connections.
   *
   * Lists the IPsec site connections the caller may see (an admin sees every project's). Each
   * connection carries its secret `psk`: treat the whole body as secret. `psk` is not a filter here
   * (a query string ends up in access logs), and neither are `dpd` and `peer_cidrs`, which Neutron
   * does not apply.
   */
  listIpsecSiteConnections: M["listIpsecSiteConnections"];
  /**
   * `GET /v2.0/vpn/vpnservices`: List VPN services.
   *
   * Lists the VPN services the caller may see (an admin sees every project's). `router_id` is a sort
   * key of VPN services only.
   */
  listVpnServices: M["listVpnServices"];
  /**
   * `PUT /v2.0/vpn/endpoint-groups/{endpoint_group_id}`: Update an endpoint group.
   *
   * Changes the name or description of an endpoint group. `type` and `endpoints` can only be set on
   * create: Neutron refuses them with 400 (capture `endpoint-groups/update-endpoints-400.json`).
   */
  updateEndpointGroup: M["updateEndpointGroup"];
  /**
   * `PUT /v2.0/vpn/ikepolicies/{ikepolicy_id}`: Update an IKE policy.
   *
   * Changes attributes of an IKE policy; the others keep their values (`lifetime` too: a `lifetime`
   * with only `value` keeps the `units`; capture `ikepolicies/update-200.json`). Neutron refuses to
   * change a policy that a connection uses with 409 `IKEPolicyInUse` (capture
   * `ikepolicies/update-in-use-409.json`). Authority: neutron-vpnaas 21.0.0
   * `neutron_vpnaas/db/vpn/vpn_db.py`, `VPNPluginDb.update_ikepolicy`.
   */
  updateIkePolicy: M["updateIkePolicy"];
  /**
   * `PUT /v2.0/vpn/ipsecpolicies/{ipsecpolicy_id}`: Update an IPsec policy.
   *
   * Changes attributes of an IPsec policy; the others keep their values. Neutron refuses to change a
   * policy that a connection uses with 409 `IPsecPolicyInUse` (capture
   * `ipsecpolicies/update-in-use-409.json`). Authority: neutron-vpnaas 21.0.0
   * `neutron_vpnaas/db/vpn/vpn_db.py`, `VPNPluginDb.update_ipsecpolicy`.
   */
  updateIpsecPolicy: M["updateIpsecPolicy"];
  /**
   * `PUT /v2.0/vpn/ipsec-site-connections/{connection_id}`: Update an IPsec site connection.
   *
   * Changes attributes of a connection; the others keep their values (a partial `dpd` is completed
   * from the stored one, and `timeout` must still be greater than `interval`: capture
   * `ipsec-site-connections/update-dpd-timeout-400.json`). Neutron refuses it with 400
   * `VPNStateInvalidToUpdate` while the connection is `PENDING_CREATE`, `PENDING_UPDATE` or
   * `PENDING_DELETE`, which is always the case without a VPN agent (capture
   * `ipsec-site-connections/update-pending-400.json`), and with 400 for an attribute that can only
   * be set on create (capture `ipsec-site-connections/update-create-only-400.json`). Authority:
   * neutron-vpnaas 21.0.0 `neutron_vpnaas/db/vpn/vpn_db.py`,
   * `VPNPluginDb.update_ipsec_site_connection` and `VPNPluginDb.assert_update_allowed`. The request
   * and the answer may carry the secret `psk`.
   */
  updateIpsecSiteConnection: M["updateIpsecSiteConnection"];
  /**
   * `PUT /v2.0/vpn/vpnservices/{service_id}`: Update a VPN service.
   *
   * Changes the name, description or administrative state of a VPN service. Neutron refuses it with
   * 400 `VPNStateInvalidToUpdate` while the service is in a `PENDING_` status, which is always the
   * case without a VPN agent (capture `vpnservices/update-pending-400.json`), and with 400 for an
   * attribute that can only be set on create (capture `vpnservices/update-router-400.json`).
   * Authority: neutron-vpnaas 21.0.0 `neutron_vpnaas/db/vpn/vpn_db.py`,
   * `VPNPluginDb.update_vpnservice`.
   */
  updateVpnService: M["updateVpnService"];
}

/** The operationIds of the spec. */
export type OperationId = "createEndpointGroup" | "createIkePolicy" | "createIpsecPolicy" | "createIpsecSiteConnection" | "createVpnService" | "deleteEndpointGroup" | "deleteIkePolicy" | "deleteIpsecPolicy" | "deleteIpsecSiteConnection" | "deleteVpnService" | "getEndpointGroup" | "getIkePolicy" | "getIpsecPolicy" | "getIpsecSiteConnection" | "getVpnService" | "listEndpointGroups" | "listIkePolicies" | "listIpsecPolicies" | "listIpsecSiteConnections" | "listVpnServices" | "updateEndpointGroup" | "updateIkePolicy" | "updateIpsecPolicy" | "updateIpsecSiteConnection" | "updateVpnService";
