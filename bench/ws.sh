#!/usr/bin/env bash
# The consultation hub under load (issue #12 target for one 2-core instance: 10,000 connections
# held, p99 delivery under 100 ms at 1,000 messages a second). Builds release, fills a throwaway
# database with CONNECTIONS/2 live conversations (`Run bench-consultations`), then runs
# bench/ws_bench.py: on SQLite against one instance, and on a throwaway PostgreSQL 15 against two
# instances with the two sides of every conversation on different instances (every delivery
# crosses the LISTEN/NOTIFY relay). The Python client shares the machine's two cores with the
# server(s). Asserts nothing; prints figures.
#
#   bench/ws.sh [connections] [messages-per-second] [seconds]     e.g. bench/ws.sh 10000 1000 20
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CONNECTIONS="${1:-10000}"
RATE="${2:-1000}"
SECONDS_EACH="${3:-20}"
trap bench_cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
BIN=.build/release/Run
VENV=.build/bench-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import websockets.asyncio.client" 2>/dev/null || "$VENV/bin/pip" install -q "websockets>=13,<16"
export FAYUAN_CONSULTATION_ALWAYS_OPEN=1 FAYUAN_CONSULTATION_ROUND_SECONDS=0 FAYUAN_CONSULTATION_MESSAGES_PER_MINUTE=100000

start_postgres
for db in sqlite postgres; do
  data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data")
  url=""; [ $db = postgres ] && url=$(fresh_pg_database)
  env ${url:+DATABASE_URL=$url} FAYUAN_DATA_DIR="$data" "$BIN" bench-consultations --conversations $(( CONNECTIONS / 2 )) --keys "$data/keys.txt" --log error
  port=$(free_port); start_fayuan "$BIN" "$port" "$url" "$data"
  bases="ws://127.0.0.1:$port"
  label="SQLite, one instance"
  if [ $db = postgres ]; then
    data2=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data2"); cp "$data/keys.json" "$data2/"  # one key ring for both
    port2=$(free_port); start_fayuan "$BIN" "$port2" "$url" "$data2"
    bases="$bases ws://127.0.0.1:$port2"
    label="PostgreSQL, two instances (every delivery crosses instances)"
  fi
  echo "== $label: $CONNECTIONS sockets, $RATE messages/s for ${SECONDS_EACH}s"
  "$VENV/bin/python" bench/ws_bench.py "$data/keys.txt" "$CONNECTIONS" "$RATE" "$SECONDS_EACH" $bases
  for pid in "${BENCH_PIDS[@]}"; do
    rss=$(ps -o rss= -p "$pid" 2>/dev/null || true); [ -n "$rss" ] && echo "server pid $pid: $(( rss / 1024 )) MB resident"
  done
  stop_last_server; [ $db = postgres ] && stop_last_server
done
