/** The five VPNaaS resources as spec/openapi.yaml names them: schema prefix, path, envelope keys, method stem. */
export interface Resource {
  /** The schema prefix: `IkePolicy` names IkePolicy, IkePolicyAttributes, IkePolicyCreate, … */
  type: string;
  /** The collection's path segment under /v2.0/vpn/, and its folder of test/fixtures/neutron-captures. */
  dir: string;
  /** The envelope key of one object. */
  member: string;
  /** The envelope key of a list; `<collection>_links` holds its links. */
  collection: string;
  /** The plural of the operationIds: listIkePolicies. */
  plural: string;
}

export const RESOURCES: readonly Resource[] = [
  { type: "IpsecSiteConnection", dir: "ipsec-site-connections", member: "ipsec_site_connection", collection: "ipsec_site_connections", plural: "IpsecSiteConnections" },
  { type: "VpnService", dir: "vpnservices", member: "vpnservice", collection: "vpnservices", plural: "VpnServices" },
  { type: "IkePolicy", dir: "ikepolicies", member: "ikepolicy", collection: "ikepolicies", plural: "IkePolicies" },
  { type: "IpsecPolicy", dir: "ipsecpolicies", member: "ipsecpolicy", collection: "ipsecpolicies", plural: "IpsecPolicies" },
  { type: "EndpointGroup", dir: "endpoint-groups", member: "endpoint_group", collection: "endpoint_groups", plural: "EndpointGroups" },
];
