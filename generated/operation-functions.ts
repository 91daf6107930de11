// Generated from spec/openapi.yaml by scripts/generate.mjs (scripts/operation-functions.mjs). Do not edit.
import {
  createEndpointGroup as createEndpointGroupSpec,
  createIkePolicy as createIkePolicySpec,
  createIpsecPolicy as createIpsecPolicySpec,
  createIpsecSiteConnection as createIpsecSiteConnectionSpec,
  createVpnService as createVpnServiceSpec,
  deleteEndpointGroup as deleteEndpointGroupSpec,
  deleteIkePolicy as deleteIkePolicySpec,
  deleteIpsecPolicy as deleteIpsecPolicySpec,
  deleteIpsecSiteConnection as deleteIpsecSiteConnectionSpec,
  deleteVpnService as deleteVpnServiceSpec,
  getEndpointGroup as getEndpointGroupSpec,
  getIkePolicy as getIkePolicySpec,
  getIpsecPolicy as getIpsecPolicySpec,
  getIpsecSiteConnection as getIpsecSiteConnectionSpec,
  getVpnService as getVpnServiceSpec,
  listEndpointGroups as listEndpointGroupsSpec,
  listIkePolicies as listIkePoliciesSpec,
  listIpsecPolicies as listIpsecPoliciesSpec,
  listIpsecSiteConnections as listIpsecSiteConnectionsSpec,
  listVpnServices as listVpnServicesSpec,
  updateEndpointGroup as updateEndpointGroupSpec,
  updateIkePolicy as updateIkePolicySpec,
  updateIpsecPolicy as updateIpsecPolicySpec,
  updateIpsecSiteConnection as updateIpsecSiteConnectionSpec,
  updateVpnService as updateVpnServiceSpec,
} from "./operations";
import { createCall, deleteCall, getCall, listCall, updateCall } from "../src/operations/methods";
import type { OperationFunction as Fn } from "../src/operations/method-types";
import { stackOf } from "../src/session";

export const createEndpointGroup = (async (session, attributes, options) => createCall(stackOf(session), createEndpointGroupSpec, attributes, options)) as Fn<"createEndpointGroup">;
export const createIkePolicy = (async (session, attributes, options) => createCall(stackOf(session), createIkePolicySpec, attributes, options)) as Fn<"createIkePolicy">;
export const createIpsecPolicy = (async (session, attributes, options) => createCall(stackOf(session), createIpsecPolicySpec, attributes, options)) as Fn<"createIpsecPolicy">;
export const createIpsecSiteConnection = (async (session, attributes, options) => createCall(stackOf(session), createIpsecSiteConnectionSpec, attributes, options)) as Fn<"createIpsecSiteConnection">;
export const createVpnService = (async (session, attributes, options) => createCall(stackOf(session), createVpnServiceSpec, attributes, options)) as Fn<"createVpnService">;
export const deleteEndpointGroup = (async (session, id, options) => deleteCall(stackOf(session), deleteEndpointGroupSpec, id, options)) as Fn<"deleteEndpointGroup">;
export const deleteIkePolicy = (async (session, id, options) => deleteCall(stackOf(session), deleteIkePolicySpec, id, options)) as Fn<"deleteIkePolicy">;
export const deleteIpsecPolicy = (async (session, id, options) => deleteCall(stackOf(session), deleteIpsecPolicySpec, id, options)) as Fn<"deleteIpsecPolicy">;
export const deleteIpsecSiteConnection = (async (session, id, options) => deleteCall(stackOf(session), deleteIpsecSiteConnectionSpec, id, options)) as Fn<"deleteIpsecSiteConnection">;
export const deleteVpnService = (async (session, id, options) => deleteCall(stackOf(session), deleteVpnServiceSpec, id, options)) as Fn<"deleteVpnService">;
export const getEndpointGroup = (async (session, id, options) => getCall(stackOf(session), getEndpointGroupSpec, id, options)) as Fn<"getEndpointGroup">;
export const getIkePolicy = (async (session, id, options) => getCall(stackOf(session), getIkePolicySpec, id, options)) as Fn<"getIkePolicy">;
export const getIpsecPolicy = (async (session, id, options) => getCall(stackOf(session), getIpsecPolicySpec, id, options)) as Fn<"getIpsecPolicy">;
export const getIpsecSiteConnection = (async (session, id, options) => getCall(stackOf(session), getIpsecSiteConnectionSpec, id, options)) as Fn<"getIpsecSiteConnection">;
export const getVpnService = (async (session, id, options) => getCall(stackOf(session), getVpnServiceSpec, id, options)) as Fn<"getVpnService">;
export const listEndpointGroups = ((session, query, options) => listCall(stackOf(session), listEndpointGroupsSpec, query, options)) as Fn<"listEndpointGroups">;
export const listIkePolicies = ((session, query, options) => listCall(stackOf(session), listIkePoliciesSpec, query, options)) as Fn<"listIkePolicies">;
export const listIpsecPolicies = ((session, query, options) => listCall(stackOf(session), listIpsecPoliciesSpec, query, options)) as Fn<"listIpsecPolicies">;
export const listIpsecSiteConnections = ((session, query, options) => listCall(stackOf(session), listIpsecSiteConnectionsSpec, query, options)) as Fn<"listIpsecSiteConnections">;
export const listVpnServices = ((session, query, options) => listCall(stackOf(session), listVpnServicesSpec, query, options)) as Fn<"listVpnServices">;
export const updateEndpointGroup = (async (session, id, changes, options) => updateCall(stackOf(session), updateEndpointGroupSpec, id, changes, options)) as Fn<"updateEndpointGroup">;
export const updateIkePolicy = (async (session, id, changes, options) => updateCall(stackOf(session), updateIkePolicySpec, id, changes, options)) as Fn<"updateIkePolicy">;
export const updateIpsecPolicy = (async (session, id, changes, options) => updateCall(stackOf(session), updateIpsecPolicySpec, id, changes, options)) as Fn<"updateIpsecPolicy">;
export const updateIpsecSiteConnection = (async (session, id, changes, options) => updateCall(stackOf(session), updateIpsecSiteConnectionSpec, id, changes, options)) as Fn<"updateIpsecSiteConnection">;
export const updateVpnService = (async (session, id, changes, options) => updateCall(stackOf(session), updateVpnServiceSpec, id, changes, options)) as Fn<"updateVpnService">;
