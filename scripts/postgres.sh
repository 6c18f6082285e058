#!/usr/bin/env bash
# Debian's postgresql, for the tests of the DuckLake store (tests/pg.py starts a throw-away cluster of its own
# for each test process and stops it): installed with apt-get when missing (sudo when not root), quietly.
# The server it installs is not started here (Debian may start its own cluster; the tests do not use it).
set -uo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then exit 0; fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then sudo_cmd="missing"; elif [ -t 0 ]; then sudo_cmd="sudo"; else sudo_cmd="sudo -n"; fi
fi
if [ "$sudo_cmd" != "missing" ] && command -v apt-get >/dev/null 2>&1 \
    && $sudo_cmd apt-get update -qq >/dev/null 2>&1 \
    && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null 2>&1 \
    && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi
echo "PostgreSQL kunde inte installeras (Debians paket postgresql, med apt-get): testerna av DuckLake-databasen" \
    "behöver det." >&2
exit 1
