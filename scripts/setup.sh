#!/usr/bin/env bash
# Create .venv and install the pinned packages. Usage: scripts/setup.sh [requirements file]
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
# No bytecode compiled at install (a third of the install's time): Python compiles what it imports, once.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-compile -r "$requirements"
