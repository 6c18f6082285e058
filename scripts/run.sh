#!/usr/bin/env bash
# Install everything and start the dashboard on the built-in default data (http://localhost:8501).
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
bash scripts/setup.sh requirements.txt
bash scripts/chromium.sh  # the chart and map images; without it the app starts and says what is missing
# Opens the store the way the app does and says what it did: builds it when missing, rebuilds it from its
# journal when it was lost or damaged, keeps an edited one. The app starts whatever this says: when the
# store cannot be used (held by another process, or beyond repair) its page tells readers what to do.
.venv/bin/python -m lokalutveckling store build || echo "Appen startar ändå och visar vad som är fel."
# Memory back after busy times (issue 13): Python's objects from glibc's malloc, which gives freed pages back
# (lokalutveckling/ui/collector.py trims when the server is quiet), and two heaps instead of 8 per CPU.
export PYTHONMALLOC="${PYTHONMALLOC:-malloc}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec .venv/bin/streamlit run dashboard.py "$@"
