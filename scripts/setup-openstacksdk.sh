#!/usr/bin/env bash
# The virtual environment in which test/config-openstacksdk.test.ts asks openstacksdk itself how it
# resolves a clouds.yaml: openstacksdk and keystoneauth1 from PyPI, pinned here. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
pins="openstacksdk==4.5.0 keystoneauth1==5.18.1"
venv=.cache/openstacksdk-venv
have=$("$venv/bin/python" -c "import importlib.metadata as m; print('openstacksdk=='+m.version('openstacksdk'), 'keystoneauth1=='+m.version('keystoneauth1'))" 2>/dev/null || true)
[ "$have" = "$pins" ] && { echo "openstacksdk venv: $have present"; exit 0; }
if [ ! -x "$venv/bin/python" ] && ! python3 -m venv "$venv" 2>/dev/null; then
  # Debian's python3 makes venvs only with python3-venv (ensurepip) installed.
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  rm -rf "$venv" && python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check $pins
echo "openstacksdk venv: $pins ready"
