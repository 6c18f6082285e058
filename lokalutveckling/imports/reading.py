"""Reading a file's rows: the columns matched to fields, each cell read and checked (the problems and
notices at their row and column), sum rows and exempeldata rows left out, one record per row."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.formats import BadValue, Names, Resolved
from lokalutveckling.imports.kinds import Kind
from lokalutveckling.imports.lookups import Koder, Omraden
from lokalutveckling.imports.model import Notice, Problem, Ticker
from lokalutveckling.writes import rules

EXEMPELDATA = "exempeldata"
MAX_PROBLEMS = 5000  # a file of nothing but errors still gets a readable answer
MISSING_VALUE = "värde saknas; kolumnen är obligatorisk"
FORMULA_NO_VALUE = (
    "cellen har en formel men inget sparat värde (filen är inte beräknad och sparad i Excel); öppna filen i "
    "Excel och spara den igen, eller skriv in värdet i stället för formeln"
)


def _fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Context:
    """Collects the problems and notices of one preview, and the store's codes and names."""

    def __init__(self, spec: Kind, filename: str, sheet: str | None, koder: Koder | None = None):
        self.spec = spec
        self.fil = filename
        self.blad = sheet
        self.koder = koder
        self.problems: list[Problem] = []
        self.dropped = 0
        self.skipped = 0
        self._notices: dict[tuple[str | None, str], list[int]] = {}
        self.headers: dict[str, str] = {}
        self.excel = False
        self.tick = Ticker(None)
        self.step = "compare"  # the step planning is part of (in apply: checking again)
        # Parsed cells by (field, type, value): a file repeats its nämnder, områden, years … and each
        # reading depends only on the cell and the file (units, Excel or not), not on the row.
        self.parsed: dict[tuple[str, type, object], tuple[bool, object]] = {}

    def problem(self, rad: int | None, kolumn: str | None, fel: str, varde: object = None) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        shown = None if varde is None else fmt.cell_text(varde)
        self.problems.append(Problem(self.fil, self.blad, rad, kolumn, shown, fel))

    def field_problem(self, rad: int, name: str, fel: str, varde: object = None) -> None:
        self.problem(rad, self.headers.get(name, self.spec.column(name).header), fel, varde)

    def notice(self, kolumn: str | None, text: str, rad: int | None = None) -> None:
        rows = self._notices.setdefault((kolumn, text), [])
        if rad is not None:
            rows.append(rad)

    def notices(self) -> list[Notice]:
        return [Notice(k, t, tuple(r)) for (k, t), r in self._notices.items()]

    def finish_problems(self) -> list[Problem]:
        if self.dropped:
            extra = Problem(self.fil, self.blad, None, None, None, f"… och {self.dropped} problem till")
            return [*self.problems, extra]
        return self.problems


class Row:
    """One data row: reads each field, reporting problems and notices at the row and column."""

    def __init__(self, ctx: Context, rad: int, cells: dict[str, object], units: dict[str, str]):
        self.ctx = ctx
        self.rad = rad
        self.cells = cells
        self.units = units
        self.ok = True

    def has(self, name: str) -> bool:
        return name in self.cells

    def blank(self, name: str) -> bool:
        return fmt.is_blank(self.cells.get(name))

    def fail(self, name: str, message: str, value: object = "__cell__") -> None:
        self.ok = False
        shown = self.cells.get(name) if value == "__cell__" else value
        self.ctx.field_problem(self.rad, name, message, "" if shown is None else shown)

    def note(self, name: str, text: str | None) -> None:
        if text:
            self.ctx.notice(self.ctx.headers.get(name), text, self.rad)

    def value(self, name: str, parse: Callable[[object], object], *, required: bool = False) -> object:
        """The parsed value of a field; None when its column is absent or the cell empty (a problem
        when required) or when it cannot be read (a problem)."""
        if not self.has(name):
            return None
        raw = self.cells[name]
        if fmt.is_blank(raw):
            if required:
                self.fail(name, MISSING_VALUE, "")
            return None
        key = (name, type(raw), raw)
        cached = self.ctx.parsed.get(key)
        if cached is None:
            try:
                cached = (True, parse(raw))
            except BadValue as exc:
                cached = (False, str(exc))
            self.ctx.parsed[key] = cached
        good, result = cached
        if not good:
            self.fail(name, str(result))
            return None
        if isinstance(result, Resolved):
            self.note(name, result.how)
            return result.kod
        if isinstance(result, fmt.Read):
            self.note(name, result.how)
            return result.value
        return result

    def codes(self, name: str, names: Names, *, commas: bool = True) -> list[str] | None:
        if not self.has(name):
            return None
        found: list[str] = []
        for item in fmt.split_list(self.cells[name], commas=commas):
            try:
                resolved = names.resolve(item)
            except BadValue as exc:
                self.fail(name, str(exc), item)
                continue
            self.note(name, resolved.how)
            found.append(resolved.kod)
        return rules.sorted_codes(found)


# ------------------------------------------------------------------------------ value readers


def _text(field: str) -> Callable[[object], str]:
    """A text cell, held to the field's rules (`rules.check_text`); short texts with their spaces folded."""
    limit = rules.text_limit(field)

    def read(value: object) -> str:
        text = _fold_spaces(fmt.cell_text(value)) if limit <= 200 else fmt.cell_text(value)
        try:
            return rules.check_text(text, field)
        except rules.Invalid as exc:
            raise BadValue(str(exc)) from None

    return read


def _identifier(value: object) -> str:
    try:
        return rules.check_identifier(fmt.cell_text(value))
    except rules.Invalid as exc:
        raise BadValue(str(exc)) from None


def _positive_int(value: object) -> int:
    text = fmt.cell_text(value)
    if not re.fullmatch(r"[0-9]{1,9}", text) or int(text) < 1:
        raise BadValue("ska vara ett heltal, 1 eller mer")
    return int(text)


def _amount(row: Row, name: str) -> Callable[[object], int]:
    unit = fmt.amount_unit(row.units.get(name, ""))
    return lambda v: fmt.parse_amount(v, unit=unit)


def _date(row: Row) -> Callable[[object], object]:
    def read(value: object) -> object:
        day, how = fmt.parse_date(value, excel=row.ctx.excel)
        return fmt.Read(day, how) if how else day

    return read


def _read_kalla(row: Row, default: str) -> str | None:
    """The row's source: its Källa cell, else the default; None (skip the row) for exempeldata."""
    given = row.value("kalla", _text("kalla"))
    if given is not None and str(given).casefold() == EXEMPELDATA:
        return None
    return str(given) if given else default


# ------------------------------------------------------------------------------ reading rows


def read_rows(ctx: Context, table: fmt.Table, kalla: str) -> list[dict[str, object]]:
    """Every data row of the file as a record of checked values (rows with problems left out)."""
    spec = ctx.spec
    positions: dict[str, int] = {}
    units: dict[str, str] = {}
    for index, header in enumerate(table.headers):
        if not header:
            continue
        matched = spec.match(header)
        if matched is None:
            ctx.notice(header, "okänd kolumn; läses inte")
            continue
        name, unit = matched
        if name in positions:
            ctx.problem(
                table.header_rad,
                header,
                f"kolumnerna {ctx.headers[name]!r} och {header!r} betyder samma sak "
                f"({spec.column(name).header}); ta bort den ena",
            )
            continue
        positions[name] = index
        units[name] = unit
        ctx.headers[name] = header
    missing = [c.header for c in spec.columns if c.required and c.field not in positions]
    if missing:
        found = ", ".join(h for h in table.headers if h) or "inga"
        ctx.problem(
            table.header_rad,
            None,
            f"obligatoriska kolumner saknas: {', '.join(missing)}. Hittade kolumner: {found}",
        )
        return []
    if ctx.problems:
        return []
    data_rows = [(n, cells) for n, cells in table.rows if any(not fmt.is_blank(c) for c in cells)]
    if not data_rows:
        ctx.problem(None, None, "filen har en rubrikrad men inga datarader")
        return []
    records: list[dict[str, object]] = []
    sums: list[tuple[int, object]] = []
    reader = _READERS[spec.name]
    total = len(data_rows)
    for index, (number, cells) in enumerate(data_rows):
        if index % 500 == 0:
            ctx.tick("check", index, total)
        if _is_sum_row(cells):
            ctx.skipped += 1
            sums.append((number, cells[positions["belopp_kr"]] if "belopp_kr" in positions else None))
            continue
        row = Row(ctx, number, {name: cells[i] for name, i in positions.items()}, units)
        formulas = [name for name, value in row.cells.items() if isinstance(value, fmt.Formula)]
        if formulas:
            for name in formulas:
                row.fail(name, FORMULA_NO_VALUE)
            continue
        source = _read_kalla(row, kalla)
        if source is None:
            ctx.skipped += 1
            ctx.notice(ctx.headers.get("kalla"), "raden har källan exempeldata och hoppas över", number)
            continue
        record = reader(row, ctx)
        if record is not None and row.ok:
            record["kalla"] = source
            record["_rad"] = number
            records.append(record)
    _check_sums(ctx, sums, records, units)
    return records


_SUM_WORDS = ("summa", "totalt", "total", "totalsumma", "sum", "sammanlagt")


def _is_sum_row(cells: Sequence[object]) -> bool:
    first = next((text for c in cells if (text := fmt.cell_text(c))), "")
    if first[:1] not in "sStT" or not first:  # every sum word starts so: most rows are told at once
        return False
    return fmt.norm(first) in _SUM_WORDS or bool(re.match(r"(?i)^(summa|totalt)\b", first))


def _check_sums(
    ctx: Context, sums: list[tuple[int, object]], records: list[dict[str, object]], units: Mapping[str, str]
) -> None:
    """A sum row is not imported; where it gives an amount, say whether the rows add up to it."""
    for number, value in sums:
        ctx.notice(None, "raden ser ut som en summarad och importeras inte", number)
        if value is None or fmt.is_blank(value):
            continue
        try:
            declared = fmt.parse_amount(value, unit=fmt.amount_unit(units.get("belopp_kr", "")))
        except BadValue:
            continue
        total = sum(int(r["belopp_kr"]) for r in records if isinstance(r.get("belopp_kr"), int))
        if ctx.problems:
            continue  # the rows with problems are not counted, so the comparison would mislead
        if declared == total:
            ctx.notice(ctx.headers.get("belopp_kr"), f"summaraden ({_kr(declared)}) stämmer med raderna", number)
        else:
            ctx.notice(
                ctx.headers.get("belopp_kr"),
                f"OBS: summaraden anger {_kr(declared)} men raderna summerar till {_kr(total)} "
                f"(skillnad {_kr(declared - total)})",
                number,
            )


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " kr"


def _read_insats(row: Row, ctx: Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": {n for n in row.cells}}
    r["insats_id"] = row.value("insats_id", _identifier)
    r["namn"] = row.value("namn", _text("namn"), required=True)
    r["beskrivning"] = row.value("beskrivning", _text("beskrivning"))
    r["namnd_kod"] = row.value("namnd_kod", k.namnder.resolve, required=True)
    r["finansiering_kod"] = row.value("finansiering_kod", k.finansiering.resolve, required=True)
    r["tilldelning_id"] = row.value("tilldelning_id", lambda v: _tilldelning(k, v))
    r["belopp_kr"] = row.value("belopp_kr", _amount(row, "belopp_kr"), required=True)
    r["startdatum"] = row.value("startdatum", _date(row), required=True)
    r["slutdatum"] = row.value("slutdatum", _date(row))
    r["status"] = row.value("status", k.status.resolve, required=True)
    r["typ"] = row.value("typ", k.typ.resolve, required=True)
    r["malgrupp"] = row.value("malgrupp", _text("malgrupp"))
    r["fokus_kod"] = row.value("fokus_kod", k.fokus.resolve, required=True)
    r["sekundara_fokus"] = row.codes("sekundara_fokus", k.fokus)
    r["partner_namnder"] = row.codes("partner_namnder", k.namnder)
    r["anledning"] = row.value("anledning", _text("anledning"))
    if row.has("partner_externa"):
        externa = []
        for name in fmt.split_list(row.cells["partner_externa"], commas=False):
            try:
                externa.append(_text("partner")(name))
            except BadValue as exc:
                row.fail("partner_externa", str(exc), name)
        r["partner_externa"] = sorted(set(externa))
    else:
        r["partner_externa"] = None
    hela = row.value("hela_staden", fmt.parse_bool)
    omraden, city = _insats_omraden(row, k.omraden)
    if city:
        if hela is False:
            row.fail("omraden", "området Hela staden strider mot Hela staden = nej")
        hela = True
    elif hela is None and omraden:
        hela = False
    r["omraden"] = omraden
    r["hela_staden"] = hela
    return r


def _tilldelning(k: Koder, value: object) -> str:
    text = fmt.cell_text(value)
    found = k.tilldelning_ids.get(fmt.norm(text))
    if found is None:
        raise BadValue("okänd tilldelning; ange ett tilldelnings-id som finns i databasen, t.ex. T2022-KS-FRN")
    return found


def _insats_omraden(row: Row, omraden: Omraden) -> tuple[list[str] | None, bool]:
    """An insats' områden (statistikområden) and whether the cell says Hela staden."""
    if not row.has("omraden"):
        return None, False
    codes: set[str] = set()
    city = False
    what = "en insats områden"
    for piece in fmt.split_list(row.cells["omraden"], commas=False):
        try:
            resolved = omraden.resolve(piece, city=True, delomraden=True, what=what)
            items = [resolved]
        except BadValue as whole:
            parts = [p.strip() for p in piece.split(",") if p.strip()]
            if len(parts) < 2:
                row.fail("omraden", str(whole), piece)
                continue
            items = []
            for part in parts:
                try:
                    items.append(omraden.resolve(part, city=True, delomraden=True, what=what))
                except BadValue as exc:
                    row.fail("omraden", str(exc), part)
        for item in items:
            if item.kod == "0":
                city = True
                row.note("omraden", f"{piece!r} tolkas som hela staden")
            else:
                row.note("omraden", item.how)
                codes.add(item.kod)
    return rules.sorted_codes(codes), city


def _read_tilldelning(row: Row, ctx: Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": set(row.cells)}
    r["tilldelning_id"] = row.value("tilldelning_id", _identifier, required=True)
    r["beslut_id"] = row.value("beslut_id", lambda v: _beslut(k, v), required=True)
    r["namnd_kod"] = row.value("namnd_kod", k.namnder.resolve, required=True)
    r["mottagare_text"] = row.value("mottagare_text", _text("mottagare_text"))
    r["finansiering_kod"] = row.value("finansiering_kod", k.finansiering.resolve, required=True)
    r["ar"] = row.value("ar", fmt.parse_year, required=True)
    r["belopp_kr"] = row.value("belopp_kr", _amount(row, "belopp_kr"), required=True)
    r["dokument_rad"] = row.value("dokument_rad", _positive_int)
    return r


def _beslut(k: Koder, value: object) -> str:
    found = k.beslut.get(fmt.norm(value))
    if found is None:
        raise BadValue("okänt beslut; ange ett besluts-id som finns i databasen, t.ex. B2024-KSAU414-KS")
    return found


def _read_indikatorvarde(row: Row, ctx: Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": set(row.cells)}
    r["indikator_kod"] = row.value("indikator_kod", k.indikatorer.resolve, required=True)
    r["omrade_kod"] = row.value(
        "omrade_kod",
        lambda v: k.omraden.resolve(v, city=True, delomraden=False, what="indikatorvärden", whole_names=True),
        required=True,
    )
    r["ar"] = row.value("ar", fmt.parse_year, required=True)
    varde = row.value("varde", fmt.parse_number, required=True)
    if isinstance(varde, float) and r["indikator_kod"]:
        enhet = k.enhet.get(str(r["indikator_kod"]), "")
        if varde < 0:
            row.fail("varde", "värdet får inte vara negativt")
        elif enhet == "procent" and varde > 100:
            row.fail("varde", "en andel i procent ska ligga mellan 0 och 100")
    r["varde"] = varde
    return r


def _read_period(row: Row, ctx: Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": set(row.cells)}
    r["omrade_kod"] = row.value(
        "omrade_kod",
        lambda v: k.omraden.resolve(v, city=False, delomraden=False, what=ctx.spec.title.lower()),
        required=True,
    )
    r["startdatum"] = row.value("startdatum", _date(row), required=True)
    r["slutdatum"] = row.value("slutdatum", _date(row))
    if phrase := rules.ends_before_start(r["startdatum"], r["slutdatum"]):
        row.fail("slutdatum", phrase)
    return r


_READERS: dict[str, Callable[[Row, Context], dict[str, object] | None]] = {
    "insatser": _read_insats,
    "tilldelningar": _read_tilldelning,
    "indikatorvarden": _read_indikatorvarde,
    "omradesteam": _read_period,
    "kraftsamling": _read_period,
}
