#!/usr/bin/env bash
# The case list of a centre with many cases (#11 target: first page under 20 ms at 100,000 cases).
# Builds release, fills a throwaway database with N open cases at the demo centre
# (`Run bench-sweep --runs 0`), starts the server and measures, with one wrk connection (so the
# figure is the latency of one request, not a queue), the first page, a middle page and the
# count the list header shows, on SQLite and on a throwaway PostgreSQL 15. Asserts nothing.
# Filling 100,000 cases takes about six minutes per database on a 2-core machine.
#
#   bench/case-list.sh [cases] [seconds]      e.g. bench/case-list.sh 100000 5
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CASES="${1:-100000}"
SECONDS_EACH="${2:-5}"
trap bench_cleanup EXIT
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
BIN=.build/release/Run
echo "machine: $(nproc) cores; wrk -t1 -c1 -d${SECONDS_EACH}s; $CASES open cases at one centre, listed by its reviewer"
printf '%-52s %8s %9s %9s\n' "operation" "req/s" "p50 ms" "p99 ms"

staff_token() {  # base-url
  python3 - "$1" <<'PY'
import json, sys, time, urllib.request
sys.path.insert(0, "bench")
from signin import STAFF_PASSWORD, totp
body = json.dumps({"username": "shencha", "password": STAFF_PASSWORD, "code": totp(int(time.time() // 30) + 1)}).encode()
request = urllib.request.Request(sys.argv[1] + "/api/v1/auth/token", data=body, method="POST", headers={"Content-Type": "application/json"})
print(json.loads(urllib.request.urlopen(request, timeout=30).read())["token"])
PY
}

start_postgres
for db in sqlite postgres; do
  data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data")
  url=""; [ $db = postgres ] && url=$(fresh_pg_database)
  started=$(date +%s)
  env ${url:+DATABASE_URL=$url} FAYUAN_DATA_DIR="$data" FAYUAN_DEADLINE_SWEEP_SECONDS=0 "$BIN" bench-sweep --cases "$CASES" --runs 0 --log error >/dev/null 2>&1
  echo "($db filled in $(( $(date +%s) - started )) s)"
  port=$(free_port); start_fayuan "$BIN" "$port" "$url" "$data"
  base="http://127.0.0.1:$port"; token=$(staff_token "$base")
  total=$(curl -fs -D - -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/cases?limit=1" | awk -F': ' 'tolower($1) == "x-total-count" {print $2+0}')
  printf '%-52s %8s %9s %9s\n' "GET /api/v1/cases first page of 20 ($total), $db" $(wrk_figures "$base/api/v1/cases?limit=20" 1 "$SECONDS_EACH" -H "Authorization: Bearer $token")
  printf '%-52s %8s %9s %9s\n' "GET /api/v1/cases page 100 of 20, $db" $(wrk_figures "$base/api/v1/cases?limit=20&page=100" 1 "$SECONDS_EACH" -H "Authorization: Bearer $token")
  printf '%-52s %8s %9s %9s\n' "GET /api/v1/cases first page of 200, $db" $(wrk_figures "$base/api/v1/cases?limit=200" 1 "$SECONDS_EACH" -H "Authorization: Bearer $token")
  stop_last_server
done
