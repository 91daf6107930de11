#!/usr/bin/env bash
# Installs oasdiff (the spec:diff tool, a Go module) at the version pinned here into .cache/bin, from
# the Go module proxy with `go install` (checksums verified against sum.golang.org). Needs Go >= 1.26
# (the go line of oasdiff v1.37.0's go.mod). Safe to run again: does nothing when that version is
# already there.
set -euo pipefail
cd "$(dirname "$0")/.."
OASDIFF_VERSION=v1.37.0
bin="$PWD/.cache/bin"
stamp="$bin/oasdiff.version"
if [ -x "$bin/oasdiff" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$OASDIFF_VERSION" ]; then
  echo "oasdiff $OASDIFF_VERSION: $bin/oasdiff present"
  exit 0
fi
command -v go >/dev/null || { echo "setup-oasdiff: Go is needed to install oasdiff $OASDIFF_VERSION (https://go.dev/dl/)" >&2; exit 1; }
mkdir -p "$bin"
# GOFLAGS=-mod=mod: no vendoring surprises; GOTOOLCHAIN=local: never download another Go toolchain.
GOBIN="$bin" GOFLAGS=-mod=mod GOTOOLCHAIN=local go install "github.com/oasdiff/oasdiff@$OASDIFF_VERSION"
echo "$OASDIFF_VERSION" >"$stamp"
echo "oasdiff $OASDIFF_VERSION: $bin/oasdiff ready ($(go version | cut -d' ' -f3))"
