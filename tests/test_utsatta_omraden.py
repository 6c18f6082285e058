"""The police's utsatta områden: held as facts with their source, approximated by named delområden."""

from __future__ import annotations

import pytest

from lokalutveckling import data, store


def test_the_four_areas_of_the_2025_list_with_source_and_approximation(con):
    police = data.utsatta_omraden(con=con)
    areas = police.groupby("namn")["delomrade"].apply(list).to_dict()
    assert areas == {
        "Holma/Kroksbäck": ["KROKSBÄCK", "HOLMA"],
        "Nydala-Hermodsdal-Lindängen": ["HERMODSDAL", "NYDALA", "LINDÄNGEN"],
        "Rosengård (söder om Amiralsgatan)": ["TÖRNROSEN", "ÖRTAGÅRDEN", "HERRGÅRDEN"],
        "Seved": ["SÖDRA SOFIELUND"],
    }
    assert set(police["ar"]) == {2025}
    assert police["avgransning"].str.startswith("Ungefärlig").all()
    assert police["kalla_titel"].str.contains("Polisens lista 2025").all()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (",2025,11319,", ",2025,99999,", "utsatta_omraden.csv, rad 8, kolumn delomrade_kod: okänt delområde"),
        (",utsatt,2025,11319,", ",farligt,2025,11319,", "utsatta_omraden.csv, rad 8, kolumn kategori"),
        (",utsatt,2025,11319,", ",utsatt,i år,11319,", "utsatta_omraden.csv, rad 8, kolumn ar: ska vara ett årtal"),
    ],
)
def test_wrong_police_rows_stop_the_build(seed_copy, old, new, expected):
    path = seed_copy / "utsatta_omraden.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(store.SeedError) as info:
        store.build(store.connect(None), seed_copy)
    assert any(expected in p for p in info.value.problems), info.value.problems
