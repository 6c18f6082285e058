"""Progress of a preview and an import, and the long loops that let other users' pages run."""

from __future__ import annotations

import threading
import time

import pytest

from lokalutveckling import imports as importer
from lokalutveckling.imports import model
from lokalutveckling.store import unit_of_work
from tests.imports.helpers import EDITOR

# ------------------------------------------------------------------------ progress and other users


def _many_tilldelningar(n: int) -> bytes:
    lines = ["Tilldelnings-id;Beslut;Nämnd;Finansieringskälla;År;Belopp"]
    lines += [f"T-{i:06d};B2024-KSAU414-KS;FRN;ks_anslag;2025;{1000 + i}" for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def test_a_preview_and_an_import_tell_their_progress_without_holding_the_write_lock(rw_con):
    seen: list[importer.Progress] = []

    def told(p: importer.Progress) -> None:
        assert not unit_of_work.WRITE_LOCK.locked() or p.step in ("recheck", "write")
        seen.append(p)

    p = importer.preview(rw_con, "tilldelningar", _many_tilldelningar(20_000), "manga.csv", progress=told)
    assert p.ok and len(p.added) == 20_000
    steps = [x.step for x in seen]
    assert steps[0] == "read" and steps[-1] == "compare" and "check" in steps
    assert [x.fraction for x in seen] == sorted(x.fraction for x in seen)
    assert seen[-1].fraction == 1.0 and seen[-1].remaining == 0.0
    checking = [x for x in seen if x.step == "check"]
    assert all(x.total == 20_000 and 0 <= x.done <= 20_000 for x in checking)
    seen.clear()
    importer.apply(rw_con, EDITOR, p, progress=told)
    assert seen[0].step == "recheck" and seen[-1].step == "write" and seen[-1].fraction == 1.0


def test_an_estimate_of_the_time_left():
    assert importer.Progress("check", 500, 1000, 0.25, 10.0).remaining == pytest.approx(30.0)
    assert importer.Progress("read", 0, None, 0.0, 0.1).remaining is None


def test_long_loops_let_other_threads_run(rw_con, monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr(model, "YIELD_EVERY_S", 0.0)
    # time.sleep is the time module's, shared by every thread of the process (the app's background threads
    # of other tests sleep too): only this thread's pauses are the preview's; the others sleep as before.
    sleep, here = time.sleep, threading.get_ident()
    monkeypatch.setattr(model.time, "sleep", lambda s: pauses.append(s) if threading.get_ident() == here else sleep(s))
    importer.preview(rw_con, "tilldelningar", _many_tilldelningar(5_000), "manga.csv")
    assert len(pauses) >= 10 and set(pauses) == {importer.YIELD_FOR_S}
