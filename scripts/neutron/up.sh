#!/usr/bin/env bash
# Starts, on 127.0.0.1 only, a real OpenStack stack from Debian 12's packages for the integration tests:
#   - a private MariaDB (own datadir, loopback port)              -> port $MARIADB_PORT
#   - Keystone 22 under uwsgi                                      -> port $KEYSTONE_PORT
#     and over https, with a throw-away CA made here (tls/ca.pem)    -> port $KEYSTONE_TLS_PORT
#   - neutron-server 21 + VPNaaS, auth_strategy = noauth           -> port $NEUTRON_NOAUTH_PORT
#   - neutron-server 21 + VPNaaS, auth_strategy = keystone         -> port $NEUTRON_KEYSTONE_PORT
# The two neutron-servers use two separate databases of the same MariaDB, so the tests of one mode
# cannot see or disturb the other's resources.
#
# Idempotent: what runs already is kept, what is missing is installed, initialized or started.
# Everything (data, config, logs, PIDs, generated passwords, env.json) lives under $NEUTRON_STATE
# (default .cache/neutron in the repo). Stop and clean up with scripts/neutron/down.sh.
# Needs root (or sudo) only for apt-get. No agent, no RabbitMQ (transport_url = fake:/), no IPsec
# daemon: nothing connects anywhere but loopback.
# shellcheck source=scripts/neutron/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
START=$SECONDS

PACKAGES=(neutron-server python3-neutron-vpnaas mariadb-server mariadb-client python3-pymysql keystone uwsgi-core uwsgi-plugin-python3 curl openssl python3-pip)

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "installing ${missing[*]} (Debian 12 packages; services are kept from starting)"
  # A policy-rc.d that exits 101 stops maintainer scripts from starting services; any existing
  # policy-rc.d is put back afterwards, even on failure.
  local policy=/usr/sbin/policy-rc.d backup=""
  if as_root test -e "$policy"; then backup="$(mktemp)"; as_root cp -p "$policy" "$backup"; fi
  printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
  as_root chmod 755 "$policy"
  local rc=0
  {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" ||
      { as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; }
  } >"$NEUTRON_STATE/log/apt.log" 2>&1 || rc=$?
  if [[ -n "$backup" ]]; then as_root cp -p "$backup" "$policy"; rm -f "$backup"; else as_root rm -f "$policy"; fi
  [[ $rc -eq 0 ]] || die "apt-get install failed; see $NEUTRON_STATE/log/apt.log"
}

# A random secret, generated once and kept in $NEUTRON_STATE/secrets.env (mode 600).
secret() {
  local name="$1" file="$NEUTRON_STATE/secrets.env"
  touch "$file"; chmod 600 "$file"
  if ! grep -q "^$name=" "$file"; then
    echo "$name=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)" >>"$file"
  fi
  sed -n "s/^$name=//p" "$file"
}

wait_for() { # description, seconds, command...
  local what="$1" limit="$2" i
  shift 2
  for ((i = 0; i < limit * 5; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "$what did not come up in ${limit} s"
}

# Starts "$@" in its own session/process group, detached, with its output in log/$name.out.
spawn() {
  local name="$1"
  shift
  setsid "$@" >>"$NEUTRON_STATE/log/$name.out" 2>&1 </dev/null &
  echo $! >"$(pidfile "$name")"
}

port_free() { ! (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }
https_ok() { curl -fsS -o /dev/null --max-time 5 --cacert "$NEUTRON_STATE/tls/ca.pem" "$1"; }

# A throw-away CA and a server certificate for 127.0.0.1 and localhost, made once per state folder
# (down.sh removes them with it): tests give the CA as `cacert`, so the TLS checks are real.
make_tls() {
  local dir="$NEUTRON_STATE/tls"
  [[ -s "$dir/server.pem" ]] && return 0
  mkdir -p "$dir"; chmod 700 "$dir"
  log "making the rig's throw-away CA and server certificate (tls/)"
  {
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/ca.key" -out "$dir/ca.pem" -days 30 \
      -subj "/CN=vpnaas-sdk integration rig CA (throw-away)" &&
      openssl req -newkey rsa:2048 -nodes -keyout "$dir/server.key" -out "$dir/server.csr" -subj "/CN=127.0.0.1" &&
      printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/ext.cnf" &&
      openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
        -out "$dir/server.pem" -days 30 -extfile "$dir/ext.cnf"
  } >"$NEUTRON_STATE/log/tls.log" 2>&1 || die "openssl failed; see log/tls.log"
  chmod 600 "$dir"/*.key
}

# ---------------------------------------------------------------------------------------------------
mkdir -p "$NEUTRON_STATE"/{run,log}
chmod 700 "$NEUTRON_STATE"
install_packages

DB_PASSWORD="$(secret DB_PASSWORD)"
KEYSTONE_ADMIN_PASSWORD="$(secret KEYSTONE_ADMIN_PASSWORD)"
NEUTRON_SERVICE_PASSWORD="$(secret NEUTRON_SERVICE_PASSWORD)"
DEMO_PASSWORD="$(secret DEMO_PASSWORD)"
DB_SOCKET="$NEUTRON_STATE/mariadb/mariadb.sock"
DB_CLIENT_CNF="$NEUTRON_STATE/mariadb/client.cnf"
DB_URL_BASE="mysql+pymysql://vpnaas:$DB_PASSWORD@$HOST:$MARIADB_PORT"
TOKEN_CACHE_TIME=5 # seconds; see [keystone_authtoken] below
RUN_AS_ROOT=()
[[ $(id -u) -eq 0 ]] && RUN_AS_ROOT=(--user=root)

# --- MariaDB ----------------------------------------------------------------------------------------
start_mariadb() {
  local dir="$NEUTRON_STATE/mariadb"
  mkdir -p "$dir"
  if [[ ! -d "$dir/data/mysql" ]]; then
    log "initializing MariaDB datadir"
    mariadb-install-db --no-defaults "${RUN_AS_ROOT[@]}" --datadir="$dir/data" --auth-root-authentication-method=normal \
      --skip-test-db >"$NEUTRON_STATE/log/mariadb-install.log" 2>&1 || die "mariadb-install-db failed; see log/mariadb-install.log"
    rm -f "$dir/initialized"
  fi
  if ! alive_pid mariadb >/dev/null; then
    port_free "$MARIADB_PORT" || die "port $MARIADB_PORT is taken by something else (set MARIADB_PORT)"
    log "starting MariaDB on $HOST:$MARIADB_PORT"
    spawn mariadb mariadbd --no-defaults "${RUN_AS_ROOT[@]}" --datadir="$dir/data" --port="$MARIADB_PORT" \
      --bind-address="$HOST" --socket="$DB_SOCKET" --pid-file="$dir/mariadbd.pid" --log-error="$NEUTRON_STATE/log/mariadb.log" \
      --skip-name-resolve --innodb-buffer-pool-size=64M --performance-schema=OFF --max-connections=200
  fi
  wait_for "MariaDB" 30 mariadb-admin --no-defaults --socket="$DB_SOCKET" -uroot ping
  if [[ ! -e "$dir/initialized" ]]; then
    log "creating databases"
    mariadb --no-defaults --socket="$DB_SOCKET" -uroot <<SQL
ALTER USER 'root'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE DATABASE IF NOT EXISTS neutron_noauth CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS neutron_keystone CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS keystone CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'vpnaas'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON neutron_noauth.* TO 'vpnaas'@'$HOST';
GRANT ALL PRIVILEGES ON neutron_keystone.* TO 'vpnaas'@'$HOST';
GRANT ALL PRIVILEGES ON keystone.* TO 'vpnaas'@'$HOST';
FLUSH PRIVILEGES;
SQL
    touch "$dir/initialized"
  fi
  # Client settings for the tests (they set statuses the way a VPN agent's report would).
  printf '[client]\nuser=root\npassword=%s\nsocket=%s\n' "$DB_PASSWORD" "$DB_SOCKET" >"$DB_CLIENT_CNF"
  chmod 600 "$DB_CLIENT_CNF"
  mariadb --defaults-file="$DB_CLIENT_CNF" -e 'SELECT 1' >/dev/null || die "cannot log in to MariaDB"
}

# --- Neutron ----------------------------------------------------------------------------------------
neutron_conf() { # mode port auth_strategy
  local mode="$1" port="$2" auth="$3" dir="$NEUTRON_STATE/neutron-$1"
  mkdir -p "$dir"/{state,lock}
  # Never write an empty "policy_dirs =" line: it breaks policy loading.
  cat >"$dir/neutron.conf.new" <<CONF
[DEFAULT]
bind_host = $HOST
bind_port = $port
core_plugin = ml2
service_plugins = router,vpnaas
auth_strategy = $auth
transport_url = fake:/
api_workers = 0
rpc_workers = 1
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
api_paste_config = /etc/neutron/api-paste.ini
state_path = $dir/state
log_file = $NEUTRON_STATE/log/neutron-$mode.log
use_stderr = false

[database]
connection = $DB_URL_BASE/neutron_$mode

[oslo_concurrency]
lock_path = $dir/lock

[ml2]
type_drivers = flat,vxlan
tenant_network_types = vxlan
mechanism_drivers =
extension_drivers =

[ml2_type_flat]
flat_networks = public

[ml2_type_vxlan]
vni_ranges = 1:1000
CONF
  if [[ "$auth" == keystone ]]; then
    cat >>"$dir/neutron.conf.new" <<CONF

[keystone_authtoken]
www_authenticate_uri = http://$HOST:$KEYSTONE_PORT
auth_url = http://$HOST:$KEYSTONE_PORT
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = neutron
password = $NEUTRON_SERVICE_PASSWORD
# Validated tokens are cached in-process (default 300 s): a revoked token keeps working until then.
# 5 s lets the tests show that, and a real 401 after revocation, without waiting 5 minutes.
token_cache_time = $TOKEN_CACHE_TIME
CONF
  fi
  cat >"$dir/neutron_vpnaas.conf" <<CONF
[service_providers]
service_provider = VPN:openswan:neutron_vpnaas.services.vpn.service_drivers.ipsec.IPsecVPNDriver:default
CONF
  # A running server with a different configuration (ports, secrets, options) is restarted.
  if ! cmp -s "$dir/neutron.conf.new" "$dir/neutron.conf"; then
    [[ -e "$dir/neutron.conf" ]] && stop_service "neutron-$mode"
    mv "$dir/neutron.conf.new" "$dir/neutron.conf"
  else
    rm -f "$dir/neutron.conf.new"
  fi
}

neutron_migrate() { # mode
  local mode="$1" dir="$NEUTRON_STATE/neutron-$1"
  [[ -e "$dir/migrated" ]] && return 0
  log "running Neutron + VPNaaS migrations (neutron_$mode)"
  neutron-db-manage --config-file "$dir/neutron.conf" --config-file "$dir/neutron_vpnaas.conf" upgrade heads \
    >"$NEUTRON_STATE/log/neutron-$mode-migrate.log" 2>&1 || die "migrations failed; see log/neutron-$mode-migrate.log"
  touch "$dir/migrated"
}

# Debian 12's greenlet 2.0.2 on Python 3.11 intermittently fails a switch ("SystemError: ... returned
# NULL without setting an exception") and can take neutron-server down mid-request; greenlet 3.0
# fixes it (gevent made 3.0 a requirement on 3.11 for exactly this: gevent commit ca0f9cb, issue
# gevent/gevent#1987). neutron-server runs with a pinned greenlet from PyPI ahead of Debian's; every
# OpenStack package (neutron-lib, neutron-vpnaas, eventlet ...) stays Debian's.
GREENLET_VERSION=3.0.3
GREENLET_DIR="$REPO/.cache/neutron-python/greenlet-$GREENLET_VERSION"
greenlet_overlay() {
  [[ -e "$GREENLET_DIR/.complete" ]] && return 0
  log "installing greenlet $GREENLET_VERSION for neutron-server (.cache/neutron-python)"
  rm -rf "$GREENLET_DIR"
  /usr/bin/python3 -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: \
    --target "$GREENLET_DIR" "greenlet==$GREENLET_VERSION" >"$NEUTRON_STATE/log/greenlet.log" 2>&1 ||
    die "pip could not install greenlet $GREENLET_VERSION; see log/greenlet.log"
  [[ "$(PYTHONPATH="$GREENLET_DIR" /usr/bin/python3 -c 'import greenlet; print(greenlet.__version__)')" == "$GREENLET_VERSION" ]] ||
    die "greenlet $GREENLET_VERSION is not the one neutron-server would load"
  touch "$GREENLET_DIR/.complete"
}

start_neutron() { # mode port
  local mode="$1" port="$2" dir="$NEUTRON_STATE/neutron-$1"
  alive_pid "neutron-$mode" >/dev/null && return 0
  port_free "$port" || die "port $port is taken by something else"
  log "starting neutron-server ($mode) on $HOST:$port"
  spawn "neutron-$mode" env PYTHONPATH="$GREENLET_DIR" neutron-server --config-file "$dir/neutron.conf" --config-file "$dir/neutron_vpnaas.conf"
}

# --- Keystone ---------------------------------------------------------------------------------------
start_keystone() {
  local dir="$NEUTRON_STATE/keystone"
  mkdir -p "$dir"/{fernet-keys,credential-keys}
  cat >"$dir/keystone.conf" <<CONF
[DEFAULT]
log_file = $NEUTRON_STATE/log/keystone.log
use_stderr = false

[database]
connection = $DB_URL_BASE/keystone

[token]
provider = fernet

[fernet_tokens]
key_repository = $dir/fernet-keys

[fernet_receipts]
key_repository = $dir/fernet-keys

[credential]
key_repository = $dir/credential-keys
CONF
  local km=(keystone-manage --config-file "$dir/keystone.conf")
  if [[ ! -e "$dir/bootstrapped" ]]; then
    log "initializing Keystone (db_sync, fernet keys, bootstrap)"
    {
      "${km[@]}" db_sync &&
        "${km[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &&
        "${km[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &&
        "${km[@]}" bootstrap --bootstrap-password "$KEYSTONE_ADMIN_PASSWORD" \
          --bootstrap-admin-url "http://$HOST:$KEYSTONE_PORT/v3/" --bootstrap-internal-url "http://$HOST:$KEYSTONE_PORT/v3/" \
          --bootstrap-public-url "http://$HOST:$KEYSTONE_PORT/v3/" --bootstrap-region-id RegionOne
    } >"$NEUTRON_STATE/log/keystone-init.log" 2>&1 || die "Keystone init failed; see log/keystone-init.log"
    touch "$dir/bootstrapped"
  fi
  make_tls
  # A Keystone started by an older up.sh has no https socket: start it again.
  if alive_pid keystone >/dev/null && ! https_ok "https://$HOST:$KEYSTONE_TLS_PORT/v3"; then stop_service keystone; fi
  if ! alive_pid keystone >/dev/null; then
    port_free "$KEYSTONE_PORT" || die "port $KEYSTONE_PORT is taken by something else"
    port_free "$KEYSTONE_TLS_PORT" || die "port $KEYSTONE_TLS_PORT is taken by something else"
    log "starting Keystone (uwsgi) on $HOST:$KEYSTONE_PORT"
    # --http-socket closes every connection without saying so; "Connection: close" tells clients
    # (Neutron's auth middleware) not to reuse it, or they hit a dead pooled connection (503).
    spawn keystone uwsgi-core --plugin python3 --http-socket "$HOST:$KEYSTONE_PORT" \
      --https-socket "$HOST:$KEYSTONE_TLS_PORT,$NEUTRON_STATE/tls/server.pem,$NEUTRON_STATE/tls/server.key" \
      --wsgi-file /usr/bin/keystone-wsgi-public --env "OS_KEYSTONE_CONFIG_FILES=$dir/keystone.conf" \
      --master --processes 2 --die-on-term --add-header "Connection: close" --need-app --disable-logging
  fi
  wait_for "Keystone" 60 http_ok "http://$HOST:$KEYSTONE_PORT/v3"
  wait_for "Keystone (https)" 30 https_ok "https://$HOST:$KEYSTONE_TLS_PORT/v3"
}

# ---------------------------------------------------------------------------------------------------
start_mariadb
neutron_conf noauth "$NEUTRON_NOAUTH_PORT" noauth
neutron_conf keystone "$NEUTRON_KEYSTONE_PORT" keystone
if [[ ! -e "$NEUTRON_STATE/neutron-noauth/migrated" || ! -e "$NEUTRON_STATE/neutron-keystone/migrated" ]]; then
  neutron_migrate noauth &
  m1=$!
  neutron_migrate keystone &
  m2=$!
  wait $m1 || die "migrations (noauth) failed"
  wait $m2 || die "migrations (keystone) failed"
fi
greenlet_overlay
start_neutron noauth "$NEUTRON_NOAUTH_PORT"
start_keystone
export KEYSTONE_URL="http://$HOST:$KEYSTONE_PORT" NEUTRON_URL="http://$HOST:$NEUTRON_KEYSTONE_PORT" \
  KEYSTONE_ADMIN_PASSWORD NEUTRON_SERVICE_PASSWORD DEMO_PASSWORD
python3 "$REPO/scripts/neutron/keystone_register.py" >"$NEUTRON_STATE/keystone/registered.json" ||
  die "Keystone registration failed"
start_neutron keystone "$NEUTRON_KEYSTONE_PORT"
wait_for "neutron-server (noauth)" 90 http_ok "http://$HOST:$NEUTRON_NOAUTH_PORT/v2.0/"
wait_for "neutron-server (keystone)" 90 http_ok "http://$HOST:$NEUTRON_KEYSTONE_PORT/"

# What the tests need, in one file (mode 600: it holds the generated passwords).
python3 - "$NEUTRON_STATE" <<PY
import json, os, sys
state = sys.argv[1]
reg = json.load(open(os.path.join(state, "keystone/registered.json")))
env = {
    "stateDir": state,
    "neutronNoauthUrl": "http://$HOST:$NEUTRON_NOAUTH_PORT",
    "neutronKeystoneUrl": "http://$HOST:$NEUTRON_KEYSTONE_PORT",
    "keystoneUrl": "http://$HOST:$KEYSTONE_PORT",
    "authUrl": "http://$HOST:$KEYSTONE_PORT/v3",
    "authTlsUrl": "https://$HOST:$KEYSTONE_TLS_PORT/v3",
    "tls": {"caCert": os.path.join(state, "tls/ca.pem"), "serverCert": os.path.join(state, "tls/server.pem"), "serverKey": os.path.join(state, "tls/server.key")},
    "regionId": "RegionOne",
    "tokenCacheSeconds": $TOKEN_CACHE_TIME,
    "db": {"clientCnf": "$DB_CLIENT_CNF", "noauth": "neutron_noauth", "keystone": "neutron_keystone"},
    "keystone": dict(reg, password="$DEMO_PASSWORD", adminPassword="$KEYSTONE_ADMIN_PASSWORD"),
    "pids": {n: int(open(os.path.join(state, "run", n + ".pid")).read()) for n in ["mariadb", "keystone", "neutron-noauth", "neutron-keystone"]},
}
path = os.path.join(state, "env.json")
with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
    json.dump(env, f, indent=2)
PY

for s in "${SERVICES[@]}"; do
  log "$s: pgid $(alive_pid "$s") rss $(($(rss_kb "$s") / 1024)) MB"
done
log "up in $((SECONDS - START)) s; env: $NEUTRON_STATE/env.json"
