"""Swedish number formats, and every UI text in both languages."""

from __future__ import annotations

import re

import pandas as pd

from lokalutveckling import domain
from lokalutveckling import format as fmt
from lokalutveckling.i18n import LANGUAGES, TEXTS, t
from lokalutveckling.paths import ROOT

NBSP = "\u00a0"


def test_swedish_formats():
    assert fmt.fmt_kr(1_300_000) == f"1{NBSP}300{NBSP}000{NBSP}kr"
    assert fmt.fmt_mnkr(15_000_000) == f"15,0{NBSP}mnkr"
    assert fmt.fmt_mnkr(12_600_000) == f"12,6{NBSP}mnkr"
    assert fmt.fmt_pct(12.6) == f"12,6{NBSP}%"
    assert fmt.fmt_int(19_700_000) == f"19{NBSP}700{NBSP}000"
    assert fmt.fmt_number(3.25, decimals=2) == "3,25"
    assert fmt.fmt_kr(None) == "–"


def test_english_formats():
    assert fmt.fmt_kr(1_300_000, "en") == f"SEK{NBSP}1,300,000"
    assert fmt.fmt_mnkr(15_000_000, "en") == f"SEK{NBSP}15.0m"
    assert fmt.fmt_pct(12.6, "en") == "12.6%"


def test_every_text_has_both_languages_and_the_same_placeholders():
    for key, entry in TEXTS.items():
        assert set(entry) == set(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in LANGUAGES}
        assert placeholders["sv"] == placeholders["en"], key


def test_every_key_used_in_the_code_exists():
    used: set[str] = set()
    for path in [ROOT / "dashboard.py", *ROOT.glob("pages/*.py"), *ROOT.glob("lokalutveckling/*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    assert used, "no t() calls found"
    assert used <= set(TEXTS), used - set(TEXTS)


def test_t_fills_placeholders():
    assert t("kpi_of_14", "sv", n=3) == "3 av 14"
    assert t("kpi_of_14", "en", n=3) == "3 of 14"


def test_source_labels_tell_documents_exempeldata_and_accounts_apart():
    from lokalutveckling import provenance

    documents = provenance.document_names(
        pd.DataFrame(
            {
                "kalla_id": ["polisen_utsatta_2025", "002_653f0594ef9bb87d.txt", "exempeldata"],
                "typ": ["lista", "tjänsteskrivelse", "exempeldata"],
                "datum": [None, "2022-08-12", None],
                "organ": ["Polisen", "Stadskontoret", None],
            }
        )
    )
    assert "exempeldata" not in documents
    assert provenance.source_label("exempeldata", documents=documents) == "exempeldata"
    assert provenance.source_label("002_653f0594ef9bb87d.txt") == "002_653f0594ef9bb87d.txt"
    assert (
        provenance.source_label("002_653f0594ef9bb87d.txt", documents=documents)
        == "Stadskontorets tjänsteskrivelse 2022-08-12"
    )
    assert provenance.source_label("polisen_utsatta_2025", documents=documents) == "polisen_utsatta_2025"
    assert provenance.source_label("kim_l", documents=documents) == "inlagd i appen av kim_l"
    assert provenance.source_label(None) == "–"


def test_form_labels_match_the_write_layers_field_names():
    from lokalutveckling.i18n import TEXTS

    for key, entry in TEXTS.items():
        if key.startswith("field_"):
            assert entry["sv"] == domain.LABELS[key.removeprefix("field_")], key
