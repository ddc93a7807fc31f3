#!/usr/bin/env bash
# The platform's HTTP figures next to a bare Vapor hello measured in the same run (#11): builds
# release, fills a throwaway database with A published law articles (`Run bench-search`, the
# knowledge rows search them, not the demo's few entries) and N open cases (`Run bench-sweep`),
# starts the server and
# measures each operation with wrk, on SQLite and on a throwaway PostgreSQL 15. Prints requests a
# second, p50 and p99 latency, the share of hello, and the server's resident memory at the end.
# Asserts nothing.
#
#   bench/http.sh [cases] [seconds] [connections] [articles]   e.g. bench/http.sh 2000 10 64 20000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CASES="${1:-2000}"
SECONDS_EACH="${2:-10}"
CONNECTIONS="${3:-64}"
ARTICLES="${4:-20000}"
trap bench_cleanup EXIT
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
BIN=.build/release/Run
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s; $CASES open cases, $ARTICLES law articles"

port=$(free_port); start_hello "$BIN" "$port"
read -r hello hello50 hello99 < <(wrk_figures "http://127.0.0.1:$port/" "$CONNECTIONS" "$SECONDS_EACH")
stop_last_server
printf '%-44s %8s %9s %9s %8s\n' "operation" "req/s" "p50 ms" "p99 ms" "of hello"
printf '%-44s %8s %9s %9s %8s\n' "bare Vapor hello" "$hello" "$hello50" "$hello99" "100%"

row() {  # label figures…
  local label=$1 rps=$2 p50=$3 p99=$4
  printf '%-44s %8s %9s %9s %7s%%\n' "$label" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$hello" 'BEGIN {printf "%.1f", 100*a/b}')"
}

measure_all() {  # label-suffix base-url
  local tag=$1 base=$2
  # The page session first: it signs in with this half-minute's code, the API fixture with the next.
  local cookie page; read -r cookie page < <(python3 bench/signin.py "$base" shencha)
  eval "$(python3 bench/api_fixture.py "$base")"
  local staff=(-H "Authorization: Bearer $STAFF_TOKEN")
  wrk_figures "$base/api/v1/cases/$CASE_ID" 4 2 "${staff[@]}" >/dev/null  # warm up
  row "GET / (home, anonymous), $tag" $(wrk_figures "$base/" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /healthz (one SELECT 1), $tag" $(wrk_figures "$base/healthz" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /consult (desk page), $tag" $(wrk_figures "$base/consult" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /api/v1/status (lookup), $tag" $(wrk_figures "$base/api/v1/status?number=$NUMBER&phoneLast4=$PHONE_LAST4" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /api/v1/cases/{id} (staff), $tag" $(wrk_figures "$base/api/v1/cases/$CASE_ID" "$CONNECTIONS" "$SECONDS_EACH" "${staff[@]}")
  row "GET /api/v1/applications/{id} (audited), $tag" $(wrk_figures "$base/api/v1/applications/$APPLICATION_ID" "$CONNECTIONS" "$SECONDS_EACH" "${staff[@]}")
  row "GET /api/v1/cases (first page), $tag" $(wrk_figures "$base/api/v1/cases" "$CONNECTIONS" "$SECONDS_EACH" "${staff[@]}")
  row "GET staff application page (session), $tag" $(wrk_figures "$page" "$CONNECTIONS" "$SECONDS_EACH" -H "Cookie: $cookie")
  row "GET law article page, $tag" $(wrk_figures "$base$ARTICLE_PATH" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /knowledge?q=工伤 (search page), $tag" $(wrk_figures "$base/knowledge?q=%E5%B7%A5%E4%BC%A4" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /api/v1/knowledge/ask (智能咨询), $tag" $(wrk_figures "$base/api/v1/knowledge/ask?q=%E8%80%81%E6%9D%BF%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84%E6%80%8E%E4%B9%88%E5%8A%9E" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /directory?q=调解 (directory), $tag" $(wrk_figures "$base/directory?q=%E8%B0%83%E8%A7%A3" "$CONNECTIONS" "$SECONDS_EACH")
  row "GET /directory/nearest (from a position), $tag" $(wrk_figures "$base/directory/nearest?lat=30.5905&lon=114.2842" "$CONNECTIONS" "$SECONDS_EACH")
  row "POST /api/v1/applications (draft), $tag" $(TOKEN=$CITIZEN_TOKEN POINT=$POINT_ID wrk_figures "$base/api/v1/applications" "$CONNECTIONS" "$SECONDS_EACH" -s bench/draft.lua)
}

rss() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

start_postgres
for db in sqlite postgres; do
  data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data")
  url=""; [ $db = postgres ] && url=$(fresh_pg_database)
  # Fill: N open cases and as many applications at the centre.
  env ${url:+DATABASE_URL=$url} FAYUAN_DATA_DIR="$data" "$BIN" bench-search --articles "$ARTICLES" --runs 10 --log error >/dev/null 2>&1
  env ${url:+DATABASE_URL=$url} FAYUAN_DATA_DIR="$data" FAYUAN_DEADLINE_SWEEP_SECONDS=0 "$BIN" bench-sweep --cases "$CASES" --runs 1 --log error >/dev/null 2>&1
  port=$(free_port); start_fayuan "$BIN" "$port" "$url" "$data"
  measure_all "$db" "http://127.0.0.1:$port"
  echo "resident memory of the $db server after its runs: $(rss "${BENCH_PIDS[-1]}") MB"
  stop_last_server
done

# Two instances behind nginx (deploy/nginx-fayuan.conf) on one PostgreSQL.
data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data"); chmod 755 "$data"
url=$(fresh_pg_database)
env DATABASE_URL="$url" FAYUAN_DATA_DIR="$data" "$BIN" bench-search --articles "$ARTICLES" --runs 10 --log error >/dev/null 2>&1
env DATABASE_URL="$url" FAYUAN_DATA_DIR="$data" FAYUAN_DEADLINE_SWEEP_SECONDS=0 "$BIN" bench-sweep --cases "$CASES" --runs 1 --log error >/dev/null 2>&1
port_a=$(free_port); port_b=$(free_port); port_n=$(free_port)
FAYUAN_TRUSTED_PROXIES=127.0.0.1 start_fayuan "$BIN" "$port_a" "$url" "$data"; pid_a=${BENCH_PIDS[-1]}
FAYUAN_TRUSTED_PROXIES=127.0.0.1 start_fayuan "$BIN" "$port_b" "$url" "$data"; pid_b=${BENCH_PIDS[-1]}
start_nginx "$data/nginx" "$port_a" "$port_b" "$port_n"
measure_all "postgres, 2 instances + nginx" "http://127.0.0.1:$port_n"
echo "resident memory of the two instances after their runs: $(rss "$pid_a") MB and $(rss "$pid_b") MB"
