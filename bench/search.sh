#!/usr/bin/env bash
# Chinese search over many articles (#13 target: p95 within 2× the engine's raw indexed query,
# and under 50 ms). Builds release, loads N synthetic published articles into a throwaway
# SQLite database and a throwaway PostgreSQL 15 (UTF-8 locale) through the real indexing path,
# then times searches of two, three and more characters: our layer (index, entries, ranking,
# highlighting of a first page) against the engine's own query for the same words. Asserts
# nothing. Loading 100,000 articles takes a few minutes per database on a 2-core machine.
#
#   bench/search.sh [articles] [runs]      e.g. bench/search.sh 100000 100
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ARTICLES="${1:-100000}"
RUNS="${2:-100}"
trap bench_cleanup EXIT
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
BIN=.build/release/Run
echo "machine: $(nproc) cores"
start_postgres
for db in sqlite postgres; do
  data=$(mktemp -d /tmp/fayuan-bench.XXXXXX); BENCH_DATA_DIRS+=("$data")
  url=""; [ $db = postgres ] && url=$(fresh_pg_database)
  env ${url:+DATABASE_URL=$url} FAYUAN_DATA_DIR="$data" "$BIN" bench-search --articles "$ARTICLES" --runs "$RUNS" --log error
  echo
done
