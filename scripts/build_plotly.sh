#!/usr/bin/env bash
# Builds the app's plotly.js (lokalutveckling/ui/plotly_js/plotly.min.js, its LICENSE and VERSION)
# from the npm package pinned in scripts/plotly/package-lock.json: only the trace types the figures
# use (scripts/plotly/entry.js) and the Swedish locale. The bundle is committed, so the app needs
# neither node nor the network; run this after changing entry.js or the pinned versions, and commit
# the three files. The first run installs from the lock (npm ci); later runs work offline.
set -euo pipefail
cd "$(dirname "$0")/plotly"

lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_sha" ]; then
    # --ignore-scripts: no install script runs (esbuild's binary comes as its platform package).
    npm ci --no-audit --no-fund --ignore-scripts --prefer-offline
    echo "$lock_sha" > node_modules/.lock-sha256
fi
node build.mjs
