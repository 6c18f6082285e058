"""What a preview and an import give: problems, notices, row actions and field changes, the preview
itself, the result of an import, progress and the refusals."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from lokalutveckling.imports.kinds import KINDS
from lokalutveckling.store import unit_of_work

ADDED, CHANGED, UNCHANGED = "ny", "ändras", "oförändrad"


@dataclass(frozen=True)
class Problem:
    """Something that stops the import: where (file, sheet, row, column), the value and what is wrong."""

    fil: str
    blad: str | None
    rad: int | None
    kolumn: str | None
    varde: str | None
    fel: str

    @property
    def text(self) -> str:
        where = ", ".join(
            p
            for p in (
                self.fil,
                f"blad {self.blad}" if self.blad else "",
                f"rad {self.rad}" if self.rad is not None else "",
                f"kolumn {self.kolumn}" if self.kolumn else "",
            )
            if p
        )
        shown = "" if self.varde is None else f" (värde: {'tomt' if self.varde == '' else repr(self.varde)})"
        return f"{where}: {self.fel}{shown}"


@dataclass(frozen=True)
class Notice:
    """How a value or the file was read, when that is worth telling (one notice for all rows alike)."""

    kolumn: str | None
    text: str
    rader: tuple[int, ...] = ()

    @property
    def full_text(self) -> str:
        where = f"kolumn {self.kolumn}: " if self.kolumn else ""
        rows = ""
        if self.rader:
            shown = ", ".join(str(r) for r in self.rader[:10])
            more = f" och {len(self.rader) - 10} till" if len(self.rader) > 10 else ""
            rows = f" (rad {shown}{more})"
        return f"{where}{self.text}{rows}"


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: object
    new: object

    @property
    def text(self) -> str:
        return f"{self.label}: {as_shown(self.old)} → {as_shown(self.new)}"


@dataclass(frozen=True)
class RowAction:
    """What the import does with one row of the file. `values` is the row as it will be stored."""

    action: str  # ADDED, CHANGED or UNCHANGED
    key: str
    rad: int
    values: Mapping[str, object]
    changes: tuple[FieldChange, ...] = ()
    before: Mapping[str, object] | None = None
    moves: tuple[tuple[str | None, str, date], ...] = ()  # status moves (from, to, date) for insatser


@dataclass
class ImportPreview:
    """Everything an import would do, and everything that stops it. Nothing is written by making one.

    A page shows: `summary()`, `problems` (each `.text`, or `problems_frame()`), `notices`
    (`.full_text`), then `added`, `changed` (with each `changes`) and `unchanged` (`rows_frame()`).
    `ok` says whether `apply` may run.
    """

    kind: str
    filename: str
    sheet: str | None
    sha256: str
    size: int
    kalla: str
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as in the file
    header_row: int | None = None
    added: list[RowAction] = field(default_factory=list)
    changed: list[RowAction] = field(default_factory=list)
    unchanged: list[RowAction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0  # rows left out on purpose (exempeldata, sum rows)
    # For `apply`: the rows as read and checked, and what planning them gave (compared when applying).
    checked_rows: list[dict[str, object]] = field(default_factory=list, repr=False)
    plan_signature: tuple = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems:
            n = len(self.problems)
            return f"{self.filename}: {n} problem – inget kan importeras förrän de är rättade."
        return (
            f"{self.filename}: {len(self.added)} nya, {len(self.changed)} ändras, "
            f"{len(self.unchanged)} oförändrade ({KINDS[self.kind].title.lower()})."
        )

    def problems_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(p.fil, p.blad, p.rad, p.kolumn, p.varde, p.fel) for p in self.problems],
            columns=["Fil", "Blad", "Rad", "Kolumn", "Värde", "Problem"],
        )

    def rows_frame(self) -> pd.DataFrame:
        """One row per row of the file that is imported: action, key, row, and the changes as text."""
        rows = [
            (a.action, a.key, a.rad, "; ".join(c.text for c in a.changes))
            for a in (*self.added, *self.changed, *self.unchanged)
        ]
        return pd.DataFrame(rows, columns=["Åtgärd", "Nyckel", "Rad", "Ändringar"]).sort_values("Rad")


@dataclass(frozen=True)
class ImportResult:
    """What `apply` wrote: keys added and changed, how many rows were unchanged, the snapshot taken."""

    kind: str
    filename: str
    sha256: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int
    snapshot: Path | None
    audit_rows: int

    def summary(self) -> str:
        if not self.added and not self.changed:
            return f"{self.filename}: inget att ändra; databasen är redan som filen ({self.unchanged} rader)."
        return (
            f"{self.filename}: {len(self.added)} nya och {len(self.changed)} ändrade rader importerade, "
            f"{self.unchanged} oförändrade."
        )


@dataclass(frozen=True)
class Progress:
    """How far a preview or an import has come, for a progress bar: `step` (one of STEPS: read the
    file, check its rows, compare them with the store; in `apply` check again, write), `done` of
    `total` in that step (total None when not known), `fraction` of the whole
    (0–1), seconds since the start, and an estimate of the seconds left (None until it can be told)."""

    step: str
    done: int
    total: int | None
    fraction: float
    elapsed: float

    @property
    def remaining(self) -> float | None:
        if self.fraction >= 1:
            return 0.0
        if self.fraction < 0.02 or self.elapsed < 0.5:
            return None
        return self.elapsed * (1 - self.fraction) / self.fraction


OnProgress = Callable[[Progress], None] | None
# The steps of a preview and of an import with the share of the whole each takes (measured on a
# 300 000-row file), so that one bar runs from 0 to 1 across them.
STEPS: dict[str, tuple[float, float]] = {
    "read": (0.0, 0.3),
    "check": (0.3, 0.85),
    "compare": (0.85, 1.0),
    "recheck": (0.0, 0.8),
    "write": (0.8, 1.0),
}
# Long pure-Python loops hold the GIL; other sessions' pages (threads of the same server) would wait
# for it behind each of their database calls. The loops pause this briefly this often.
YIELD_EVERY_S = 0.02
YIELD_FOR_S = 0.002


class Ticker:
    """Tells `on_progress` (at most ten times a second) and lets other threads run now and then."""

    def __init__(self, on_progress: OnProgress):
        self.on_progress = on_progress
        self.started = time.perf_counter()
        self._told = 0.0
        self._yielded = self.started

    def __call__(self, step: str, done: int, total: int | None, *, force: bool = False) -> None:
        now = time.perf_counter()
        if now - self._yielded >= YIELD_EVERY_S:
            time.sleep(YIELD_FOR_S)
            self._yielded = time.perf_counter()
        if self.on_progress is None or (not force and now - self._told < 0.1):
            return
        self._told = now
        low, high = STEPS[step]
        part = min(done / total, 1.0) if total else 0.0
        self.on_progress(Progress(step, done, total, low + (high - low) * part, now - self.started))


class ImportRefused(ValueError):
    """`apply` will not run: the preview has problems (listed in `problems`)."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        self.problems = list(problems)
        super().__init__(message)


class StalePreview(ImportRefused):
    """The store changed between the preview and `apply`; nothing was written."""


def as_shown(value: object) -> str:
    """A value as a preview shows it: empty as tomt."""
    text = unit_of_work.as_text(value)
    return "tomt" if text in (None, "") else str(text)
