#!/usr/bin/env bash
# Install everything and start the dashboard on the built-in default data (http://localhost:8501).
set -euo pipefail
cd "$(dirname "$0")/.."
# Maps use the development boundary files beside the project when nothing else is configured.
if [ -z "${LOKALUTVECKLING_GEO:-}" ] && [ -d ../shared/geo ]; then
    export LOKALUTVECKLING_GEO="$(cd ../shared/geo && pwd)"
fi
bash scripts/setup.sh requirements.txt
.venv/bin/python -m lokalutveckling.store
exec .venv/bin/streamlit run dashboard.py "$@"
