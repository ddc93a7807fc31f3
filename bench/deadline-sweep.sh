#!/usr/bin/env bash
# Times the deadline board and the minute sweep (DeadlineSweep) on N synthetic open cases and
# N applications at the centre, in a throwaway SQLite database (or PostgreSQL if DATABASE_URL
# names a throwaway database). Prints the figures; asserts nothing.
#
#   bench/deadline-sweep.sh [cases] [runs]      e.g. bench/deadline-sweep.sh 5000 5
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-2000}"
RUNS="${2:-5}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
swift build -c release --product Run >/dev/null 2>&1 || swift build -c release --product Run
DB=SQLite; [ -n "${DATABASE_URL:-}" ] && DB=PostgreSQL
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); database: $DB"
FAYUAN_DATA_DIR="$DATA" FAYUAN_DEADLINE_SWEEP_SECONDS=0 .build/release/Run bench-sweep --cases "$CASES" --runs "$RUNS" 2>&1 \
  | grep -v -E '\[ (INFO|NOTICE) \]|Migrator'
