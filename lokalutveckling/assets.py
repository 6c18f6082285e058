"""Browser assets the app serves itself (Streamlit's static serving, /app/static/), from installed packages."""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

from lokalutveckling.paths import ROOT

STATIC_DIR = ROOT / "static"
LEAFLET_URL = "/app/static/leaflet"  # where the browser finds them
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")  # fmt: skip


def install_leaflet(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet's files from the django-js-lib-leaflet package into static/leaflet/ (idempotent)."""
    source = files("js_lib_leaflet") / "static" / "js_lib_leaflet"
    target = static_dir / "leaflet"
    for name in LEAFLET_FILES:
        data = (source / name).read_bytes()
        path = target / name
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
    return target


def remove_leaflet(static_dir: Path = STATIC_DIR) -> None:
    """Remove the copied files (tests use this to check a fresh install)."""
    shutil.rmtree(static_dir / "leaflet", ignore_errors=True)
