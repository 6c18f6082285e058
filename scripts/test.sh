#!/usr/bin/env bash
# Install everything (Python packages, Debian's chromium for the browser tests, Debian's postgresql for the
# DuckLake tests) and run every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Maps use the development boundary files beside the project when nothing else is configured.
if [ -z "${LOKALUTVECKLING_GEO:-}" ] && [ -d ../shared/geo ]; then
    export LOKALUTVECKLING_GEO="$(cd ../shared/geo && pwd)"
fi
# Source documents open in the app from the development copies beside the project, the same way.
if [ -z "${LOKALUTVECKLING_DOKUMENT:-}" ] && [ -d ../shared/seeds ]; then
    export LOKALUTVECKLING_DOKUMENT="$(cd ../shared/seeds && pwd)"
fi
bash scripts/setup.sh requirements-dev.txt
bash scripts/chromium.sh --required  # the browser tests and the image tests need it
bash scripts/postgres.sh  # the DuckLake tests start a throw-away PostgreSQL cluster of their own (tests/pg.py)
.venv/bin/ruff check .
.venv/bin/ruff format --check .
# The SQL style check (about 15 s) runs beside the tests, which leave a CPU idle while they wait for a browser
# or a server; its result counts like theirs, and its report is printed when it fails.
sql_log="$(mktemp)"
.venv/bin/sqlfluff lint queries/ --processes 1 >"$sql_log" 2>&1 &
sql_pid=$!
status=0
# One worker per CPU, a file's tests on one worker.
.venv/bin/python -m pytest -n auto --dist loadfile "$@" || status=$?
if ! wait "$sql_pid"; then
    cat "$sql_log"
    echo "sqlfluff: queries/ do not follow the SQL style (above)" >&2
    status=1
fi
rm -f "$sql_log"
exit "$status"
