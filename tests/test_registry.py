from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from minutes_nlp.registry import OrganisationRegistry, default_registry
from minutes_nlp.resources import load_json

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reg() -> OrganisationRegistry:
    return default_registry()


def names(reg: OrganisationRegistry, text: str, **kw) -> list[str]:
    return [m.name for _, _, m in reg.find_in_text(text, **kw)]


# --- the data -------------------------------------------------------------------------------------------


def test_data_covers_every_region_county_board_and_municipality() -> None:
    data = load_json("organisations.json")
    by_kind: dict[str, list[dict]] = {}
    for e in data:
        by_kind.setdefault(e["kind"], []).append(e)
    regions = [e for e in by_kind["region"] if e.get("county") and not e.get("succeeded_by")]
    assert len(regions) == 21
    # the county councils that became regions, each with the day its name ended
    former = [e for e in by_kind["region"] if e.get("succeeded_by")]
    assert len(former) == 18 and {e["succeeded_by"] for e in former} <= {e["name"] for e in regions}
    assert len([e for e in data if e["name"].startswith("Länsstyrelsen ")]) == 21
    # Region Gotland is also Gotland's municipality
    assert len(by_kind["municipality"]) + 1 == 290
    assert len(by_kind["agency"]) >= 80


def test_data_is_consistent(reg: OrganisationRegistry) -> None:
    data = load_json("organisations.json")
    assert len({e["name"] for e in data}) == len(data)
    for e in data:
        if e.get("parent"):
            assert e["parent"] in reg, (e["name"], e["parent"])
    # no written form may name two bodies (that would make the lookup depend on file order)
    owners: dict[str, str] = {}
    for e in data:
        for form in [e["name"], *e.get("aliases", [])]:
            key = re.sub(r"[\s\-/.,]+", " ", form).casefold() if " " in form else form
            assert owners.setdefault(key, e["name"]) == e["name"], (form, owners[key], e["name"])


# --- resolve ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Af", "Arbetsförmedlingen"),
        ("AF", "Arbetsförmedlingen"),
        ("arbetsförmedlingen", "Arbetsförmedlingen"),
        ("RJH", "Region Jämtland Härjedalen"),
        ("region Jämtland Härjedalen", "Region Jämtland Härjedalen"),
        ("Region Jämtland/Härjedalen", "Region Jämtland Härjedalen"),
        ("MIUN", "Mittuniversitetet"),
        ("JHT", "Jämtland Härjedalen Turism"),
        ("HK", "Mittsvenska Handelskammaren"),
        ("Handelskammaren Mittsverige", "Mittsvenska Handelskammaren"),
        ("SKL", "Sveriges Kommuner och Regioner"),
        ("LM", "Lantmäteriet"),
        ("RAÄ", "Riksantikvarieämbetet"),
        ("Digg", "Myndigheten för digital förvaltning"),
        ("ESF-rådet", "Svenska ESF-rådet"),
        ("Länsstyrelsen i Jämtlands län", "Länsstyrelsen Jämtlands län"),
        ("Länsstyrelsen Skåne", "Länsstyrelsen Skåne län"),
        ("Göteborgs kommun", "Göteborgs Stad"),
        ("Falu kommun", "Falu kommun"),
        ("VGR", "Västra Götalandsregionen"),
        ("LRF Jämtland", "LRF Jämtland"),
        ("Svenskt näringsliv", "Svenskt Näringsliv"),
        ("Polisen", "Polismyndigheten"),
        ("Sida", "Styrelsen för internationellt utvecklingssamarbete"),
    ],
)
def test_resolve_names_and_aliases(reg: OrganisationRegistry, written: str, canonical: str) -> None:
    m = reg.resolve(written)
    assert m is not None, written
    assert m.name == canonical
    assert m.as_written == written
    assert m.score >= 98


def test_abbreviations_keep_their_case(reg: OrganisationRegistry) -> None:
    # "af", "hk" and "lm" are not organisations; neither is a lower-case "sis"
    for word in ("af", "hk", "lm", "sis", "Hk"):
        assert reg.resolve(word) is None, word
    # SIS (standards) and SiS (youth care) differ only in case
    assert reg.resolve("SIS").name == "Svenska institutet för standarder"
    assert reg.resolve("SiS").name == "Statens institutionsstyrelse"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Länsstyrelsens", "Länsstyrelsen"),
        ("Trafikverkets", "Trafikverket"),
        ("MIUNs", "Mittuniversitetet"),
        ("LRF:s", "Lantbrukarnas Riksförbund"),
        ("Östersunds kommuns", "Östersunds kommun"),
        ("Region Jämtland Härjedalens", "Region Jämtland Härjedalen"),
    ],
)
def test_genitive(reg: OrganisationRegistry, written: str, canonical: str) -> None:
    m = reg.resolve(written)
    assert m is not None and m.name == canonical
    assert 90 <= m.score < 100


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mittuniversitet", "Mittuniversitetet"),
        ("Östersund kommun", "Östersunds kommun"),
        ("Trafikverke", "Trafikverket"),
        ("Lantbrukarnas riksförbud", "Lantbrukarnas Riksförbund"),
        ("Tilväxtverket", "Tillväxtverket"),
        ("Mitt universitetet", "Mittuniversitetet"),
        ("Riksantikvarieämbete", "Riksantikvarieämbetet"),
    ],
)
def test_fuzzy_spelling_variants(reg: OrganisationRegistry, written: str, canonical: str) -> None:
    m = reg.resolve(written)
    assert m is not None and m.name == canonical
    assert 90 <= m.score < 98


def test_fuzzy_does_not_swap_similar_bodies(reg: OrganisationRegistry) -> None:
    assert reg.resolve("Åre kommun").name == "Åre kommun"
    assert reg.resolve("Ale kommun").name == "Ale kommun"
    # one letter from two different municipalities: must not pick either
    assert reg.resolve("Ære kommun") is None
    assert reg.resolve("Åle kommun") is None
    assert reg.resolve("Mitt kommun") is None


@pytest.mark.parametrize(
    "text", ["MetaSolutions", "Hagström Consulting (på uppdrag av DIGG)", "styrgruppen", "mark", "och", ""]
)
def test_unknown_is_none(reg: OrganisationRegistry, text: str) -> None:
    assert reg.resolve(text) is None


def test_parenthesis_and_parts(reg: OrganisationRegistry) -> None:
    assert reg.resolve("DIFI (Norge)").name == "Digitaliseringsdirektoratet"
    m = reg.resolve("Sametinget/ näringsliv")
    assert m.name == "Sametinget" and m.as_written == "Sametinget" and m.score < 100


def test_county_aliases(reg: OrganisationRegistry) -> None:
    # a bare "Länsstyrelsen" stays bare until the document says which county
    assert reg.resolve("Länsstyrelsen").name == "Länsstyrelsen"
    assert reg.resolve("Länsstyrelsen", county="Jämtlands län").name == "Länsstyrelsen Jämtlands län"
    assert reg.resolve("länsstyrelsen", county="Jämtland").name == "Länsstyrelsen Jämtlands län"
    assert reg.resolve("Länsstyrelsens", county="Norrbotten").name == "Länsstyrelsen Norrbottens län"
    assert reg.resolve("Regionen") is None
    assert reg.resolve("Regionen", county="Region Jämtland Härjedalen").name == "Region Jämtland Härjedalen"
    assert reg.resolve("Kommunförbundet", county="Jämtlands län").name == "Kommunförbundet Jämtlands län"
    assert reg.resolve("Kommunförbundet", county="Skåne") is None
    assert reg.resolve("Almi").name == "Almi Företagspartner"
    assert reg.resolve("Almi", county="Jämtlands län").name == "Almi Mitt"
    assert reg.resolve("Almi", county="Skåne län").name == "Almi Företagspartner"
    assert reg.resolve("IUC").name == "Industriellt utvecklingscentrum"
    assert reg.resolve("IUC", county="Jämtlands län").name == "IUC Z-GROUP"
    assert reg.resolve("Nyföretagarcentrum", county="Jämtland").name == "Nyföretagarcentrum Jämtland"
    with pytest.raises(ValueError, match="unknown county"):
        reg.resolve("Länsstyrelsen", county="Atlantis")


def test_default_county_hook(reg: OrganisationRegistry) -> None:
    jamtland = reg.with_county("Jämtland")
    assert jamtland.county == "Jämtlands län"
    assert jamtland.resolve("Länsstyrelsen").name == "Länsstyrelsen Jämtlands län"
    assert jamtland.resolve("Länsstyrelsen", county="Dalarna").name == "Länsstyrelsen Dalarnas län"
    assert reg.county is None and reg.resolve("Länsstyrelsen").name == "Länsstyrelsen"
    loaded = OrganisationRegistry.load(county="Västerbottens län")
    assert loaded.resolve("Regionen").name == "Region Västerbotten"


# --- running text ---------------------------------------------------------------------------------------------


def test_find_in_text_spans_and_longest_match(reg: OrganisationRegistry) -> None:
    text = "Möte med LRF Jämtland och Region Jämtland\nHärjedalen om Trafikverkets planer, se LRF:s brev."
    found = reg.find_in_text(text)
    assert [(text[s:e], m.name) for s, e, m in found] == [
        ("LRF Jämtland", "LRF Jämtland"),
        ("Region Jämtland\nHärjedalen", "Region Jämtland Härjedalen"),
        ("Trafikverkets", "Trafikverket"),
        ("LRF:s", "Lantbrukarnas Riksförbund"),
    ]
    for s, e, m in found:
        assert m.as_written == text[s:e]


def test_find_in_text_negatives(reg: OrganisationRegistry) -> None:
    prose = (
        "Det här af-ärendet och hk-frågan tas upp; formas av gruppen. Företagarna i byn kom, "
        "företagarna fick svar, som svenskt näringsliv i stort. Sida 3 visar kartan, se scb.se och "
        "kontakt@skr.se. Filen var 300 KB. EU-projektet fortsätter. LRF-ungdomen arrangerade."
    )
    got = names(reg, prose)
    # "Företagarna" with a capital is the organisation; every other word above is prose
    assert got == ["Företagarna"]


def test_find_in_text_county_aliases(reg: OrganisationRegistry) -> None:
    text = "Regionen och Länsstyrelsen har träffat länsstyrelsen i Dalarna."
    assert names(reg, text) == ["Länsstyrelsen", "Länsstyrelsen Dalarnas län"]
    assert names(reg, text, county="Jämtlands län") == [
        "Region Jämtland Härjedalen",
        "Länsstyrelsen Jämtlands län",
        "Länsstyrelsen Dalarnas län",  # a county named in the text beats the document's
    ]


def test_user_extension_file(tmp_path: Path) -> None:
    extra = tmp_path / "orgs.json"
    extra.write_text(
        json.dumps(
            [
                {"name": "MetaSolutions AB", "aliases": ["MetaSolutions"], "kind": "company"},
                {"name": "Trafikverket", "aliases": ["Vägverket"], "kind": "agency"},
            ]
        ),
        encoding="utf-8",
    )
    reg = OrganisationRegistry.load(extra)
    assert reg.resolve("MetaSolutions").name == "MetaSolutions AB"
    assert reg.resolve("Vägverket").name == "Trafikverket"
    assert reg.resolve("TRV").name == "Trafikverket"  # the shipped aliases stay
    assert names(reg, "MetaSolutions och Vägverket") == ["MetaSolutions AB", "Trafikverket"]
    assert default_registry().resolve("MetaSolutions") is None  # the shared registry is untouched


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"name": "x"}', "list"),
        ('[{"aliases": []}]', "name"),
        ('[{"name": "X", "kind": "club"}]', "kind"),
        ('[{"name": "X", "aliases": "Y"}]', "aliases"),
        ("[{", "cannot read"),
        ('[{"name": "X", "until": "2018-12-31"}]', "go together"),
        ('[{"name": "X", "until": "31 dec", "succeeded_by": "Trafikverket"}]', "ISO date"),
        ('[{"name": "X", "until": "2018-12-31", "succeeded_by": "Y"}]', "no organisation"),
    ],
)
def test_user_extension_file_errors(tmp_path: Path, content: str, message: str) -> None:
    extra = tmp_path / "bad.json"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        OrganisationRegistry.load(extra)


def test_a_name_that_ended_is_its_successors_after_the_day(reg: OrganisationRegistry) -> None:
    # the landsting is a body of its own while it bore the name, and the region's old name after
    assert reg.resolve("Västerbottens läns landsting").name == "Västerbottens läns landsting"
    assert (
        reg.name_on("Västerbottens läns landsting", dt.date(2018, 11, 27)) == "Västerbottens läns landsting"
    )
    assert reg.name_on("Västerbottens läns landsting", dt.date(2019, 1, 1)) == "Region Västerbotten"
    assert reg.name_on("Mälardalens högskola", None) == "Mälardalens universitet"
    assert reg.name_on("Trafikverket", dt.date(2000, 1, 1)) == "Trafikverket"
    assert reg.resolve("landstinget", county="Västerbottens län").name == "Västerbottens läns landsting"


def test_the_minutes_name_bodies_as_they_were_on_the_day() -> None:
    from minutes_nlp.records import Attendance, Document, Meeting, Organisation, Person
    from minutes_nlp.renamed import names_of_the_day
    from minutes_nlp.textlayer import TextLayer

    def doc_of(day: dt.date) -> Document:
        return Document(
            source="<text>",
            meeting=Meeting(date=day),
            attendance=[Attendance(name="Eva Ek", organisation="Västerbottens läns landsting")],
            people=[
                Person(name="Eva Ek", organisations=["Västerbottens läns landsting", "Region Västerbotten"])
            ],
            organisations=[
                Organisation(name="Region Västerbotten", aliases=["Regionen"]),
                Organisation(name="Västerbottens läns landsting", aliases=["landstinget"]),
            ],
        )

    layer = TextLayer.from_text("")
    then = names_of_the_day(layer, doc_of(dt.date(2018, 11, 27)))
    assert then.attendance[0].organisation == "Västerbottens läns landsting"
    assert len(then.organisations) == 2
    later = names_of_the_day(layer, doc_of(dt.date(2024, 5, 2)))
    assert later.attendance[0].organisation == "Region Västerbotten"
    assert later.people[0].organisations == ["Region Västerbotten"]
    assert [(o.name, o.aliases) for o in later.organisations] == [
        ("Region Västerbotten", ["Regionen", "Västerbottens läns landsting", "landstinget"])
    ]


# --- real documents -----------------------------------------------------------------------------------------

KNOWN = {
    "DIGG": "Myndigheten för digital förvaltning",
    "SCB": "Statistiska centralbyrån",
    "Lantmäteriet": "Lantmäteriet",
    "Bolagsverket": "Bolagsverket",
    "Naturvårdsverket": "Naturvårdsverket",
    "Riksantikvarieämbetet": "Riksantikvarieämbetet",
    "SIS": "Svenska institutet för standarder",
    "SKL": "Sveriges Kommuner och Regioner",
    "SKR": "Sveriges Kommuner och Regioner",
    "Trafikverket": "Trafikverket",
    "Region Västerbotten": "Region Västerbotten",
    "DIFI (Norge)": "Digitaliseringsdirektoratet",
}


def test_dcat_ap_se_participants(shared_dir: Path, reg: OrganisationRegistry) -> None:
    files = sorted((shared_dir / "real" / "dcat-ap-se").glob("meeting-20*.md"))
    if not files:
        pytest.skip("no DCAT-AP-SE meeting notes under ../shared/real/dcat-ap-se")
    cells: set[str] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) >= 2 and parts[1] and not parts[1].startswith(":") and parts[1] != "Organisation":
                cells.add(parts[1])
    known = {c for c in cells if c in KNOWN}
    assert len(known) >= 10, cells
    for cell in known:
        m = reg.resolve(cell)
        assert m is not None and m.name == KNOWN[cell], (cell, m)
    # the consultancies are not in the registry and must not be forced onto an agency
    for cell in cells - known:
        m = reg.resolve(cell)
        assert m is None or m.name in KNOWN.values(), (cell, m)
        assert m is None or "uppdrag" not in cell


def test_organisations_md_names_resolve(reg: OrganisationRegistry) -> None:
    path = ROOT / "corpus" / "ORGANISATIONS.md"
    if not path.is_file():
        pytest.skip("corpus/ORGANISATIONS.md has not been written yet")
    # a table "| Canonical name | Aliases … |": the first cell of every body row
    rows = re.findall(r"^\|\s*([^|]+?)\s*\|", path.read_text("utf-8"), re.M)
    listed = [r for r in rows if r != "Canonical name" and not set(r) <= set("-: ")]
    assert listed
    missing = [n for n in listed if reg.resolve(n) is None or reg.resolve(n).name != n.strip()]
    assert not missing, missing
