"""A long preview in a process of its own, so that it does not stall other users' pages.

Reading and checking a file row by row is Python work that holds the interpreter's lock (the GIL):
in the app's process every other session's page waits for it between its own steps. So a file
larger than `APART_FROM_BYTES` is previewed by a child process (`python -m
lokalutveckling.imports.apart`), against a consistent copy of the store taken through the app's
connection (snapshots.snapshot, without password hashes, in a temporary folder removed afterwards).
The child reports progress as JSON lines on its standard output and leaves the result in a file.
(multiprocessing is not used: its way of starting a child runs the parent's main module again, and
under Streamlit that is the page script.)

Importing stays in the app's process: `apply` plans the rows again on the live store and refuses
(StalePreview) if anything differs from what the preview showed, so a preview made on the copy can
never write something the store has changed since.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports import model, previews
from lokalutveckling.imports.model import ImportPreview, ImportRefused, OnProgress, Progress
from lokalutveckling.imports.previews import Source
from lokalutveckling.paths import ROOT
from lokalutveckling.store import Connection, snapshots

APART_FROM_BYTES = 256 * 1024  # smaller files take well under a second in the app's own process


def preview(
    con: Connection,
    kind_name: str,
    source: Source,
    filename: str | None = None,
    *,
    sheet: str | None = None,
    kalla: str | None = None,
    progress: OnProgress = None,
) -> ImportPreview:
    """`previews.preview`, in a process of its own for a large file (same arguments, same result).

    Raises ImportRefused when the child process fails (its last line of error is in the message)."""
    data = bytes(source) if isinstance(source, bytes | bytearray) else Path(source).read_bytes()  # type: ignore[arg-type]
    name = Path(filename or ("fil" if isinstance(source, bytes | bytearray) else str(source))).name
    if len(data) < APART_FROM_BYTES or len(data) > fmt.MAX_BYTES:  # small, or refused at once
        return previews.preview(con, kind_name, data, name, sheet=sheet, kalla=kalla, progress=progress)
    with tempfile.TemporaryDirectory(prefix="forhandsgranskning-") as tmp:
        folder = Path(tmp)
        copy = snapshots.snapshot(con, directory=folder, reason="forhandsgranskning", optional=True)
        if copy is None:  # an in-memory store cannot be copied to a file: preview here
            return previews.preview(con, kind_name, data, name, sheet=sheet, kalla=kalla, progress=progress)
        file, result = folder / "fil", folder / "resultat.pickle"
        file.write_bytes(data)
        request = {"copy": str(copy), "kind": kind_name, "file": str(file), "name": name, "sheet": sheet}
        request |= {"kalla": kalla, "result": str(result)}
        log = folder / "fel.txt"
        with log.open("w", encoding="utf-8") as errors:
            child = subprocess.Popen(
                [sys.executable, "-m", "lokalutveckling.imports.apart", json.dumps(request)],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
            try:
                assert child.stdout is not None
                for line in child.stdout:
                    if progress is not None and line.startswith("{"):
                        progress(Progress(**json.loads(line)))
                code = child.wait()
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
        if code != 0 or not result.exists():
            last = (log.read_text(encoding="utf-8").strip().splitlines() or [f"kod {code}"])[-1]
            raise ImportRefused(f"Förhandsgranskningen av {name} misslyckades ({last}); inget har importerats.")
        return pickle.loads(result.read_bytes())  # our own child's file, in our own temporary folder


def _child(request: dict[str, str | None]) -> None:
    """In the child process: preview the file against the copy; progress on stdout, the result in a file."""
    model.YIELD_EVERY_S = float("inf")  # alone in its process: no need to let others run

    def tell(p: Progress) -> None:
        print(json.dumps(dataclasses.asdict(p)), flush=True)

    con = store.connect(Path(str(request["copy"])), read_only=True)
    try:
        found = previews.preview(
            con,
            str(request["kind"]),
            Path(str(request["file"])).read_bytes(),
            request["name"],
            sheet=request["sheet"],
            kalla=request["kalla"],
            progress=tell,
        )
    finally:
        con.close()
    Path(str(request["result"])).write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _child(json.loads(sys.argv[1]))
