"""The source documents behind the figures: which the app can show, their text line by line, and links
that open them at a line in the document viewer (pages/dokument.py).

The documents are plain text files in a configured folder (paths.documents_dir: `LOKALUTVECKLING_DOKUMENT`
or `dokument_path` in the secrets), named by their kalla_id in the store's `kallor`. Only a kalla_id the
store knows, as a bare file name directly in that folder, is ever read: a link's parameter is never a path.
Where no folder is configured, or the file is not in it, a source is shown by its name, date, organ and
diarienummer instead of a link.

Everything here is pure (a folder and the store's kallor as arguments) but `folder`, which reads the
configured folder; how a page names, links and tables its sources is in `lokalutveckling.views.dokument`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from lokalutveckling import paths
from lokalutveckling.store import cache

VIEWER = "dokument"  # the viewer page's URL path (dashboard.py)
LINE_ID = "rad-{rad}"  # the HTML id of a line in the viewer: ...?dok=…&rad=193 shows #rad-193 highlighted


def document_file(folder: Path | None, kalla_id: object, known: Collection[str]) -> Path | None:
    """The file of a source document, or None: only for a kalla_id in `known` (the store's kallor) that is
    a bare file name, lies directly in `folder` (also after following links) and exists."""
    if folder is None or not isinstance(kalla_id, str) or kalla_id not in known:
        return None
    if kalla_id in {"", ".", ".."} or any(c in kalla_id for c in "/\\\0") or Path(kalla_id).name != kalla_id:
        return None
    try:
        base = folder.resolve(strict=True)
        path = (base / kalla_id).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return path if path.parent == base and path.is_file() else None


def read_lines(path: Path) -> list[str]:
    """A document's lines as the store's line numbers count them (line 1 first; only '\\n' ends a line)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and lines[-1] == "" else lines


def line_number(value: object) -> int | None:
    """A line number from a URL parameter, or None when it is not a positive whole number."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def viewer_url(kalla_id: str, rad: object = None, lang: str = "sv") -> str:
    """The viewer's address for a document at a line, relative to the app: 'dokument?dok=…&rad=193'."""
    params: dict[str, object] = {"dok": kalla_id}
    if line_number(rad):
        params["rad"] = line_number(rad)
    if lang == "en":
        params["lang"] = "EN"
    return f"{VIEWER}?{urlencode(params)}"


VIEWER_CSS = """
<style>
.lu-dok { font-family: "Source Code Pro", ui-monospace, monospace; font-size: 0.9rem; line-height: 1.5;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 0.5rem 0; }
.lu-rad { display: flex; min-height: 1.5em; scroll-margin: 40vh 0; }
.lu-nr { flex: 0 0 4.5em; padding-right: 1em; text-align: right; color: #5f6368; user-select: none; }
.lu-text { flex: 1 1 auto; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 8; padding-right: 0.5em; }
.lu-rad.lu-markerad { background: #fff3b0; color: #1f2933; outline: 2px solid #b58900; }
.lu-rad.lu-markerad .lu-nr { color: #000; font-weight: 700; }
.lu-rad.lu-markerad mark { background: transparent; color: inherit; }
</style>
"""


def text_html(lines: Sequence[str], highlight: int | None, label: str) -> str:
    """The text with its line numbers as HTML, every character of the file escaped (shown literally);
    the line `highlight` marked, with a script that scrolls it into view."""
    rows = []
    for number, line in enumerate(lines, start=1):
        text = escape(line)
        anchor = LINE_ID.format(rad=number)
        if number == highlight:
            rows.append(
                f'<div class="lu-rad lu-markerad" id="{anchor}" aria-current="location"><span class="lu-nr">'
                f'{number}</span><mark class="lu-text">{text}</mark></div>'
            )
        else:
            rows.append(f'<div class="lu-rad" id="{anchor}"><span class="lu-nr">{number}</span>'
                        f'<span class="lu-text">{text}</span></div>')  # fmt: skip
    body = f'<div class="lu-dok" role="region" aria-label="{escape(label)}">{"".join(rows)}</div>'
    if highlight:
        anchor = LINE_ID.format(rad=int(highlight))
        body += (
            f'<script>requestAnimationFrame(() => {{ const line = document.getElementById("{anchor}");'
            ' if (line) line.scrollIntoView({block: "center"}); });</script>'
        )
    return VIEWER_CSS + body


def folder() -> Path | None:
    """The configured folder of source documents (see paths.documents_dir), or None."""
    return paths.documents_dir(cache.secrets())
