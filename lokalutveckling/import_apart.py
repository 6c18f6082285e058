"""A long preview in a process of its own, so that it does not stall other users' pages.

Reading and checking a file row by row is Python work that holds the interpreter's lock (the GIL):
in the app's process every other session's page waits for it between its own steps. So a file
larger than `APART_FROM_BYTES` is previewed in a child process (multiprocessing, *spawn*: a fresh
interpreter, safe beside the server's threads), against a consistent copy of the store taken through
the app's connection (snapshots.snapshot, without password hashes, in a temporary folder that is
removed afterwards). Progress comes back over a queue. Importing stays in the app's process: `apply`
plans the rows again on the live store and refuses (StalePreview) if anything differs from what the
preview showed, so a preview made on the copy can never write something the store has changed since.
"""

from __future__ import annotations

import multiprocessing
import queue
import tempfile
from pathlib import Path

from lokalutveckling import importer, snapshots, store
from lokalutveckling.importer import ImportPreview, OnProgress, Source
from lokalutveckling.store import Connection

APART_FROM_BYTES = 256 * 1024  # smaller files take well under a second in the app's own process
_POLL_S = 0.2


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
    """`importer.preview`, in a process of its own for a large file (same arguments, same result)."""
    data = bytes(source) if isinstance(source, bytes | bytearray) else None
    size = len(data) if data is not None else Path(source).stat().st_size  # type: ignore[arg-type]
    name = Path(filename or ("fil" if data is not None else str(source))).name
    if size < APART_FROM_BYTES or size > importer.fmt.MAX_BYTES:  # small, or refused at once anyway
        return importer.preview(con, kind_name, source, filename, sheet=sheet, kalla=kalla, progress=progress)
    with tempfile.TemporaryDirectory(prefix="forhandsgranskning-") as tmp:
        folder = Path(tmp)
        copy = snapshots.snapshot(con, directory=folder, reason="forhandsgranskning", optional=True)
        if copy is None:  # an in-memory store cannot be copied to a file: preview here
            return importer.preview(con, kind_name, source, filename, sheet=sheet, kalla=kalla, progress=progress)
        file = folder / "fil"
        file.write_bytes(data if data is not None else Path(source).read_bytes())  # type: ignore[arg-type]
        context = multiprocessing.get_context("spawn")
        answers = context.Queue()
        child = context.Process(
            target=_child,
            args=(str(copy), kind_name, str(file), name, sheet, kalla, answers),
            name="forhandsgranskning",
            daemon=True,
        )
        child.start()
        try:
            return _wait(child, answers, progress)
        finally:
            child.join(timeout=10)
            if child.is_alive():
                child.kill()
                child.join()
            answers.close()


def _wait(
    child: multiprocessing.process.BaseProcess, answers: multiprocessing.Queue, progress: OnProgress
) -> ImportPreview:
    while True:
        try:
            what, payload = answers.get(timeout=_POLL_S)
        except queue.Empty:
            if not child.is_alive():
                raise importer.ImportRefused(
                    "Förhandsgranskningen avbröts oväntat (processen som läste filen stannade, "
                    f"kod {child.exitcode}); inget har importerats. Försök igen."
                ) from None
            continue
        if what == "progress":
            if progress is not None:
                progress(payload)
        elif what == "result":
            return payload
        else:
            raise importer.ImportRefused(f"Förhandsgranskningen misslyckades ({payload}); inget har importerats.")


def _child(
    copy: str,
    kind_name: str,
    file: str,
    name: str,
    sheet: str | None,
    kalla: str | None,
    answers: multiprocessing.Queue,
) -> None:
    """In the child process: preview the file against the copy and send back progress and the result."""
    importer.YIELD_EVERY_S = float("inf")  # alone in its process: no need to let others run
    con = store.connect(Path(copy), read_only=True)
    try:
        result = importer.preview(
            con,
            kind_name,
            Path(file).read_bytes(),
            name,
            sheet=sheet,
            kalla=kalla,
            progress=lambda p: answers.put(("progress", p)),
        )
        answers.put(("result", result))
    except BaseException as exc:  # told to the parent, which says so on the page
        answers.put(("error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))
    finally:
        con.close()
