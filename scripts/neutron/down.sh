#!/usr/bin/env bash
# Stops what scripts/neutron/up.sh started (only the process groups whose PIDs it recorded and whose
# command lines still point at its state folder) and removes that folder.
#   --keep   stop the servers but keep the folder (data, logs, secrets) for a faster next up.sh
# Packages stay installed.
# shellcheck source=scripts/neutron/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

[[ -d "$NEUTRON_STATE" ]] || { log "nothing to do: $NEUTRON_STATE does not exist"; exit 0; }
# Reverse start order: the servers before the database they use.
for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
  stop_service "${SERVICES[i]}"
done
if $keep; then
  log "stopped; kept $NEUTRON_STATE"
else
  # Guard against a mis-set NEUTRON_STATE: only remove a folder that up.sh made.
  if [[ -e "$NEUTRON_STATE/secrets.env" || -d "$NEUTRON_STATE/run" ]]; then
    rm -rf -- "$NEUTRON_STATE"
    log "stopped and removed $NEUTRON_STATE"
  else
    log "stopped; $NEUTRON_STATE does not look like up.sh's folder, left in place"
  fi
fi
