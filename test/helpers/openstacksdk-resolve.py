"""What openstacksdk's loader resolves for a cloud, as JSON (no secrets, no network).

Usage: python openstacksdk-resolve.py CWD HOME ETC < env.json
Runs the loader on the files under CWD, HOME/.config/openstack and ETC (the same search list as
vpnaas-sdk/node, OS_CLIENT_CONFIG_FILE / OS_CLIENT_SECURE_FILE first) with the given environment;
like the openstack CLI, OS_REGION_NAME and OS_INTERFACE are passed as the region and interface.
"""
import json
import os
import sys

cwd, home, etc = sys.argv[1:4]
env = json.load(sys.stdin)
os.environ.clear()
os.environ.update(env)
os.environ["HOME"] = home
os.chdir(cwd)

from openstack import config  # noqa: E402  (after the environment is set)

dirs = [cwd, os.path.join(home, ".config", "openstack"), etc]
files = lambda base: [os.path.join(d, base + s) for d in dirs for s in (".yaml", ".yml", ".json")]
try:
    loader = config.OpenStackConfig(config_files=files("clouds"), secure_files=files("secure"), vendor_files=[])
    kwargs = {}
    if env.get("OS_REGION_NAME"):
        kwargs["region_name"] = env["OS_REGION_NAME"]
    if env.get("OS_INTERFACE"):
        kwargs["interface"] = env["OS_INTERFACE"]
    region = loader.get_one(**kwargs)
except Exception as e:  # noqa: BLE001
    print(json.dumps({"error": type(e).__name__}))
    sys.exit(0)
keys = ["auth_url", "username", "user_id", "user_domain_name", "user_domain_id", "project_name", "project_id",
        "project_domain_name", "project_domain_id", "application_credential_id", "endpoint"]
auth = region.config.get("auth", {})
out = {"auth_type": region.config.get("auth_type")}
out.update({k: str(auth[k]) for k in keys if auth.get(k) not in (None, "")})
if region.region_name:
    out["region_name"] = region.region_name
out["interface"] = region.config.get("interface")
print(json.dumps(out))
