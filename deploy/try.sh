#!/usr/bin/env bash
# Lokal utveckling as an installation with several processes, on this machine, for trying it out:
# a throw-away PostgreSQL cluster holding the DuckLake catalog, two app processes on one DuckLake store,
# and nginx in front of them (the files in deploy/nginx/ as they are) at http://127.0.0.1:8600/.
#
#   bash deploy/try.sh                 start, and stop everything again on Ctrl-C
#   bash deploy/try.sh start --detach  start and return (stop it with `stop`)
#   bash deploy/try.sh stop            stop everything it started (from any terminal)
#   bash deploy/try.sh status          what runs
#   bash deploy/try.sh backup          deploy/backup.sh once, into <state>/backups/
#
# Installs what is missing with apt-get (nginx, Debian's brotli module for it when there is one,
# postgresql, curl, rsync; sudo when not root) and the Python packages (scripts/setup.sh). Needs no
# internet beyond the package registries. Everything it makes is in one folder, LOKALUTVECKLING_TRY_DIR
# (default /tmp/lokalutveckling-try): the cluster, the lake's folder, the env file, the nginx
# configuration, the logs; a new start wipes it. Ports: LOKALUTVECKLING_TRY_PORT (nginx, 8600),
# LOKALUTVECKLING_TRY_PG_PORT (PostgreSQL, 55440), the app processes on 8601 and 8602 (the upstream in
# deploy/nginx/lokalutveckling-http.conf). Run as root, PostgreSQL runs as the user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
state="${LOKALUTVECKLING_TRY_DIR:-/tmp/lokalutveckling-try}"
proxy_port="${LOKALUTVECKLING_TRY_PORT:-8600}"
pg_port="${LOKALUTVECKLING_TRY_PG_PORT:-55440}"
app_ports=(8601 8602)
run_dir="$state/run"
logs="$state/logs"
pg_dir="$state/postgres"
pg_data="$pg_dir/data"
nginx_dir="$state/nginx"
marker="$state/.lokalutveckling-try"
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so

say() { echo "try.sh: $*"; }
fail() { echo "try.sh: $*" >&2; exit 1; }

as_root() {  # a command that needs root (apt-get): sudo when not root
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {  # PostgreSQL's programs: initdb refuses to run as root, so as the user postgres then
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {  # the newest installed PostgreSQL's bin folder, or nothing
    find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1
}

nginx_bin() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }

install_missing() {
    local missing=()
    [ -n "$(nginx_bin)" ] || missing+=(nginx)
    [ -n "$(pg_bin)" ] || missing+=(postgresql)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v rsync >/dev/null 2>&1 || missing+=(rsync)
    if [ "${#missing[@]}" -gt 0 ]; then
        say "installerar ${missing[*]} (apt-get)"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    if [ ! -e "$brotli_module" ] && apt-cache show libnginx-mod-http-brotli-filter >/dev/null 2>&1; then
        say "installerar libnginx-mod-http-brotli-filter (apt-get; utan den komprimerar nginx med gzip)"
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq libnginx-mod-http-brotli-filter >/dev/null \
            || say "brotli-modulen gick inte att installera: nginx komprimerar med gzip"
    fi
    [ -n "$(nginx_bin)" ] || fail "nginx saknas och gick inte att installera."
    [ -n "$(pg_bin)" ] || fail "PostgreSQL saknas och gick inte att installera."
    bash scripts/setup.sh requirements.txt
    bash scripts/chromium.sh  # the chart and map images; the app starts without it and says what is missing
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# --------------------------------------------------------------------------------------- stopping

stop_process() {  # stop_process PIDFILE WORD: the process (and its process group) it names, if still ours
    local file="$1" word="$2" pid
    pid="$(cat "$file" 2>/dev/null || true)"
    rm -f "$file"
    alive "$pid" || return 0
    # Only the process this script started: its command line names it (a pid may be reused).
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$word" || return 0
    local target="$pid"
    if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then target="-$pid"; fi
    kill -TERM -- "$target" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do  # up to 20 s for it (and whatever it started) to end
        kill -0 -- "$target" 2>/dev/null || return 0
        sleep 0.2
    done
    say "$word ($pid) slutade inte på 20 s: avbryts"
    kill -KILL -- "$target" 2>/dev/null || true
}

stop_all() {
    trap - INT TERM HUP EXIT
    [ -d "$run_dir" ] || return 0
    local stopped=false
    if [ -f "$run_dir/nginx.pid" ]; then stop_process "$run_dir/nginx.pid" nginx; stopped=true; fi
    local port
    for port in "${app_ports[@]}"; do
        if [ -f "$run_dir/app-$port.pid" ]; then stop_process "$run_dir/app-$port.pid" streamlit; stopped=true; fi
    done
    if [ -f "$pg_data/postmaster.pid" ]; then
        as_postgres "$(pg_bin)/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
        stopped=true
    fi
    rm -f "$run_dir/try.pid"
    if $stopped; then say "stoppat (loggarna finns kvar i $logs)"; fi
}

# --------------------------------------------------------------------------------------- starting

start_postgres() {  # the cluster, the role lokal (its password in pg_password) and the database
    local bin
    bin="$(pg_bin)"
    mkdir -p "$pg_dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
    as_postgres "$bin/initdb" -D "$pg_data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --no-locale >"$logs/initdb.log" 2>&1 || { cat "$logs/initdb.log" >&2; fail "initdb misslyckades"; }
    as_postgres "$bin/pg_ctl" -D "$pg_data" -l "$pg_dir/postgres.log" -w -t 60 \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null \
        || { cat "$pg_dir/postgres.log" >&2; fail "PostgreSQL startade inte"; }
    pg_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    # The same statements as on a server (deploy/README.md, step 3): a role for the app, a database it owns.
    as_postgres "$bin/psql" -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -v password="$pg_password" >/dev/null <<'SQL'
CREATE ROLE lokal LOGIN PASSWORD :'password';
CREATE DATABASE lokalutveckling OWNER lokal;
REVOKE ALL ON DATABASE lokalutveckling FROM PUBLIC;
SQL
}

write_env() {  # write_env PASSWORD: the env file, as deploy/env.example with this machine's values
    local geo="${LOKALUTVECKLING_GEO:-}" documents="${LOKALUTVECKLING_DOKUMENT:-}"
    if [ -z "$geo" ] && [ -d ../shared/geo ]; then geo="$(cd ../shared/geo && pwd)"; fi
    if [ -z "$documents" ] && [ -d ../shared/seeds ]; then documents="$(cd ../shared/seeds && pwd)"; fi
    (
        umask 077
        {
            echo "LOKALUTVECKLING_DUCKLAKE=\"host=127.0.0.1 port=$pg_port dbname=lokalutveckling user=lokal password=$1\""
            echo "LOKALUTVECKLING_DUCKLAKE_MAPP=\"$state/lake\""
            if [ -n "$geo" ]; then echo "LOKALUTVECKLING_GEO=\"$geo\""; fi
            if [ -n "$documents" ]; then echo "LOKALUTVECKLING_DOKUMENT=\"$documents\""; fi
            echo "PYTHONMALLOC=\"malloc\""
            echo "MALLOC_ARENA_MAX=\"2\""
        } >"$state/env"
    )
}

load_env() {  # the env file's variables, exported
    # The lake is the store; should this version of the app not know DuckLake, its embedded store file is
    # made in the throw-away folder too, never in the repository's data/.
    export LOKALUTVECKLING_DB="$state/utan-ducklake.duckdb"
    set -a
    # shellcheck disable=SC1091
    . "$state/env"
    set +a
}

with_env() { (load_env && exec "$@"); }  # with_env COMMAND...: COMMAND with the env file's variables

write_nginx_conf() {
    # Debian's layout in miniature: conf.d/ and snippets/ hold the deploy/ files themselves (linked), so the
    # relative includes in them work here as under /etc/nginx.
    mkdir -p "$nginx_dir/conf.d" "$nginx_dir/snippets" "$nginx_dir/logs" "$nginx_dir/tmp"
    ln -sf "$repo/deploy/nginx/lokalutveckling-http.conf" "$nginx_dir/conf.d/lokalutveckling.conf"
    ln -sf "$repo/deploy/nginx/lokalutveckling-proxy.conf" "$nginx_dir/snippets/lokalutveckling-proxy.conf"
    local load=""
    if [ -e "$brotli_module" ]; then
        load="load_module $brotli_module;"
        ln -sf "$repo/deploy/nginx/lokalutveckling-brotli.conf" "$nginx_dir/snippets/lokalutveckling-brotli.conf"
    fi
    cat >"$nginx_dir/nginx.conf" <<EOF
# Written by deploy/try.sh: nginx for trying the installation out, on 127.0.0.1:$proxy_port.
$load
daemon off;
worker_processes 2;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    # Which process answered each request (up=): the sticky sessions at work.
    log_format lokalutveckling '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
                               'up=\$upstream_addr key=\$lokalutveckling_sticky rt=\$request_time';
    access_log $nginx_dir/logs/access.log lokalutveckling;
    client_body_temp_path $nginx_dir/tmp/body;
    proxy_temp_path $nginx_dir/tmp/proxy;
    fastcgi_temp_path $nginx_dir/tmp/fastcgi;
    uwsgi_temp_path $nginx_dir/tmp/uwsgi;
    scgi_temp_path $nginx_dir/tmp/scgi;
    include conf.d/*.conf;
    server {
        listen 127.0.0.1:$proxy_port;
        server_name localhost;
        include snippets/lokalutveckling-proxy.conf;
    }
}
EOF
}

start_detached() {  # start_detached NAME LOG ENV COMMAND...: in a session (and process group) of its own, with
    # the env file's variables when ENV is "env"; its pid (= its process group's id) in run/NAME.pid
    local name="$1" log="$2" env="$3"
    shift 3
    # The subshell is no process group leader, so setsid makes the session in the same process and execs.
    (if [ "$env" = env ]; then load_env; fi && exec setsid "$@") >"$log" 2>&1 </dev/null &
    echo "$!" >"$run_dir/$name.pid"
}

wait_ready() {  # wait_ready URL PIDFILE WHAT: until URL answers, while the process lives (at most 180 s)
    local url="$1" pid what="$3" i
    pid="$(cat "$2")"
    for i in $(seq 1 360); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
        alive "$pid" || fail "$what slutade innan den svarade (se $logs/)"
        sleep 0.5
    done
    fail "$what svarade inte på $url inom 180 s (se $logs/)"
}

running_pids() {
    local f
    for f in "$run_dir"/*.pid; do
        [ -f "$f" ] || continue
        if alive "$(cat "$f")"; then echo "$(basename "$f" .pid)=$(cat "$f")"; fi
    done
}

start() {
    local detach=false
    if [ "${1:-}" = "--detach" ]; then detach=true; fi
    if [ -n "$(running_pids)" ]; then
        fail "körs redan ($(running_pids | tr '\n' ' ')): stoppa med bash deploy/try.sh stop"
    fi
    if [ -e "$state" ] && [ ! -e "$marker" ]; then
        fail "$state finns men är inte try.sh:s mapp: ange en annan med LOKALUTVECKLING_TRY_DIR"
    fi
    install_missing
    local port
    for port in "$proxy_port" "$pg_port" "${app_ports[@]}"; do
        if port_in_use "$port"; then fail "porten $port på 127.0.0.1 används redan"; fi
    done
    rm -rf "$state"
    mkdir -p "$state" "$run_dir" "$logs"
    chmod 755 "$state"
    touch "$marker"
    trap stop_all EXIT
    trap 'stop_all; exit 130' INT TERM HUP

    say "PostgreSQL (DuckLake-katalogen) på 127.0.0.1:$pg_port"
    start_postgres
    write_env "$pg_password"
    say "bygger databasen i DuckLake (python -m lokalutveckling store build)"
    if ! with_env .venv/bin/python -m lokalutveckling store build >"$logs/store-build.log" 2>&1; then
        tail -n 20 "$logs/store-build.log" >&2
        say "store build misslyckades (ovan): appen startar ändå och visar vad som är fel."
    fi
    for port in "${app_ports[@]}"; do
        start_detached "app-$port" "$logs/app-$port.log" env .venv/bin/streamlit run dashboard.py \
            --server.port "$port" --server.address 127.0.0.1 --server.headless true
    done
    write_nginx_conf
    local nginx
    nginx="$(nginx_bin)"
    "$nginx" -t -q -p "$nginx_dir/" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/logs/error.log" \
        || fail "nginx-konfigurationen går inte att använda (ovan)"
    start_detached nginx "$logs/nginx.log" no-env "$nginx" -p "$nginx_dir/" -c "$nginx_dir/nginx.conf" \
        -e "$nginx_dir/logs/error.log"
    for port in "${app_ports[@]}"; do
        wait_ready "http://127.0.0.1:$port/_stcore/health" "$run_dir/app-$port.pid" "Appen på port $port"
    done
    wait_ready "http://127.0.0.1:$proxy_port/_stcore/health" "$run_dir/nginx.pid" nginx

    echo
    say "Lokal utveckling körs på http://127.0.0.1:$proxy_port/"
    say "  nginx framför två processer (127.0.0.1:${app_ports[0]} och :${app_ports[1]}), en DuckLake-databas:"
    say "  katalogen i PostgreSQL (127.0.0.1:$pg_port), data i $state/lake; loggar i $logs/"
    say "  ett konto: set -a; . $state/env; set +a; .venv/bin/python -m lokalutveckling user add kim --roll admin"
    if $detach; then
        trap - INT TERM HUP EXIT
        say "stoppa med: bash deploy/try.sh stop"
        return 0
    fi
    echo "$$" >"$run_dir/try.pid"
    say "stoppa med Ctrl-C (eller bash deploy/try.sh stop)"
    local pids=()
    for port in "${app_ports[@]}"; do pids+=("$(cat "$run_dir/app-$port.pid")"); done
    pids+=("$(cat "$run_dir/nginx.pid")")
    # Until one of them ends (or a signal comes: the trap stops the rest).
    wait -n "${pids[@]}" || true
    say "en av processerna slutade (se $logs/): stoppar resten"
    stop_all
    exit 1
}

stop() {
    # A try.sh waiting in a terminal stops everything itself on TERM (and says so there); what is left after
    # it, or after a detached start, is stopped here.
    local pid
    pid="$(cat "$run_dir/try.pid" 2>/dev/null || true)"
    if alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q try.sh; then
        kill -TERM "$pid" 2>/dev/null || true
        local i
        for i in $(seq 1 150); do alive "$pid" || break; sleep 0.2; done
    fi
    stop_all
}

status() {
    local pids
    pids="$(running_pids)"
    if [ -z "$pids" ]; then say "inget körs"; return 0; fi
    echo "$pids"
    say "http://127.0.0.1:$proxy_port/"
}

case "${1:-start}" in
    start) shift || true; start "$@" ;;
    stop) stop ;;
    status) status ;;
    backup)
        [ -f "$state/env" ] || fail "inget att säkerhetskopiera: starta först (bash deploy/try.sh)"
        with_env bash deploy/backup.sh "$state/backups"
        ;;
    *) fail "okänt kommando $1 (start [--detach], stop, status, backup)" ;;
esac
