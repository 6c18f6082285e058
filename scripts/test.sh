#!/usr/bin/env bash
# Install everything (Python packages, Debian's chromium for the browser tests) and run every check and test.
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
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/sqlfluff lint queries/ --processes 2
# One worker per CPU, a file's tests on one worker (the suite takes about 8 minutes on one CPU, 5 on two).
.venv/bin/python -m pytest -n auto --dist loadfile "$@"
