"""The Karta map's HTML size (with the police layer) for the real boundaries, with the 136 delområden drawn, and
the schematic map, at default and 100x data.

Usage: python benchmarks/map_size.py (reads ../shared/geo/ for the real boundaries).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from common import build_stores

from lokalutveckling import data, geo, maps, store
from lokalutveckling.paths import SHARED_DIR


def main() -> None:
    print("| data | boundaries | map HTML (KiB) |\n|---|---|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in build_stores(Path(tmp)).items():
            con = store.connect(path)
            membership = data.omraden_membership(con=con)
            presence = data.presence(date.today(), con=con)
            police = data.utsatta_omraden(con=con)
            con.close()
            for kind, configured in (
                ("delområden, dissolved", SHARED_DIR / "geo" / geo.DELOMRADEN_FILE),
                ("schematic", None),
            ):
                bounds = geo.load_boundaries(membership, configured=configured, downloaded=Path("/nonexistent"))
                for extra, show in (("", False), (" + the 136 delområden drawn", True)):
                    if show and bounds.delomraden is None:
                        continue
                    html = (
                        maps.presence_map(
                            bounds.geojson,
                            presence,
                            schematic=bounds.schematic,
                            police=police,
                            delomraden=bounds.delomraden,
                            show_delomraden=show,
                        )
                        .get_root()
                        .render()
                    )
                    print(f"| {label} | {kind}{extra} | {len(html.encode()) / 1024:.0f} |")


if __name__ == "__main__":
    main()
