"""The browser's own print of a page (lokalutveckling/assets/print.css and print.js): under print media the
sidebar, header and buttons are hidden, the charts are drawn again within an A4 page's width, and the
PDF Chromium prints holds the page's title and texts."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.e2e.conftest import ARTIFACTS, wait_for_charts, wait_for_render

A4_TEXT_WIDTH = 703  # CSS px: 210 mm less print.css's side margins (2 x 12 mm)
HIDDEN = (
    '[data-testid="stSidebar"]',
    '[data-testid="stHeader"]',
    '[data-testid="stPopover"]',
    '[data-testid="stDownloadButton"]',
)


def test_print_gives_a_clean_a4_without_sidebar_or_cut_charts(app_url, page):
    page.goto(f"{app_url}/?ar=2022")
    wait_for_render(page, "Översikt")
    wait_for_charts(page, 5)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.evaluate("() => document.querySelector('.lokalutveckling-chart')._fullLayout.width") > A4_TEXT_WIDTH

    page.emulate_media(media="print")
    page.wait_for_function("() => document.documentElement.dataset.printFitted === 'true'", timeout=10_000)
    for selector in HIDDEN:
        shown = page.evaluate(
            "s => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none'"
            " && e.getBoundingClientRect().width > 0).length",
            selector,
        )
        assert shown == 0, selector
    # Every chart drawn again within the printed page's width (its SVG, not only its box).
    widths = page.evaluate(
        "() => [...document.querySelectorAll('.lokalutveckling-chart')]"
        ".map(gd => gd.querySelector('.main-svg').getBoundingClientRect().width)"
    )
    assert len(widths) == 5 and max(widths) <= A4_TEXT_WIDTH
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('.lokalutveckling-chart')).breakInside") == "avoid"
    )

    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "print_oversikt.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5  # A4 in points
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Översikt" in text
    assert "Pengar per nämnd i besluten och förslagen, per år" in text  # a chart's title, drawn in
    assert "Logga in" not in text  # the sidebar's sign-in is not printed

    # Back on screen the charts take their column's width again.
    page.emulate_media(media="screen")
    page.wait_for_function(
        "w => document.querySelector('.lokalutveckling-chart')._fullLayout.width > w", arg=A4_TEXT_WIDTH
    )


def test_print_of_karta_keeps_the_whole_map_within_the_page(app_url, page):
    page.goto(f"{app_url}/karta?ar=2022")
    wait_for_render(page, "Karta")
    page.frame_locator("iframe").first.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    page.emulate_media(media="print")
    page.wait_for_function("() => document.documentElement.dataset.printFitted === 'true'", timeout=10_000)
    # The map keeps its view and is drawn smaller (narrowed, it would show less of the city).
    frame = page.evaluate(
        "() => { const f = document.querySelector('iframe'); const r = f.getBoundingClientRect();"
        " return [r.width, f.offsetWidth, f.parentElement.getBoundingClientRect().height, r.height] }"
    )
    shown, drawn, box, height = frame
    assert shown <= A4_TEXT_WIDTH + 1 and drawn > shown  # drawn at the screen's width, scaled to the page
    assert abs(box - height) <= 2  # no empty room below the scaled map
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert "Karta" in reader.pages[0].extract_text()
    page.emulate_media(media="screen")
    page.wait_for_function("() => !document.documentElement.dataset.printFitted")
    assert page.evaluate("() => document.querySelector('iframe').style.transform") == ""
