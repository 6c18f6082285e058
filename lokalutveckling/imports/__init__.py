"""Import of insatser, tilldelningar, indicator values and områdesteam/kraftsamling periods from
Excel (.xlsx) and CSV files, in two steps that a page or the command line can show:

1. `preview(con, kind, file, filename)` reads and checks everything and writes nothing. It lists
   the rows that would be added, changed (field by field, old → new) and left unchanged, every
   problem (file, sheet, row as the user sees it, column, value, what is expected) and every
   reading worth mentioning (a nämnd given by name, a delområde counted to its statistikområde,
   the file's encoding and delimiter, the header row found below a title).
2. `apply(con, user, preview)` refuses a preview with problems, checks the role (redaktör), takes a
   snapshot of the store, and writes everything or nothing in one transaction, with audit rows that
   name the file and its sha256 checksum (handling 'import'). It re-reads the store inside the
   transaction and refuses if the store changed since the preview (`StalePreview`).

Rows are matched to stored ones by their key: insats_id (or, without an id, nämnd and namn);
tilldelning_id; (indikator, område, år); (område, startdatum). Importing the same file again
changes nothing. Imports never delete: rows missing from the file are left as they are. Imported
rows get `kalla` = the file name (or a given source, or the file's own Källa column); rows whose
Källa is exempeldata are skipped, so that exempeldata is never imported as if it were real. The
file is registered as a source (`kallor`, typ importfil) so that its rows name a document.

Also here: `template(kind)` (an .xlsx with the columns, an explanation sheet and an example row, or
the same as CSV) and `export_store(con)` (every table as CSV in a zip and as one workbook).
`remove_exempeldata(con, user, table)` (admin) lives in `lokalutveckling.store.exempeldata`, and
snapshots and restore in `lokalutveckling.store.snapshots`; removal is offered here too. Command
line: `python -m lokalutveckling import --help`.

The modules, in the order an import runs through them: `formats` (files and cell values, pure),
`kinds` (the columns of each kind of file), `lookups` (the store's codes and names), `model` (what
a preview and an import give), `reading` (a file's rows, checked by `lokalutveckling.writes.rules`),
`planning` (rows matched to stored ones), `previews` (`preview`), `applying` (`apply`), then
`templates`, `whole_store` and `apart` (a long preview in a process of its own).
"""

from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.applying import HANDLING, apply
from lokalutveckling.imports.kinds import (
    INDIKATORVARDEN,
    INSATSER,
    KALLA,
    KINDS,
    KRAFTSAMLING,
    OMRADESTEAM,
    TILLDELNINGAR,
    Column,
    Kind,
    kind,
)
from lokalutveckling.imports.model import (
    ADDED,
    CHANGED,
    STEPS,
    UNCHANGED,
    YIELD_FOR_S,
    FieldChange,
    ImportPreview,
    ImportRefused,
    ImportResult,
    Notice,
    OnProgress,
    Problem,
    Progress,
    RowAction,
    StalePreview,
)
from lokalutveckling.imports.planning import INSATS_COMPARED
from lokalutveckling.imports.previews import Source, preview
from lokalutveckling.imports.reading import EXEMPELDATA, FORMULA_NO_VALUE, MAX_PROBLEMS, MISSING_VALUE
from lokalutveckling.imports.templates import template
from lokalutveckling.imports.whole_store import EXPORT_LEFT_OUT, FORMULA_NOTE, LIST_NOTE, export_store
from lokalutveckling.store.exempeldata import EXEMPELDATA_STEPS, exempeldata_counts, remove_exempeldata

__all__ = [
    "ADDED",
    "CHANGED",
    "EXEMPELDATA",
    "EXEMPELDATA_STEPS",
    "EXPORT_LEFT_OUT",
    "FORMULA_NOTE",
    "FORMULA_NO_VALUE",
    "HANDLING",
    "INDIKATORVARDEN",
    "INSATSER",
    "INSATS_COMPARED",
    "KALLA",
    "KINDS",
    "KRAFTSAMLING",
    "LIST_NOTE",
    "MAX_PROBLEMS",
    "MISSING_VALUE",
    "OMRADESTEAM",
    "STEPS",
    "TILLDELNINGAR",
    "UNCHANGED",
    "YIELD_FOR_S",
    "Column",
    "FieldChange",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "Kind",
    "Notice",
    "OnProgress",
    "Problem",
    "Progress",
    "RowAction",
    "Source",
    "StalePreview",
    "apply",
    "exempeldata_counts",
    "export_store",
    "fmt",
    "kind",
    "preview",
    "remove_exempeldata",
    "template",
]
