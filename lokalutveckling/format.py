"""Numbers and dates in Swedish (or English) format, through Babel's CLDR data."""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
NBSP = "\u00a0"


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["sv"])


def fmt_int(value: float | int | None, lang: str = "sv") -> str:
    """A whole number with the language's group separator: '1 300 000'."""
    if value is None:
        return "–"
    return format_decimal(round(value), format="#,##0", locale=_locale(lang))


def fmt_kr(value: float | int | None, lang: str = "sv") -> str:
    """Kronor: '1 300 000 kr' (English: 'SEK 1,300,000')."""
    if value is None:
        return "–"
    number = fmt_int(value, lang)
    return f"{number}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{number}"


def fmt_mnkr(value: float | int | None, lang: str = "sv", decimals: int = 1) -> str:
    """Millions of kronor: '15,0 mnkr' (English: 'SEK 15.0m')."""
    if value is None:
        return "–"
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    number = format_decimal(value / 1_000_000, format=pattern, locale=_locale(lang))
    return f"{number}{NBSP}mnkr" if lang == "sv" else f"SEK{NBSP}{number}m"


def fmt_pct(value: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """A percentage given in percent units: 12.6 -> '12,6 %' (English: '12.6%')."""
    if value is None:
        return "–"
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    number = format_decimal(value, format=pattern, locale=_locale(lang))
    return f"{number}{NBSP}%" if lang == "sv" else f"{number}%"


def fmt_number(value: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """A decimal number: 12.6 -> '12,6'."""
    if value is None:
        return "–"
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_date(value: date | None) -> str:
    """A date as the city's documents write it: '2022-08-17'."""
    if value is None:
        return "–"
    return value.isoformat()


def plotly_separators(lang: str = "sv") -> str:
    """Plotly's `separators`: decimal mark then thousands separator."""
    return f",{NBSP}" if lang == "sv" else ".,"
