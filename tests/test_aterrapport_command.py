"""`python -m lokalutveckling report aterrapportering --kalla … --ar … --format docx|pdf --out FILE`: the
återrapport made from a store built by the command line, read back; what it refuses; `report --view` as before."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from lokalutveckling import cli
from lokalutveckling.paths import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "lokalutveckling", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once for the module, as a user builds one: `python -m lokalutveckling store build PATH`."""
    path = tmp_path_factory.mktemp("aterrapport") / "store.duckdb"
    built = _run("store", "build", str(path))
    assert built.returncode == 0, built.stderr
    return path


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_command_writes_the_word_document_and_says_what_it_wrote(store_file: Path, tmp_path: Path):
    out = tmp_path / "ut" / "aterrapport.docx"
    done = _run(
        "report", "aterrapportering", "--kalla", "Statsbidrag Socialstyrelsen", "--ar", "2022",
        "--format", "docx", "--out", str(out), "--db", str(store_file),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    first, sections = done.stdout.splitlines()[:2]
    assert first.startswith(f"{out}: Återrapport till Socialstyrelsen 2022 (docx, ") and first.endswith(" byte)")
    assert "avsnitt: Vad som ska återrapporteras · " in sections and sections.endswith("Källdokument · Källor")
    doc = Document(io.BytesIO(out.read_bytes()))
    rows = {_plain(row.cells[0].text): [_plain(c.text) for c in row.cells] for t in doc.tables for row in t.rows}
    assert rows["Funktionsstödsnämnden"][1] == "3 500 000 kr"
    assert rows["Totalbelopp enligt källan"][1:] == ["19 700 000 kr", "rad 193"]
    assert rows["Summa av raderna"][1] == "18 600 000 kr"
    assert rows["INS-042"][-1] == "Exempeldata"


def test_the_command_writes_the_pdf_in_english(store_file: Path, tmp_path: Path):
    out = tmp_path / "aterrapport.pdf"
    done = _run(
        "report", "aterrapportering", "--kalla", "SOS_STATSBIDRAG", "--ar", "2022",
        "--format", "pdf", "--lang", "en", "--out", str(out), "--db", str(store_file),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: Report to Socialstyrelsen 2022 (pdf, ")
    whole = _plain(" ".join(page.extract_text() or "" for page in PdfReader(out).pages))
    for text in ("What must be reported", "Total stated in the source SEK 19,700,000 line 193", "SEK 18,600,000"):
        assert text in whole, text


def test_an_unknown_source_or_year_is_refused_with_what_exists(store_file: Path, tmp_path: Path, capsys):
    out = tmp_path / "x.docx"
    base = ["report", "aterrapportering", "--out", str(out), "--db", str(store_file)]
    assert cli.main([*base, "--kalla", "okänd", "--ar", "2022"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: okänd finansieringskälla 'okänd'")
    assert "sos_statsbidrag 2022 (Statsbidrag Socialstyrelsen), ks_anslag 2022 (KS anslag till förfogande)" in err
    assert cli.main([*base, "--kalla", "sos_statsbidrag", "--ar", "2019"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: ingen återrapport för källan 'sos_statsbidrag' år 2019")
    assert "sos_statsbidrag 2022" in err
    assert not out.exists()


def test_report_without_a_view_or_a_command_says_what_it_needs(tmp_path: Path, capsys):
    assert cli.main(["report", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "Fel: --view krävs" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # argparse: the command's own options are required
        cli.main(["report", "aterrapportering", "--ar", "2022", "--out", str(tmp_path / "x.docx")])
