"""Areas by every name: the name index and its matching, the stadsdelar seed, the Område page's search and
profile, and the Insatser search by area names."""

from __future__ import annotations

import html

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import area_names, data, store
from lokalutveckling.paths import ROOT

ENTRY = str(ROOT / "dashboard.py")
ROSENGARD_DELOMRADEN = {
    "Emilstorp",
    "Östra kyrkogården",
    "Apelgården",
    "Kryddgården",
    "Törnrosen",
    "Örtagården",
    "Rosengård centrum",
    "Herrgården",
    "Persborg",
    "Västra Kattarp",
}


@pytest.fixture(scope="module")
def index(con) -> area_names.NameIndex:
    return area_names.load(con)


def plain(value: object) -> str:
    """Markdown as a reader sees it: ui.literal's character references decoded, bold marks dropped."""
    return html.unescape(str(value).replace(":small[]", "")).replace("**", "")


# --- the one normalising function ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Rosengård", "rosengard"),
        ("ROSENGÅRD", "rosengard"),
        ("Holma/Kroksbäck", "holma kroksback"),
        ("holma - KROKSBACK", "holma kroksback"),
        ("Rosengård (söder om Amiralsgatan)", "rosengard soder om amiralsgatan"),
        ("  Nydala-Hermodsdal-Lindängen ", "nydala hermodsdal lindangen"),
        ("SOFIELUNDS INDUSTRIOMR.", "sofielunds industriomr"),
        ("Öster", "oster"),
    ],
)
def test_normalise_ignores_case_diacritics_and_punctuation(typed, expected):
    assert area_names.normalise(typed) == expected


def test_display_writes_register_capitals_as_names():
    assert area_names.display("ROSENGÅRD CENTRUM") == "Rosengård centrum"
    assert area_names.display("VÄSTRA KATTARP") == "Västra Kattarp"
    assert area_names.display("TYGELSJÖ BY") == "Tygelsjö by"
    assert area_names.display("Örtagården, Herrgården m fl") == "Örtagården, Herrgården m fl"


# --- the seed: one stadsdel per delområde --------------------------------------------------------


def test_every_delomrade_has_exactly_one_stadsdel(con):
    rows = con.execute(
        "select d.omrade_kod, count(s.delomrade_kod) from omraden d left join stadsdelar s "
        "on d.omrade_kod = s.delomrade_kod where d.niva = 'delomrade' group by all"
    ).fetchall()
    assert len(rows) == 136 and {n for _, n in rows} == {1}
    stadsdelar = {r[0] for r in con.execute("select distinct stadsdel from stadsdelar").fetchall()}
    assert stadsdelar == {
        "Centrum",
        "Södra Innerstaden",
        "Västra Innerstaden",
        "Limhamn-Bunkeflo",
        "Hyllie",
        "Fosie",
        "Oxie",
        "Rosengård",
        "Husie",
        "Kirseberg",
    }
    omr = {r[0] for r in con.execute("select distinct stadsomrade from stadsdelar").fetchall()}
    assert omr == {"Innerstaden", "Väster", "Söder", "Öster", "Norr"}
    title = con.execute("select titel from kallor where kalla_id = 'projektet_stadsdelar'").fetchone()[0]
    assert "Projektets egen sammanställning" in title and "kontrolleras mot stadens stadsdelslager" in title
    unsure = con.execute("select count(*) from stadsdelar where sakerhet = 'osäker' and anmarkning is not null")
    assert unsure.fetchone()[0] > 0


def test_a_delomrade_without_stadsdel_stops_the_build(seed_copy):
    path = seed_copy / "stadsdelar.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("48208,")), encoding="utf-8")
    with pytest.raises(store.SeedError, match=r"ska ha exakt en rad i stadsdelar\.csv, har 0"):
        store.build(store.connect(None), seed_copy)


def test_a_stadsdel_in_the_wrong_stadsomrade_stops_the_build(seed_copy):
    path = seed_copy / "stadsdelar.csv"
    text = path.read_text(encoding="utf-8").replace("48208,Rosengård,Öster", "48208,Rosengård,Väster")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(store.SeedError, match=r"stadsdelar\.csv, rad .*okänd stadsdel eller fel stadsområde"):
        store.build(store.connect(None), seed_copy)


# --- matching ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Rosengård", "rosengard", "ROSENGÅRD"])
def test_rosengard_is_the_stadsdel_in_area_10(index, typed):
    first = area_names.find(index, typed)[0]
    assert (first.namn, first.kind) == ("Rosengård", "stadsdel")
    assert first.areas(index.order) == ("10",)
    assert {d.namn for d in first.delomraden} == ROSENGARD_DELOMRADEN
    assert area_names.area_codes(index, typed) == ("10",)
    text = plain(area_names.explain(index, first, "sv"))
    assert text.startswith(
        "Rosengård (stadsdel till 2013) ligger i Örtagården, Herrgården m fl och täcker 10 av dess 10 delområden: "
    )
    assert "Herrgården" in text and "Västra Kattarp" in text


def test_rosengard_also_offers_the_police_area_and_the_delomrade(index):
    found = [(n.namn, n.kind) for n in area_names.find(index, "Rosengård")]
    assert ("Rosengård (söder om Amiralsgatan)", "polisomrade") in found
    assert ("Rosengård centrum", "delomrade") in found
    police = next(n for n in area_names.find(index, "rosengard soder om amiralsgatan") if n.kind == "polisomrade")
    assert {d.namn for d in police.delomraden} == {"Herrgården", "Törnrosen", "Örtagården"}
    assert "särskilt utsatt" in area_names.explain(index, police, "sv")


def test_seved_is_in_sodra_sofielund_of_area_9(index):
    (seved,) = area_names.find(index, "seved")
    assert seved.kind == "polisomrade" and seved.kategori == "utsatt"
    assert [d.namn for d in seved.delomraden] == ["Södra Sofielund"]
    assert area_names.area_codes(index, "SEVED") == ("9",)
    text = plain(area_names.explain(index, seved, "sv"))
    assert "Seved (polisens lista 2025: utsatt område) ligger i Möllevången, Rådmansvången m fl" in text
    assert "Seved är en del av delområdet Södra Sofielund" in text  # the store's own words on the approximation


def test_holma_is_the_delomrade_and_holma_kroksback_the_police_area(index):
    holma = area_names.find(index, "HOLMA")
    assert [(n.namn, n.kind) for n in holma] == [("Holma", "delomrade"), ("Holma/Kroksbäck", "polisomrade")]
    assert plain(area_names.explain(index, holma[0], "sv")) == (
        "Holma (delområde) ligger i Hyllievång, Kroksbäck m fl (i stadsdelen Hyllie till 2013)."
    )
    for typed in ("Holma/Kroksbäck", "holma kroksback", "Holma-Kroksbäck"):
        (police,) = area_names.exact(index, typed)
        assert {d.namn for d in police.delomraden} == {"Holma", "Kroksbäck"}
        assert area_names.area_codes(index, typed) == ("14",)


def test_fosie_spans_three_areas_and_lists_each(index):
    fosie = area_names.exact(index, "fosie")[0]
    assert fosie.kind == "stadsdel"
    assert area_names.area_codes(index, "Fosie") == ("11", "12", "13")
    text = plain(area_names.explain(index, fosie, "sv"))
    assert text.startswith("Fosie (stadsdel till 2013) spänner över 3 områden: ")
    assert "Nydala, Almhög m fl (9 av 9 delområden: " in text
    assert "Lindängen, Almvik m fl (6 av 7 delområden: " in text
    assert "Lindeborg, Borgmästaregården m fl (2 av 8 delområden: Västra Söderkulla, Östra Söderkulla)" in text
    assert area_names.single_area(index, "Fosie") is None


def test_a_delomrade_name_and_a_stadsomrade(index):
    assert area_names.area_codes(index, "herrgarden") == ("10",)
    assert area_names.single_area(index, "Herrgården") == "10"
    assert area_names.area_codes(index, "Öster") == ("3", "10")
    assert area_names.area_codes(index, "nowhere") == () and area_names.find(index, "nowhere") == []
    # The prefix "Rosen" leads first to Rosengård, not to Lindeborg as Streamlit's fuzzy filter did.
    first = area_names.find(index, "Rosen")[0]
    assert first.namn == "Rosengård" and "Lindeborg" not in {n.namn for n in area_names.find(index, "Rosen")}


def test_profile_lists_delomraden_stadsdelar_and_police_areas(index):
    lines = [plain(x) for x in area_names.profile_lines(index, "10", "sv")]
    assert lines[0].startswith("Delområden (10): Emilstorp, Östra kyrkogården")
    assert lines[1] == "Stadsdel till 2013: Rosengård (hela stadsdelen, stadsområde Öster)"
    assert lines[2] == (
        "Polisens lista 2025: Rosengård (söder om Amiralsgatan), särskilt utsatt (Törnrosen, Örtagården, Herrgården)"
    )
    area13 = [plain(x) for x in area_names.profile_lines(index, "13", "sv")]
    assert area13[1] == (
        "Stadsdel till 2013: Hyllie (5 av dess 14 delområden, stadsområde Väster), "
        "Fosie (2 av dess 17 delområden, stadsområde Söder), "
        "Södra Innerstaden (1 av dess 10 delområden, stadsområde Innerstaden)"
    )
    assert area13[2] == "Polisens lista 2025: inget utsatt område här."
    nydala = [plain(x) for x in area_names.profile_lines(index, "11", "en")]
    assert nydala[2] == "Police list 2025: Nydala-Hermodsdal-Lindängen, especially vulnerable (Hermodsdal, Nydala)"


# --- the pages ---------------------------------------------------------------------------------------


def run_page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(plain(m.value) for m in at.markdown)


def test_omrade_search_rosengard_shows_the_mapping_and_the_area(db_file):
    at = run_page("pages/omrade.py")
    assert at.selectbox(key="omrade").value == "1"
    at.text_input(key="omrade_sok").input("rosengard").run()
    assert not at.exception
    assert at.selectbox(key="omrade").value == "10"  # one area: shown at once
    assert plain(at.header[0].value) == "Örtagården, Herrgården m fl"
    body = markdown(at)
    assert "Rosengård (stadsdel till 2013) ligger i Örtagården, Herrgården m fl och täcker 10 av dess 10" in body
    assert "Stadsdel till 2013: Rosengård (hela stadsdelen, stadsområde Öster)" in body
    assert "Polisens lista 2025: Rosengård (söder om Amiralsgatan), särskilt utsatt" in body
    assert at.query_params["omrade"] == "10"


def test_omrade_search_fosie_offers_a_choice_of_areas(db_file):
    at = run_page("pages/omrade.py")
    at.text_input(key="omrade_sok").input("Fosie").run()
    assert at.selectbox(key="omrade").value == "1"  # spans three areas: the reader chooses
    assert "Fosie (stadsdel till 2013) spänner över 3 områden" in markdown(at)
    labels = [plain(b.label) for b in at.button if b.key and b.key.startswith("omrade_sok_0_")]
    assert labels == [
        "Visa Nydala, Almhög m fl",
        "Visa Lindängen, Almvik m fl",
        "Visa Lindeborg, Borgmästaregården m fl",
    ]
    at.button(key="omrade_sok_0_12").click().run()
    assert at.selectbox(key="omrade").value == "12"
    assert plain(at.header[0].value) == "Lindängen, Almvik m fl"
    assert at.query_params["omrade"] == "12"


def test_omrade_link_by_name_opens_the_area(db_file):
    at = run_page("pages/omrade.py", omrade="Seved")
    assert at.selectbox(key="omrade").value == "9"
    assert "Polisens lista 2025: Seved, utsatt (Södra Sofielund)" in markdown(at)


def test_omrade_search_unknown_name_says_what_to_try(db_file):
    at = run_page("pages/omrade.py")
    at.text_input(key="omrade_sok").input("Atlantis").run()
    assert "Inget område heter så" in at.info[0].value


def test_insatser_search_rosengard_finds_the_insatser_in_area_10(db_file, con):
    expected = {
        r[0]
        for r in con.execute(
            "select insats_id from insatser i where exists (select 1 from insats_omraden o "
            "where o.insats_id = i.insats_id and o.omrade_kod = '10') or i.namn ilike '%rosengård%' "
            "or i.beskrivning ilike '%rosengård%'"
        ).fetchall()
    }
    in_area = con.execute("select count(distinct insats_id) from insats_omraden where omrade_kod = '10'").fetchone()
    assert len(expected) == in_area[0] > 0  # no insats names Rosengård in its text: all come by the area
    at = run_page("pages/insatser.py", sok="Rosengård")
    shown = at.dataframe[0].value
    assert set(shown[shown.columns[0]]) == expected
    assert "Söktexten är ett områdesnamn: även insatserna i Örtagården, Herrgården m fl visas." in [
        plain(c.value) for c in at.caption
    ]
    assert set(run_page("pages/insatser.py", sok="rosengard").dataframe[0].value[shown.columns[0]]) == expected


def test_register_query_by_area_names(con, index):
    def ids(codes: tuple[str, ...], text: str) -> set[str]:
        r = data.RegisterFilter(sok=text, sok_omraden=codes)
        return set(data.insatser_register(r=r, con=con)["insats_id"])

    fosie = ids(area_names.area_codes(index, "Fosie"), "Fosie")
    areas = pd.DataFrame(con.execute("select insats_id, omrade_kod from insats_omraden").fetchall())
    assert fosie == set(areas[areas[1].isin(["11", "12", "13"])][0])
    assert ids((), "Fosie") == set()  # without the area names no text matches


# --- the map names its areas ---------------------------------------------------------------------------


def test_real_map_labels_each_area_on_itself_with_a_halo(con):
    from datetime import date

    import shapely.geometry

    from lokalutveckling import geo, maps
    from lokalutveckling.paths import SHARED_DIR

    boundaries = geo.load_boundaries(
        data.omraden_membership(con=con), configured=SHARED_DIR / "geo" / geo.DELOMRADEN_FILE
    )
    m = maps.presence_map(boundaries.geojson, data.presence(date(2025, 6, 30), con=con))
    html = m.get_root().render()
    assert html.count("omrade-etikett") == 14
    assert "text-shadow: 0 0 2px #fff" in html and "font: 600 14px" in html
    assert "Lind\\u00e4ngen\\u003c/div" in html and "\\u00d6rtag\\u00e5rden\\u003c/div" in html
    for feature in boundaries.geojson["features"]:
        lat, lon = maps.label_point(feature["geometry"])
        assert shapely.geometry.shape(feature["geometry"]).contains(shapely.geometry.Point(lon, lat))


def test_omrade_search_in_english(db_file):
    at = run_page("pages/omrade.py", lang="EN")
    at.text_input(key="omrade_sok").input("HOLMA").run()
    assert at.selectbox(key="omrade").value == "14"
    body = markdown(at)
    assert "Holma (delområde) lies in Hyllievång, Kroksbäck m fl (in the district Hyllie until 2013)." in body
    assert "Holma/Kroksbäck (police list 2025: vulnerable area) lies in Hyllievång, Kroksbäck m fl" in body
    assert "City district until 2013: Hyllie (4 of its 14 delområden, city area Väster)" in body
