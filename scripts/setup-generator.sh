#!/usr/bin/env bash
# Puts openapi-generator's jar (version pinned in openapitools.json) where openapi-generator-cli looks
# for it. The CLI downloads it itself; where that download is refused, Maven fetches the same artifact.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p 'require("./openapitools.json")["generator-cli"].version')
dir=$(node -p 'require("./openapitools.json")["generator-cli"].storageDir')
jar="$dir/$version.jar"
[ -s "$jar" ] && { echo "openapi-generator $version: $jar present"; exit 0; }
mkdir -p "$dir"
if ! npx --no-install openapi-generator-cli version >/dev/null 2>&1 || [ ! -s "$jar" ]; then
  echo "openapi-generator-cli could not download $version; fetching it with Maven" >&2
  mvn -q dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$version" -DoutputDirectory="$dir"
  mv "$dir/openapi-generator-cli-$version.jar" "$jar"
fi
[ -s "$jar" ] && echo "openapi-generator $version: $jar ready"
