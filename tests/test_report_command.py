"""`python -m lokalutveckling report`: a view by its link made into the same PDF and slides as the app's
buttons, read back; a lägesrapport of several views; what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from lokalutveckling import cli
from lokalutveckling.cli import report

pytestmark = pytest.mark.usefixtures("db_file")


def _text(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_a_view_by_its_link_becomes_a_pdf_with_its_figures_filters_and_sources(tmp_path: Path, capsys):
    out = tmp_path / "rapporter" / "oversikt.pdf"
    assert cli.main(["report", "--view", "oversikt?ar=2022", "--format", "pdf", "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: 1 vy(er), 5 diagram, ")
    pages = _text(out)
    whole = " ".join(pages)
    assert "Översikt" in pages[0] and "oversikt?ar=2022" in pages[0] and "År: 2022" in pages[0]
    for title in ("Pengar per nämnd i besluten och förslagen, per år", "Beslutskedjan", "Insatser per status"):
        assert title in whole, title
    # The reconciliation, as written in the source and in its rows, never corrected.
    assert "19 700 000" in whole.replace("\u00a0", " ") and "18 600 000" in whole.replace("\u00a0", " ")
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad" in whole
    assert "exempeldata" in whole.lower()
    assert all(f"Sida {n} av {len(pages)}" in text for n, text in enumerate(pages, 1))


def test_the_same_view_as_slides_has_a_slide_per_chart_with_its_title(tmp_path: Path):
    out = tmp_path / "oversikt.pptx"
    assert cli.main(["report", "--view", "oversikt?ar=2022", "--format", "pptx", "--out", str(out)]) == 0
    titles = [s.shapes.title.text for s in Presentation(str(out)).slides if s.shapes.title is not None]
    assert "Pengar per nämnd i besluten och förslagen, per år" in titles
    assert "Beslutskedjan" in titles


def test_a_lagesrapport_holds_the_standard_views_in_one_document(tmp_path: Path):
    out = tmp_path / "lagesrapport.pdf"
    assert cli.main(["report", "--view", "lagesrapport?ar=2022", "--out", str(out)]) == 0
    cover = _text(out)[0]
    assert "Lägesrapport" in cover
    for name in ("Översikt", "Karta", "Nämnder", "Behov och närvaro", "Beslut och källor"):
        assert name in cover, name
    assert report.expand("lagesrapport?ar=2022") == [f"{p}?ar=2022" for p in report.STANDARD_REPORT]


def test_an_unknown_page_is_refused_with_the_pages_there_are(tmp_path: Path, capsys):
    out = tmp_path / "x.pdf"
    assert cli.main(["report", "--view", "konton", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "okänd sida 'konton'" in err and "oversikt, karta, omrade" in err
    assert not out.exists()
