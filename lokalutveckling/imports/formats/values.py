"""Reading the values of cells: amounts, dates, years, numbers, yes/no and lists, each with a Swedish
message saying what is expected (`BadValue`) when a value cannot be read. Pure, no store access.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from lokalutveckling import domain
from lokalutveckling.writes import rules

MAX_KRONOR = domain.MAX_KRONOR
MIN_YEAR, MAX_YEAR = rules.MIN_YEAR, rules.MAX_YEAR
# Spaces people (and Excel, and Word) put between thousands: ordinary, no-break, narrow no-break,
# thin, figure and punctuation spaces.
_SPACES = "\u0020\u00a0\u202f\u2009\u2007\u2008\u200a"
_MINUSES = "-\u2212\u2013\u2012"


class BadValue(ValueError):
    """One value cannot be read; the message says what is expected."""


def cell_text(value: object) -> str:
    """A cell as text, trimmed: whole numbers without '.0', dates as ÅÅÅÅ-MM-DD, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_blank(value: object) -> bool:
    return cell_text(value) == ""


def _squeeze(text: str) -> str:
    """Spaces of every kind removed (they group thousands)."""
    return "".join(ch for ch in text if ch not in _SPACES)


_AMOUNT_UNITS = {
    "": 1,
    "kr": 1,
    "kr.": 1,
    "kronor": 1,
    "sek": 1,
    ":-": 1,
    "tkr": 1_000,
    "tsek": 1_000,
    "tusenkronor": 1_000,
    "mnkr": 1_000_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "mn": 1_000_000,
    "milj": 1_000_000,
    "miljkr": 1_000_000,
    "miljoner": 1_000_000,
    "miljonerkronor": 1_000_000,
    "miljonkronor": 1_000_000,
}
AMOUNT_EXPECTED = "ska vara ett belopp i kronor, t.ex. 1 300 000, 1 300 000 kr eller 1,3 mnkr"
AMOUNT_APPROXIMATE = (
    "ungefärliga belopp kan inte importeras; ange beloppet i hela kronor, t.ex. 1 300 000 eller 1,3 mnkr"
)
AMOUNT_NEGATIVE = f"beloppet {rules.KRONOR_NEGATIVE}"
AMOUNT_AMBIGUOUS = "oklart belopp: skriv ut enheten (t.ex. 1,3 mnkr) eller hela kronor (t.ex. 1 300 000)"
AMOUNT_FRACTION = "beloppet ska vara i hela kronor (utan ören)"
AMOUNT_TOO_BIG = f"beloppet {rules.KRONOR_TOO_BIG}"
_APPROX = re.compile(r"^(ca\.?|cirka|ungefär|ung\.?|~|≈|omkring|runt|drygt|knappt|max\.?|minst|över|under)(\s|$)")


def amount_unit(header_unit: str) -> int:
    """The multiplier a header's unit gives bare numbers: '(tkr)' 1000, '(mnkr)' 1000000, else 1."""
    return _AMOUNT_UNITS.get(_squeeze(header_unit.lower()), 1)


def parse_amount(value: object, *, unit: int = 1) -> int:
    """Whole kronor from a cell: 1300000, '1 300 000', '1 300 000 kr', '1,3 mnkr', '1.3 mnkr',
    '1 300 000,00', '1 300 tkr' (with any kind of space); BadValue for approximate, negative,
    ambiguous ('1,3' without unit), fractional or unreadable amounts. `unit` is the header's
    multiplier for bare numbers (1 300 in a column 'Belopp (tkr)' is 1 300 000)."""
    if isinstance(value, bool):
        raise BadValue(AMOUNT_EXPECTED)
    if isinstance(value, int | float):
        number = float(value)
        if math.isnan(number):
            raise BadValue(AMOUNT_EXPECTED)
        if number < 0:
            raise BadValue(AMOUNT_NEGATIVE)
        if unit == 1 and not number.is_integer():
            raise BadValue(AMOUNT_AMBIGUOUS if number < 1000 else AMOUNT_FRACTION)
        return _whole(number * unit)
    text = cell_text(value).lower()
    if _APPROX.match(text):
        raise BadValue(AMOUNT_APPROXIMATE)
    if text and text[0] in _MINUSES:
        rest = text[1:].strip()
        if rest and rest[0].isdigit():
            raise BadValue(AMOUNT_NEGATIVE)
    match = re.fullmatch(r"([0-9][0-9 .,\u00a0\u202f\u2009\u2007\u2008\u200a]*)\s*([a-zåäö:.\-\s]*)", text)
    if not match:
        raise BadValue(AMOUNT_EXPECTED)
    digits, unit_text = _squeeze(match.group(1)), _squeeze(match.group(2))
    if unit_text not in _AMOUNT_UNITS:
        unit_text = unit_text.rstrip(".")
    if unit_text not in _AMOUNT_UNITS:
        raise BadValue(AMOUNT_EXPECTED)
    multiplier = _AMOUNT_UNITS[unit_text] if unit_text else unit
    explicit = bool(unit_text) and multiplier > 1
    number = _amount_number(digits, large_unit=explicit or multiplier > 1)
    return _whole(number * multiplier)


def _amount_number(digits: str, *, large_unit: bool) -> float:
    """The number in an amount's digits (spaces already removed)."""
    if re.fullmatch(r"[0-9]+", digits):
        return float(digits)
    # Thousands grouped with dots or commas, two groups or more: 1.300.000 or 1,300,000.
    if re.fullmatch(r"[0-9]{1,3}([.,])[0-9]{3}(\1[0-9]{3})+", digits):
        return float(re.sub(r"[.,]", "", digits))
    # Öre: 1300000,00 or 1 300 000.00 (the spaces are gone).
    decimal = re.fullmatch(r"([0-9]+)[.,]([0-9]+)", digits)
    if decimal:
        whole, fraction = decimal.groups()
        if large_unit:
            return float(f"{whole}.{fraction}")
        if len(whole) < 4:  # 1,3 or 12,50: millions? kronor and öre? Nobody can tell.
            raise BadValue(AMOUNT_AMBIGUOUS)
        if fraction.strip("0"):
            raise BadValue(AMOUNT_FRACTION)
        return float(whole)
    raise BadValue(AMOUNT_EXPECTED)


def _whole(number: float) -> int:
    rounded = round(number)
    if abs(number - rounded) > 1e-4:  # float error on millions is far smaller; öre are not
        raise BadValue(AMOUNT_FRACTION)
    try:
        return rules.check_kronor(int(rounded))  # the same rule as the forms'
    except rules.Invalid as exc:
        raise BadValue(f"beloppet {exc}") from None


DATE_EXPECTED = "ska vara ett datum, t.ex. 2024-09-09 eller 9/9/2024 (dag/månad/år)"
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: object, *, excel: bool = False) -> tuple[date, str | None]:
    """(date, how it was read when that needs saying) from an Excel date cell, '2024-09-09',
    '2024-09-09 00:00:00', '9/9/2024' or '9.9.2024' (day first, as in Swedish); in an Excel file a
    bare number such as 45544 is read as Excel's day number. BadValue otherwise, or outside 2000–2100."""
    how = None
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise BadValue("ska vara ett datum utan klockslag")
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif excel and isinstance(value, int | float) and not isinstance(value, bool) and 30000 <= value <= 80000:
        if not float(value).is_integer():
            raise BadValue("ska vara ett datum utan klockslag")
        day = _EXCEL_EPOCH + timedelta(days=int(value))
        how = f"Excels dagnummer {int(value)} läst som {day.isoformat()}"
    else:
        day = _date_text(cell_text(value))
    try:
        return rules.check_day(day), how  # the same rule as the forms'
    except rules.Invalid as exc:
        raise BadValue(f"datumet {exc}") from None


def _date_text(text: str) -> date:
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?", text)
    dmy = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?: 00:00(?::00)?)?", text)
    timed = re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?", text)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dmy:
            return date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        raise BadValue(f"{text} är inget giltigt datum; {DATE_EXPECTED}") from None
    if timed:
        raise BadValue("ska vara ett datum utan klockslag")
    raise BadValue(DATE_EXPECTED)


YEAR_EXPECTED = f"ska vara ett årtal {MIN_YEAR}–{MAX_YEAR}, t.ex. 2024"


def parse_year(value: object) -> int:
    text = cell_text(value)
    if not re.fullmatch(r"\d{4}", text):
        raise BadValue(YEAR_EXPECTED)
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadValue(YEAR_EXPECTED)
    return year


NUMBER_EXPECTED = "ska vara ett tal, t.ex. 12,6 eller 31 000"


def parse_number(value: object) -> float:
    """A decimal number: 12.6, '12,6', '12.6', '31 000', '1 234,5', '12,6 %' (the % is dropped)."""
    if isinstance(value, bool):
        raise BadValue(NUMBER_EXPECTED)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _squeeze(cell_text(value)).rstrip("%")
        if text[:1] in _MINUSES:
            text = "-" + text[1:]
        if re.fullmatch(r"-?[0-9]+", text):
            number = float(text)
        elif re.fullmatch(r"-?[0-9]+[.,][0-9]+", text):
            number = float(text.replace(",", "."))
        elif re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+", text):  # 1.234,5
            number = float(text.replace(".", "").replace(",", "."))
        elif re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+", text):  # 1,234.5
            number = float(text.replace(",", ""))
        else:
            raise BadValue(NUMBER_EXPECTED)
    if math.isnan(number) or math.isinf(number):
        raise BadValue(NUMBER_EXPECTED)
    return number


BOOL_EXPECTED = "ska vara ja eller nej"
_TRUE = {"ja", "j", "x", "true", "sant", "1", "yes", "y"}
_FALSE = {"nej", "n", "false", "falskt", "0", "no", ""}


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValue(BOOL_EXPECTED)


def split_list(value: object, *, commas: bool = True) -> list[str]:
    """The items of a list cell: separated by semicolons, new lines or | (and commas when `commas`).
    An item in double quotes is read as it stands, separators inside it included, with "" for a
    quote: '"Föreningen A; B"; Studieförbund' is two items (`list_cell` writes them so)."""
    text = cell_text(value)
    separators = ";\n|" if not commas else ";\n|,"
    if '"' not in text:
        return [item.strip() for item in re.split(f"[{separators}]+", text) if item.strip()]
    quoted = re.compile(rf'\s*"((?:[^"]|"")*)"\s*(?:[{separators}]|$)')
    plain = re.compile(rf"[^{separators}]*[{separators}]?")
    items, at = [], 0
    while at < len(text):
        match = quoted.match(text, at)
        if match:
            items.append(match.group(1).replace('""', '"'))
        else:  # a quote that does not enclose the whole item is part of it
            match = plain.match(text, at)
            items.append(match.group(0).rstrip(separators))  # type: ignore[union-attr]
        at = match.end()  # type: ignore[union-attr]
    return [item.strip() for item in items if item.strip()]


def list_cell(items: Iterable[object], *, commas: bool = True) -> str:
    """Items as one list cell that `split_list` reads back item for item: separated by '; ', an item
    that holds a separator (or starts with a quote) in double quotes, its quotes doubled."""
    separators = ";\n|" if not commas else ";\n|,"

    def one(item: object) -> str:
        text = str(item)
        if any(ch in text for ch in separators) or text.lstrip().startswith('"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "; ".join(one(item) for item in items)
