#!/usr/bin/env python3
"""Registers, through Keystone's REST API (Debian's `openstack` CLI fails on `project create`), what
the integration tests need, idempotently: the `service` project with the `neutron` service user (admin),
the `vpnaas-demo` project with the `vpnaas-demo` user (member), and the `network` service with its
public/internal/admin endpoints pointing at the keystone-auth neutron-server.

Reads KEYSTONE_URL, NEUTRON_URL, KEYSTONE_ADMIN_PASSWORD, NEUTRON_SERVICE_PASSWORD, DEMO_PASSWORD from
the environment; prints the ids as JSON on stdout. Only talks to the loopback URLs it is given."""
import json
import os
import sys
import urllib.error
import urllib.request

KEYSTONE = os.environ["KEYSTONE_URL"].rstrip("/")
NEUTRON = os.environ["NEUTRON_URL"].rstrip("/")
REGION = "RegionOne"
DEMO_PROJECT = "vpnaas-demo"
DEMO_USER = "vpnaas-demo"


def call(method, path, body=None, token=None):
    req = urllib.request.Request(KEYSTONE + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Accept", "application/json")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            text = res.read().decode()
            return res.status, res.headers, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        sys.exit(f"keystone_register: {method} {path} -> {e.code}: {e.read().decode()[:300]}")


def admin_token():
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"id": "default"}, "password": os.environ["KEYSTONE_ADMIN_PASSWORD"]}}},
                     "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
    _, headers, _ = call("POST", "/v3/auth/tokens", body)
    return headers["X-Subject-Token"]


def find_or_create(token, collection, key, query, body):
    _, _, found = call("GET", f"/v3/{collection}?{query}", token=token)
    if found[collection]:
        return found[collection][0]
    _, _, created = call("POST", f"/v3/{collection}", {key: body}, token)
    return created[key]


def role_id(token, name):
    _, _, roles = call("GET", f"/v3/roles?name={name}", token=token)
    return roles["roles"][0]["id"]


def main():
    token = admin_token()
    service_project = find_or_create(token, "projects", "project", "name=service&domain_id=default", {"name": "service", "domain_id": "default", "description": "Service users"})
    demo_project = find_or_create(token, "projects", "project", f"name={DEMO_PROJECT}&domain_id=default", {"name": DEMO_PROJECT, "domain_id": "default", "description": "vpnaas-sdk integration tests"})
    neutron_user = find_or_create(token, "users", "user", "name=neutron&domain_id=default", {"name": "neutron", "domain_id": "default", "password": os.environ["NEUTRON_SERVICE_PASSWORD"]})
    demo_user = find_or_create(token, "users", "user", f"name={DEMO_USER}&domain_id=default", {"name": DEMO_USER, "domain_id": "default", "password": os.environ["DEMO_PASSWORD"], "default_project_id": demo_project["id"]})
    # Passwords are reset on every run so that secrets.env stays the truth even after a partial run.
    call("PATCH", f"/v3/users/{neutron_user['id']}", {"user": {"password": os.environ["NEUTRON_SERVICE_PASSWORD"]}}, token)
    call("PATCH", f"/v3/users/{demo_user['id']}", {"user": {"password": os.environ["DEMO_PASSWORD"]}}, token)
    call("PUT", f"/v3/projects/{service_project['id']}/users/{neutron_user['id']}/roles/{role_id(token, 'admin')}", token=token)
    call("PUT", f"/v3/projects/{demo_project['id']}/users/{demo_user['id']}/roles/{role_id(token, 'member')}", token=token)

    service = find_or_create(token, "services", "service", "type=network", {"type": "network", "name": "neutron", "description": "Neutron 21 + VPNaaS (keystone auth)"})
    _, _, existing = call("GET", f"/v3/endpoints?service_id={service['id']}", token=token)
    endpoints = {}
    for ep in existing["endpoints"]:
        if ep["url"] != NEUTRON:  # ports changed since the last run
            call("DELETE", f"/v3/endpoints/{ep['id']}", token=token)
        else:
            endpoints[ep["interface"]] = ep["id"]
    for interface in ("public", "internal", "admin"):
        if interface not in endpoints:
            _, _, ep = call("POST", "/v3/endpoints", {"endpoint": {"service_id": service["id"], "interface": interface, "url": NEUTRON, "region_id": REGION}}, token)
            endpoints[interface] = ep["endpoint"]["id"]

    json.dump({
        "userDomainName": "Default",
        "projectDomainName": "Default",
        "adminUsername": "admin",
        "adminProjectName": "admin",
        "username": DEMO_USER,
        "userId": demo_user["id"],
        "projectName": DEMO_PROJECT,
        "projectId": demo_project["id"],
        "serviceProjectId": service_project["id"],
        "networkServiceId": service["id"],
        "networkEndpointIds": endpoints,
    }, sys.stdout, indent=2)


main()
