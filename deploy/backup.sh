#!/usr/bin/env bash
# Lokal utveckling: a backup of the whole store, taken while the app serves. Usage:
#   deploy/backup.sh [MAPP]        (default $LOKALUTVECKLING_BACKUP, else /var/backups/lokalutveckling)
# with the installation's environment (/etc/lokalutveckling/env; lokalutveckling-backup.service reads it).
# Writes MAPP/<UTC time>/ (owner only: it holds password hashes) with
#   katalog.pgdump      the DuckLake catalog: pg_dump --format=custom of the PostgreSQL database
#   data/               the Parquet files the catalog names, copied after the dump (hard links to the
#                       previous backup's copy of a file that has not changed: DuckLake never rewrites one)
#   snapshots/          the app's snapshots (taken before every import, restorable on the page Data)
#   lokalutveckling-backup-*/  `python -m lokalutveckling store backup`: the journal's current generation,
#                       and a store built from it, which proves the copy complete
# and removes backups older than $LOKALUTVECKLING_BACKUP_DAGAR days (14). Without DuckLake configured (the
# embedded store file) only the last two are written. deploy/README.md says how to restore each.
set -euo pipefail
app="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-${LOKALUTVECKLING_BACKUP:-/var/backups/lokalutveckling}}"
keep_days="${LOKALUTVECKLING_BACKUP_DAGAR:-14}"
python="${LOKALUTVECKLING_PYTHON:-$app/.venv/bin/python}"
umask 077
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
cd "$app"
previous="$(find "$dest" -mindepth 1 -maxdepth 1 -type d -name '20*Z' | sort | tail -n 1)"
folder="$dest/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir "$folder"
lake_folder="${LOKALUTVECKLING_DUCKLAKE_MAPP:-}"

copy_tree() {  # copy_tree FROM TO [LINK_DEST]: a folder's files, hard-linked to LINK_DEST's unchanged ones
    local from="$1" to="$2" link="${3:-}"
    [ -d "$from" ] || return 0
    if command -v rsync >/dev/null 2>&1; then
        if [ -n "$link" ] && [ -d "$link" ]; then
            rsync -a --link-dest="$link" "$from/" "$to/"
        else
            rsync -a "$from/" "$to/"
        fi
    else
        cp -a "$from/." "$to/"
    fi
}

if [ -n "${LOKALUTVECKLING_DUCKLAKE:-}" ]; then
    # The catalog first, in one transaction; the data after it, so every file the dump names is copied
    # (files written since are copied too and simply not named by this dump).
    pg_dump --format=custom --no-owner --file="$folder/katalog.pgdump" --dbname="$LOKALUTVECKLING_DUCKLAKE"
    mkdir -p "$folder/data"
    copy_tree "$lake_folder/data" "$folder/data" "${previous:+$previous/data}"
    mkdir -p "$folder/snapshots"
    copy_tree "$lake_folder/snapshots" "$folder/snapshots" "${previous:+$previous/snapshots}"
fi
"$python" -m lokalutveckling store backup "$folder"
echo "Säkerhetskopian finns i $folder"

# Old backups: only folders this script names (UTC time stamps), older than the days kept.
find "$dest" -mindepth 1 -maxdepth 1 -type d -name '20*Z' -mtime "+$keep_days" -print -exec rm -rf {} +
