#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine: npm packages (exactly as locked),
# openapi-generator's jar, and Debian's Chromium for the browser tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
bash scripts/setup-generator.sh
bash scripts/setup-oasdiff.sh   # spec:diff's oasdiff (a Go module, version pinned in the script)

apt_install() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v java >/dev/null || apt_install default-jre-headless
command -v chromium >/dev/null || apt_install chromium
echo "setup: done (node $(node --version), java $(java -version 2>&1 | head -n1), $(chromium --version 2>/dev/null))"
