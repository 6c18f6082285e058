"""The whole store for reuse elsewhere: one CSV per table in a zip, and one workbook."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pandas as pd

from lokalutveckling import store
from lokalutveckling.export import csv_bytes, exempel_text, protect_sheet
from lokalutveckling.imports import formats as fmt
from lokalutveckling.provenance import document_names
from lokalutveckling.store import Connection

# Accounts (with password hashes) never leave the server; journal_position is the store's own bookkeeping.
EXPORT_LEFT_OUT = ("anvandare", "journal_position")


def export_store(con: Connection, *, when: datetime | None = None) -> tuple[bytes, bytes]:
    """The whole store for reuse elsewhere: (a zip of one CSV per table, one .xlsx with a sheet per
    table). Every table except the accounts; insatser also carry their fokusområden, områden and
    partners as lists, one cell each (`fmt.list_cell`: '; ' between items, an item holding a separator
    in double quotes), so the file can be imported again. A first sheet and a text file say when,
    what and how many rows. Text never starts as a formula: in the CSV files such text has a leading
    apostrophe (which the import takes off), in the workbook it is a text cell (see export)."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    cur = con.cursor()
    try:
        name, _ = store.database(cur)
        tables = sorted({str(r["tabell"]) for r in store.run_rows(cur, "store/databas_kolumner", databas=name)})
        frames = {
            t: store.run_query(cur, "import/insatser_export")
            if t == "insatser"
            else store.run_query(cur, "store/tabell_rader", tabell=t)
            for t in tables
            if t not in EXPORT_LEFT_OUT
        }
    finally:
        cur.close()
    if "insatser" in frames:
        frames["insatser"] = _excel_ready(frames["insatser"], lists_only=True)

    def exempel(frame: pd.DataFrame) -> int:
        return int((frame["kalla"] == "exempeldata").sum()) if "kalla" in frame.columns else 0

    marked = {table: exempel(frame) for table, frame in frames.items()}
    sourced = [table for table, frame in frames.items() if "kalla" in frame.columns]
    kallor = frames.get("kallor")
    names = document_names(kallor) if kallor is not None and "kalla_id" in kallor.columns else {}
    about = [
        ("Vad", "Hela databasen för lokal utveckling i Malmö, en tabell per blad/fil"),
        (
            "Exempeldata",
            exempel_text(sum(marked.values()), sum(len(frames[t]) for t in sourced))
            + " i tabellerna med kolumnen kalla; raderna med kalla = exempeldata är genererade, inte verkliga "
            "uppgifter (andel per tabell nedan)",
        ),
        ("Filter", "Inga: hela databasen"),
        ("När", stamp),
        (
            "Utelämnat",
            "anvandare (konton och lösenordshashar lämnar aldrig servern), journal_position (databasens bokföring)",
        ),
        (
            "Insatser",
            "fokusområden, områden och partner finns både som listor i insatser och i sina egna tabeller; "
            "målindikatorer som redaktörer valt finns i insats_malindikatorer",
        ),
        ("Listor", LIST_NOTE),
        ("Formler", FORMULA_NOTE),
        ("Källa", "kolumnen kalla på varje rad: ett dokument, en importfil, en användare eller exempeldata"),
        (
            "Källor",
            "; ".join(f"{kalla}: {name}" for kalla, name in sorted(names.items()))
            + " (kolumnen dokument_rad anger raden i dokumentet; dokumenten beskrivs i tabellen kallor)",
        ),
    ] + [
        (table, exempel_text(marked[table], len(frame)) if table in sourced else f"{len(frame)} rader")
        for table, frame in frames.items()
    ]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("om_exporten.txt", "\n".join(f"{k}: {v}" for k, v in about) + "\n")
        for table, frame in frames.items():
            z.writestr(f"{table}.csv", csv_bytes(frame))
    workbook = io.BytesIO()
    with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
        pd.DataFrame(about, columns=["Fält", "Värde"]).to_excel(writer, sheet_name="Om exporten", index=False)
        for table, frame in frames.items():
            _excel_ready(frame).to_excel(writer, sheet_name=table[:31], index=False)
        for sheet in writer.sheets.values():
            protect_sheet(sheet)
    return archive.getvalue(), workbook.getvalue()


LIST_NOTE = (
    "Listor (övriga fokusområden, områden, samverkande nämnder, externa partner) står i en cell med "
    "semikolon emellan. Ett namn som själv innehåller semikolon, | eller radbrytning (eller komma i en "
    'lista där komma skiljer) skrivs inom citattecken: "Föreningen A; B"; Studieförbund. Ett citattecken '
    'i ett sådant namn skrivs dubbelt ("").'
)
FORMULA_NOTE = (
    "Text som börjar med =, +, -, @, tabb eller vagnretur är text, aldrig en formel: i CSV-filerna står "
    "en apostrof först ('=…), som importen tar bort; i arbetsboken är cellen en textcell."
)


def _excel_ready(frame: pd.DataFrame, *, lists_only: bool = False) -> pd.DataFrame:
    """Excel has no time zones and no lists: dates stay dates (unless `lists_only`), lists (and
    DuckDB's arrays) become one cell each, as `fmt.list_cell` writes them; an empty list is empty."""
    import numpy as np  # pandas' own dependency, for its arrays; loaded with the export only

    def as_text(value: object) -> object:
        if isinstance(value, list | tuple | np.ndarray):
            return fmt.list_cell(value) or None
        return value

    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype) and not lists_only:
            out[column] = out[column].dt.tz_localize(None)
        elif out[column].dtype == object and out[column].map(lambda v: isinstance(v, list | tuple | np.ndarray)).any():
            out[column] = out[column].map(as_text)
    return out
