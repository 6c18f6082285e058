#!/usr/bin/env bash
# Debian's chromium, which draws the chart and map images (Kaleido) and runs the browser tests: installed
# with apt-get when missing (sudo when not root), quietly. When it cannot be installed this says so and
# exits 0, so the app still starts (its image buttons say what is missing); `--required` (scripts/test.sh)
# exits 1 instead, since the browser tests need it.
set -uo pipefail
required=false
if [ "${1:-}" = "--required" ]; then required=true; fi
if [ -n "${BROWSER_PATH:-}" ] && [ -x "${BROWSER_PATH}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
    # sudo may ask for a password at a terminal; elsewhere (CI, a service) it must not wait for one.
    if ! command -v sudo >/dev/null 2>&1; then sudo_cmd="missing"; elif [ -t 0 ]; then sudo_cmd="sudo"; else sudo_cmd="sudo -n"; fi
fi
if [ "$sudo_cmd" != "missing" ] && command -v apt-get >/dev/null 2>&1 \
    && $sudo_cmd apt-get update -qq >/dev/null 2>&1 \
    && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null 2>&1 \
    && command -v chromium >/dev/null 2>&1; then
    exit 0
fi
echo "Chromium kunde inte installeras (Debians paket chromium, med apt-get): bilder av diagram och kartor" \
    "går inte att ladda ner förrän det finns; installera det eller ange sökvägen i BROWSER_PATH." >&2
if $required; then exit 1; fi
exit 0
