# Shared by the HTTP benchmarks: free ports, a throwaway PostgreSQL, a server started and
# stopped, the bare Vapor hello every figure is printed next to, and wrk.
# Source it: `. bench/lib.sh`. Nothing here asserts anything; the scripts print figures.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Starts a throwaway PostgreSQL 15 and sets BENCH_PG_URL (stopped by bench_cleanup).
start_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  BENCH_PG_DIR=$(mktemp -d /tmp/fayuan-bench-pg.XXXXXX)
  local port; port=$(free_port)
  [ "$(id -u)" -eq 0 ] && chown postgres "$BENCH_PG_DIR"
  as_pg "$bin/initdb" -D "$BENCH_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$bin/pg_ctl" -D "$BENCH_PG_DIR/data" -l "$BENCH_PG_DIR/server.log" -w \
    -o "-p $port -k $BENCH_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  BENCH_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

fresh_pg_database() {  # a new empty database on the throwaway cluster; prints its URL
  local name="bench_$RANDOM$RANDOM"
  psql "$BENCH_PG_URL" -qc "CREATE DATABASE $name" >/dev/null
  echo "${BENCH_PG_URL%/postgres}/$name"
}

BENCH_PIDS=()
bench_cleanup() {
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ -n "${BENCH_PG_DIR:-}" ]; then
    as_pg /usr/lib/postgresql/15/bin/pg_ctl -D "$BENCH_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$BENCH_PG_DIR"
  fi
  rm -rf "${BENCH_DATA_DIRS[@]:-}"
}

wait_until_up() {  # url
  for _ in $(seq 1 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "server at $1 did not come up" >&2; return 1
}

# start_fayuan BINARY PORT [DATABASE_URL]: demo data, limits raised (every client is one address).
BENCH_DATA_DIRS=()
start_fayuan() {
  local bin=$1 port=$2 db=${3:-} data=${4:-}
  if [ -z "$data" ]; then data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data"); fi
  env ${db:+DATABASE_URL=$db} FAYUAN_DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=error \
    FAYUAN_SIGNINS_PER_MINUTE=1000000 FAYUAN_LOOKUPS_PER_MINUTE=1000000 FAYUAN_APPLICATION_WRITES_PER_10_MINUTES=1000000 FAYUAN_CONSULTATION_WRITES_PER_10_MINUTES=1000000 \
    FAYUAN_DEADLINE_SWEEP_SECONDS=0 "$bin" serve --log error >"$data/server.log" 2>&1 &
  BENCH_PIDS+=($!)
  wait_until_up "http://127.0.0.1:$port/healthz"
}

stop_last_server() {
  local pid=${BENCH_PIDS[-1]}
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  unset 'BENCH_PIDS[-1]'
}

# start_hello BINARY PORT: a bare Vapor app answering "Hello, world!" (no middleware, no database).
start_hello() {
  PORT="$2" "$1" bench-hello >/dev/null 2>&1 &
  BENCH_PIDS+=($!)
  wait_until_up "http://127.0.0.1:$2/"
}

# requests_per_second URL CONNECTIONS SECONDS [extra wrk args…]: prints the Requests/sec figure,
# and fails (prints the status spread) if anything but 2xx came back.
requests_per_second() {
  local url=$1 connections=$2 seconds=$3; shift 3
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $url:" >&2; grep -E "Non-2xx|requests in" <<<"$out" >&2; echo "0"; return; fi
  awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out"
}

# wrk_figures URL CONNECTIONS SECONDS [extra wrk args…]: prints "REQ_PER_SEC P50_MS P99_MS"
# ("0 - -" if anything but 2xx came back, with the status spread on stderr). Two wrk threads, or
# one when CONNECTIONS is 1 (a single connection measures one request's latency, not a queue).
wrk_figures() {
  local url=$1 connections=$2 seconds=$3; shift 3
  local threads=2; [ "$connections" -lt 2 ] && threads=1
  local out; out=$(wrk -t$threads -c"$connections" -d"${seconds}s" --latency "$@" "$url")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $url:" >&2; grep -E "Non-2xx|requests in" <<<"$out" >&2; echo "0 - -"; return; fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
       END {printf "%.0f %.2f %.2f\n", rps, p50, p99}' <<<"$out"
}

# start_nginx DIR PORT_A PORT_B LISTEN_PORT: nginx in the foreground (tracked in BENCH_PIDS) with
# the deployment example deploy/nginx-fayuan.conf in front of two instances; its files under DIR.
start_nginx() {
  local dir=$1 port_a=$2 port_b=$3 port_n=$4
  mkdir -p "$dir/logs"; chmod 755 "$dir"
  sed -e "s|@PORT_A@|$port_a|; s|@PORT_B@|$port_b|; s|@LISTEN@|127.0.0.1:$port_n|; s|@LOG_DIR@|$dir/logs|" deploy/nginx-fayuan.conf >"$dir/fayuan.conf"
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  include $dir/fayuan.conf;
}
CONF
  nginx -t -c "$dir/nginx.conf" -p "$dir" >/dev/null 2>&1 || { nginx -t -c "$dir/nginx.conf" -p "$dir"; return 1; }
  nginx -c "$dir/nginx.conf" -p "$dir" &
  BENCH_PIDS+=($!)
  wait_until_up "http://127.0.0.1:$port_n/healthz"
}
