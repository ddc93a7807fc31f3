#!/usr/bin/env bash
# Two Fayuan instances behind nginx (deploy/nginx-fayuan.conf) on one throwaway PostgreSQL 15:
# starts them, checks that pages spread over both, that a sign-in holds on either, that rate
# limits and the deadline sweep count both together and that the audit chain stays whole, then
# stops everything. Exits non-zero on any failure.
#
# Then, when the browser-test environment exists (scripts/test.sh makes it), a citizen on one
# instance and a staff member on the other hold a live consultation in headless Chromium.
#
#   scripts/two-instances.sh [RUN_BINARY]      (default .build/debug/Run; build it first)
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
BIN="${1:-.build/debug/Run}"
WORK=$(mktemp -d /tmp/fayuan-two.XXXXXX); chmod 755 "$WORK"
finish() { bench_cleanup; rm -rf "$WORK"; }
trap finish EXIT

start_postgres
DB=$(fresh_pg_database)
DATA="$WORK/data"; mkdir -p "$DATA"   # shared: the key file and the uploads (in production: shared storage)
PORT_A=$(free_port); PORT_B=$(free_port); PORT_N=$(free_port)
start_instance() {
  env DATABASE_URL="$DB" FAYUAN_DATA_DIR="$DATA" PORT="$1" HOST=127.0.0.1 FAYUAN_TRUSTED_PROXIES=127.0.0.1 \
    FAYUAN_LOOKUPS_PER_MINUTE=6 FAYUAN_DEADLINE_SWEEP_SECONDS=1 FAYUAN_SIGNINS_PER_MINUTE=100 FAYUAN_CONSULTATION_WRITES_PER_10_MINUTES=10000 \
    FAYUAN_CONSULTATION_ALWAYS_OPEN=1 FAYUAN_CONSULTATION_ROUND_SECONDS=2 "$BIN" serve --log warning >"$WORK/instance-$1.log" 2>&1 &
  BENCH_PIDS+=($!)
  wait_until_up "http://127.0.0.1:$1/healthz"
}
start_instance "$PORT_A"   # migrates and seeds the demo district first
start_instance "$PORT_B"

start_nginx "$WORK/nginx" "$PORT_A" "$PORT_B" "$PORT_N" || exit 1

python3 scripts/two_instances_check.py "http://127.0.0.1:$PORT_N" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$DB"
status=$?

VENV=.build/e2e-venv
if [ -x "$VENV/bin/python" ] && command -v chromium >/dev/null 2>&1; then
  if FAYUAN_BASE_URL="http://127.0.0.1:$PORT_A" FAYUAN_STAFF_BASE_URL="http://127.0.0.1:$PORT_B" \
     FAYUAN_ARTIFACTS="${FAYUAN_ARTIFACTS:-$WORK/screenshots}" \
     "$VENV/bin/python" -m pytest e2e/test_consultation.py -q -p no:cacheprovider -k chat_live >"$WORK/chat.log" 2>&1; then
    echo "ok    a citizen on one instance and a staff member on the other chat live in the browser (file and reload included)"
  else
    echo "FAIL  live chat across the two instances:"; tail -n 30 "$WORK/chat.log"
    grep -hiE "error|critical" "$WORK"/instance-*.log | tail -n 10; status=1
  fi
else
  echo "skip  live chat across the two instances in the browser (no .build/e2e-venv or chromium: run scripts/test.sh)"
fi

# Stop nginx and both instances (each seals what is waiting on the way out), then check the
# one chain they wrote.
stop_last_server; stop_last_server; stop_last_server
if env DATABASE_URL="$DB" FAYUAN_DATA_DIR="$DATA" "$BIN" verify-audit --log error >"$WORK/verify.log" 2>&1; then
  echo "ok    the audit chain both instances wrote verifies ($(grep -oE '[0-9]+ entries' "$WORK/verify.log" | head -1))"
else
  echo "FAIL  verify-audit:"; tail -5 "$WORK/verify.log"; status=1
fi
exit $status
