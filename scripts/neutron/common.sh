# shellcheck shell=bash
# Shared by up.sh and down.sh (sourced, not run). Everything lives under $NEUTRON_STATE (one folder).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NEUTRON_STATE="${NEUTRON_STATE:-$REPO/.cache/neutron}"
# Loopback ports; override with environment variables if they collide.
MARIADB_PORT="${MARIADB_PORT:-13306}"
NEUTRON_NOAUTH_PORT="${NEUTRON_NOAUTH_PORT:-19696}"
NEUTRON_KEYSTONE_PORT="${NEUTRON_KEYSTONE_PORT:-19697}"
KEYSTONE_PORT="${KEYSTONE_PORT:-15000}"
# Keystone over https too (same uwsgi, a second socket), with the rig's own throw-away CA.
KEYSTONE_TLS_PORT="${KEYSTONE_TLS_PORT:-15443}"
HOST=127.0.0.1

# The processes we start, by name; each runs in its own process group (setsid), PID = PGID.
SERVICES=(mariadb keystone neutron-noauth neutron-keystone)

log() { printf '[neutron %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

pidfile() { echo "$NEUTRON_STATE/run/$1.pid"; }

# Prints the PID recorded for service $1 if that process is alive AND is still the program we
# started (its command line contains our state folder); a recycled PID is never reported.
alive_pid() {
  local f pid
  f="$(pidfile "$1")"
  [[ -s "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$NEUTRON_STATE" || return 1
  echo "$pid"
}

# Stops service $1 (its whole process group) if we started it; waits up to 20 s, then SIGKILL.
stop_service() {
  local name="$1" pid i
  if ! pid="$(alive_pid "$name")"; then
    rm -f "$(pidfile "$name")"
    return 0
  fi
  log "stopping $name (pgid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop in 20 s; SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  # Children that outlive the leader (e.g. neutron's RPC worker) are in the same group.
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$(pidfile "$name")"
}

# Resident memory (kB) of service $1's process group; empty if not running.
rss_kb() {
  local pid
  pid="$(alive_pid "$1")" || return 0
  ps -e -o pgid=,rss= | awk -v g="$pid" '$1 == g { s += $2 } END { print s + 0 }'
}
