"""What opening the store found and did: `Report` (shown in the app's sidebar and by the commands),
`Opened` (the connection with it), `StoreBroken` when nothing can be done. Shared by the store file's
recovery (`recovery`) and the DuckLake store's (`lake_recovery`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lokalutveckling.store.journal import Journal
from lokalutveckling.store.sql import Connection


class StoreBroken(Exception):
    """The store cannot be opened nor built again; `reason` says why, `advice` what to do."""

    def __init__(self, reason: str, advice: str):
        self.reason = reason
        self.advice = advice
        super().__init__(f"{reason} {advice}")


class Action(enum.StrEnum):
    """What `open_store` did."""

    CURRENT = "aktuell"  # store and journal agree; nothing done
    BUILT = "byggd"  # no entries ever: built from the seeds
    REBUILT = "aterskapad"  # missing or damaged: built again from base + journal
    ROLLED_FORWARD = "ikapp"  # journal entries the store lacked were applied
    ADOPTED = "ny_journal"  # a new journal generation was started from the store as it is
    UPGRADED = "uppgraderad"  # built on the new seeds with every entry applied again: the code needed them


@dataclass
class Report:
    """What was found and done when the store was opened; shown in the app's sidebar."""

    action: Action = Action.CURRENT
    entries_applied: int = 0
    missing: bool = False  # the store file did not exist
    damaged: str | None = None  # why the old file was unusable
    damaged_kept: Path | None = None  # where the unusable file was put
    journal_problems: list[str] = field(default_factory=list)
    journal_kept: Path | None = None  # where damaged journal lines were put
    seeds_newer: bool = False  # the store has entries and the seeds changed since its base
    base: str = ""  # "seed" or "fil": what the store was built from
    when: datetime = field(default_factory=lambda: datetime.now(UTC))

    def as_event(self) -> dict[str, object]:
        """What the users are told, without server paths (for `Journal.save_event`)."""
        return {
            "action": self.action.value,
            "entries_applied": self.entries_applied,
            "missing": self.missing,
            "damaged": bool(self.damaged),
            "journal_problems": len(self.journal_problems),
            "base": self.base,
            "when": self.when.isoformat(),
        }

    @classmethod
    def from_event(cls, event: dict[str, object]) -> Report:
        return cls(
            action=Action(str(event["action"])),
            entries_applied=int(event.get("entries_applied", 0)),  # type: ignore[arg-type]
            missing=bool(event.get("missing")),
            damaged="skadad" if event.get("damaged") else None,
            journal_problems=["skadad rad"] * int(event.get("journal_problems", 0)),  # type: ignore[arg-type]
            base=str(event.get("base", "")),
            when=datetime.fromisoformat(str(event["when"])),
        )

    @property
    def notable(self) -> bool:
        """Worth telling the users: anything but a store that was there, or a new one built from the seeds."""
        return self.action not in (Action.CURRENT, Action.BUILT) or bool(self.damaged or self.journal_problems)


@dataclass
class Opened:
    con: Connection
    report: Report
    journal: Journal
    last: Report | None = None  # what the last recovery did (read once, when the store is opened)
