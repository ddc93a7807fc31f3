#!/usr/bin/env bash
# Audited page views a second: 64 concurrent clients, signed in as the centre's reviewer, read
# one application's page (each view writes a personalData.view audit record), on SQLite and on
# a throwaway PostgreSQL 15, next to a bare Vapor hello measured in the same run.
# With BEFORE_BIN=path/to/an/older/Run the same is measured for that build too (the figures in
# the #10 note compare the build before the audit inbox with this one).
#
#   bench/audited-views.sh [seconds] [connections]      e.g. BEFORE_BIN=/tmp/run-before bench/audited-views.sh 15
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SECONDS_EACH="${1:-10}"
CONNECTIONS="${2:-64}"
trap bench_cleanup EXIT
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
AFTER_BIN=.build/release/Run
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s"

port=$(free_port); start_hello "$AFTER_BIN" "$port"
hello=$(requests_per_second "http://127.0.0.1:$port/" "$CONNECTIONS" "$SECONDS_EACH")
stop_last_server
echo "bare Vapor hello:                       $hello req/s"

start_postgres
measure() {  # label binary [database-url]
  local label=$1 bin=$2 db=${3:-} port; port=$(free_port)
  start_fayuan "$bin" "$port" "$db"
  read -r cookie url < <(python3 bench/signin.py "http://127.0.0.1:$port" shencha)
  requests_per_second "$url" 4 2 -H "Cookie: $cookie" >/dev/null  # warm up
  local rate; rate=$(requests_per_second "$url" "$CONNECTIONS" "$SECONDS_EACH" -H "Cookie: $cookie")
  stop_last_server
  printf '%-38s %6s req/s  (%s%% of hello)\n' "$label:" "$rate" "$(awk -v a="$rate" -v b="$hello" 'BEGIN {printf "%.1f", 100*a/b}')"
}
for db in sqlite postgres; do
  if [ -n "${BEFORE_BIN:-}" ]; then
    measure "audited view, $db, before" "$BEFORE_BIN" "$([ $db = postgres ] && fresh_pg_database || true)"
  fi
  measure "audited view, $db, this build" "$AFTER_BIN" "$([ $db = postgres ] && fresh_pg_database || true)"
done

# In process, without HTTP: the audited write alone, chained on the request path as before #10
# against the inbox, with the same number of concurrent writers.
echo
data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data")
FAYUAN_DATA_DIR="$data" "$AFTER_BIN" bench-audit --writers "$CONNECTIONS" --log error 2>&1 | grep -v -E '\[ (INFO|NOTICE) \]|Migrator'
data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data")
DATABASE_URL=$(fresh_pg_database) FAYUAN_DATA_DIR="$data" "$AFTER_BIN" bench-audit --writers "$CONNECTIONS" --log error 2>&1 | grep -v -E '\[ (INFO|NOTICE) \]|Migrator'
