"""A backup of the store, made from its journal while the app may be running.

`backup` copies the journal's current generation and builds a store file from the copy (which proves
it complete); `lokalutveckling.store.recovery.restore_backup` puts one back, with the app stopped.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from lokalutveckling.store import files, journal
from lokalutveckling.store.files import with_mode
from lokalutveckling.store.journal import Journal, JournalError
from lokalutveckling.store.rebuild import apply_entries, build_base
from lokalutveckling.store.sql import checkpoint


def backup(path: Path, destination: Path) -> Path:
    """A consistent copy of the store, made from its journal while the app may be running.

    The app holds the store file, so the copy is not taken from it: the journal's current generation
    (its base, every complete entry, the files they attach) is copied into a new folder under
    `destination`, and a store file is built from that copy there, which proves the copy complete.
    Returns the folder (owner-only: it holds password hashes).
    """
    j = Journal(journal.journal_dir(path))
    generation = j.generation
    if generation is None:
        raise JournalError(
            f"Det finns ingen journal i {j.root} att säkerhetskopiera: starta appen (eller kör "
            "python -m lokalutveckling store build) en gång först."
        )
    folder = destination / f"{path.stem}-backup-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}"
    copy = Journal(folder / "journal")
    files.private_dir(copy.root / generation)
    source = j.root / generation
    if (source / "bas").exists():
        shutil.copytree(source / "bas", copy.root / generation / "bas", dirs_exist_ok=True)
    files.copy_durably(source / journal.BASE, copy.root / generation / journal.BASE)
    reading = j.read(generation)  # up to its last complete line: one being written now is left out
    files.write_durably(copy.entries_path(generation), j.entries_path(generation).read_bytes()[: reading.good_bytes])
    needed = set(e_sha for e in reading.entries for e_sha in e.bilagor.values())
    base = j.base(generation)
    if base.get("typ") == "fil":
        needed.add(str(base["bilaga"]))
    for sha in sorted(needed):
        files.private_dir(copy.blob_path(sha).parent)
        files.copy_durably(j.blob_path(sha), copy.blob_path(sha))
    files.write_durably(copy.root / journal.CURRENT, generation.encode("utf-8") + b"\n")
    built = folder / path.name
    con = build_base(built, copy, generation)
    try:
        apply_entries(con, copy, generation, reading, after=0)
        checkpoint(con)
    finally:
        con.close()
    with_mode(built)
    (folder / "LASMIG.txt").write_text(
        "Säkerhetskopia av databasen för lokal utveckling.\n\n"
        f"{path.name}: databasen som den var när kopian togs ({reading.last_n} ändringar i journalen).\n"
        "journal/: journalen den byggdes från.\n\n"
        "Återställ med appen stoppad:\n"
        f"  python -m lokalutveckling store restore-backup {folder}\n",
        encoding="utf-8",
    )
    os.chmod(folder, 0o700)
    return folder
