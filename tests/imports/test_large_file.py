"""A 20 MB file previews in reasonable time."""

from __future__ import annotations

import time

from lokalutveckling import imports as importer
from lokalutveckling.imports import formats as fmt
from tests.imports.helpers import texts


def test_a_20_mb_csv_previews_in_reasonable_time(rw_con, tmp_path):
    path = tmp_path / "insatser_20mb.csv"
    header = "Insats-id;Namn;Beskrivning;Ansvarig nämnd;Finansieringskälla;Belopp;Startdatum;Status;Typ;Fokusområde;Områden\n"
    filler = "Läxhjälp, språkstöd och aktiviteter efter skoltid för elever i årskurs 4–9. " * 4
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        n = 0
        while f.tell() < 20 * 1024 * 1024:
            n += 1
            f.write(
                f"X-{n:06d};Insats {n};{filler};Fritid;ks_anslag;1 300 000 kr;9/9/2025;pågående;pilot;utbildning;Lindängen\n"
            )
    assert 20 * 1024 * 1024 <= path.stat().st_size < fmt.MAX_BYTES
    started = time.perf_counter()
    p = importer.preview(rw_con, "insatser", path)
    elapsed = time.perf_counter() - started
    assert p.ok, texts(p)[:3]
    assert len(p.added) == n
    assert elapsed < 60, f"förhandsgranskningen tog {elapsed:.1f} s"
