"""The heading and attendance grammar on lines written for these tests (fictional people, real bodies)."""

from __future__ import annotations

import pytest

from minutes_nlp.attendance import _organisation_groups as organisation_groups
from minutes_nlp.attendance import parse_entry
from minutes_nlp.registry import default_registry
from minutes_nlp.sections import parse_org_heading

FORMS = [
    ("MIUN, Ludde Edgren", "Mittuniversitetet", "MIUN", ("Ludde Edgren",)),
    ("Trafikverket – Anna Berg", "Trafikverket", "Trafikverket", ("Anna Berg",)),
    ("Patrik Olsson – Borgholms kommun", "Borgholms kommun", "Borgholms kommun", ("Patrik Olsson",)),
    (
        "Arbetsförmedlingen (Cecilia Lund, sektionschef)",
        "Arbetsförmedlingen",
        "Arbetsförmedlingen",
        ("Cecilia Lund",),
    ),
    ("TORSBY KOMMUN (Anna Berg)", "Torsby kommun", "TORSBY KOMMUN", ("Anna Berg",)),
    ("Almi Jönköping, Gunnar Hjort", "Almi Jönköping", "Almi Jönköping", ("Gunnar Hjort",)),
    # a body the registry does not know, named after its town: not a person's name
    ("3.3 Piteå Science Park – Tobias Ek", None, "Piteå Science Park", ("Tobias Ek",)),
    ("Fatma Aydın, Borås Stad", "Borås Stad", "Borås Stad", ("Fatma Aydın",)),
    (
        "Tomas Klintberg från Länsstyrelsen Gotlands län",
        "Länsstyrelsen Gotlands län",
        "Länsstyrelsen Gotlands län",
        ("Tomas Klintberg",),
    ),
    ("Science Park Gotland (föredragande: Sandra Ihre)", None, "Science Park Gotland", ("Sandra Ihre",)),
    ("Mikael Rosvall, regionchef vid Trafikverket", "Trafikverket", "Trafikverket", ("Mikael Rosvall",)),
    ("Region Gotland, företrädd av Linda Smedberg", "Region Gotland", "Region Gotland", ("Linda Smedberg",)),
    ("3.7 Kirunabostäder – vd Tobias Wennberg", None, "Kirunabostäder", ("Tobias Wennberg",)),
    ("Nytt från Saab Kockums – Henrik Alm", None, "Saab Kockums", ("Henrik Alm",)),
    ("Tobias Dahlgren, Destination Gotland", None, "Destination Gotland", ("Tobias Dahlgren",)),
    ("Saab Dynamics – HR-chef Susanne Rydh", None, "Saab Dynamics", ("Susanne Rydh",)),
    ("Gislaved Energi – Tobias Grahn, vd", None, "Gislaved Energi", ("Tobias Grahn",)),
    ("§ 117 Information från Trafikverket – Ewa Granberg", "Trafikverket", "Trafikverket", ("Ewa Granberg",)),
]


@pytest.mark.parametrize(("heading", "org", "written", "people"), FORMS)
def test_organisation_heading_forms(heading: str, org: str, written: str, people: tuple[str, ...]) -> None:
    got = parse_org_heading(heading)
    assert got is not None
    assert (got.organisation, got.as_written, got.people) == (org, written, people)


def test_names_in_capitals_read_as_names() -> None:
    got = parse_org_heading("ELIN BÄCKSTRÖM (ABB)")
    assert got is not None and got.people == ("Elin Bäckström",)


@pytest.mark.parametrize("heading", ["Samverkan Polisen – Umeå kommun", "Kontaktperson: Anna Berg"])
def test_not_organisation_headings(heading: str) -> None:
    assert parse_org_heading(heading) is None


def test_inline_groups_per_organisation() -> None:
    line = "Från Polisen: Henrik Wall, Sanna Ek. Från Umeå kommun: Lars Nygård, Fatima Rahimi."
    groups = organisation_groups(line, None)
    assert [org for org, _ in groups] == ["Polismyndigheten", "Umeå kommun"]
    people = [
        (a.name, a.organisation)
        for org, part in groups
        for a in parse_entry(part, "present", default_org=org)
    ]
    assert people == [
        ("Henrik Wall", "Polismyndigheten"),
        ("Sanna Ek", "Polismyndigheten"),
        ("Lars Nygård", "Umeå kommun"),
        ("Fatima Rahimi", "Umeå kommun"),
    ]


def test_a_branch_named_once_is_what_the_bare_name_means() -> None:
    text = "Dialogmöte mellan Skatteverket och Företagarna Västra Götaland. Företagarna tog upp elpriset."
    assert default_registry().local_branches(text) == {"Företagarna": "Företagarna Västra Götaland"}
    assert (
        default_registry().resolve("Polisen Umeå").name == "Polismyndigheten"
    )  # an agency's office is the agency


SOURCE = """---
id: headings_check
producer: fpdf2
bullet: bullet
header: ""
footer: "{n}"
font: dejavu-serif
---
# Anteckningar samverkansmöte 2025-03-10
Närvarande: Från Polisen: Henrik Wall, Sanna Ek. Från Umeå kommun: Lars Nygård, Fatima Rahimi.
## Polisen informerar
- Henrik Wall: Anmälda inbrott minskade under 2024.
- Sanna Ek: En trafikkampanj genomförs vecka 12.
## 3. Information från Inera
Johanna Tell och Rasmus Ek berättade att tjänsten byggs ut under våren.
## Arbetsförmedlingen (Cecilia Lund, sektionschef)
Fler unga har fått arbete.
"""


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    from conftest import render_source

    from minutes_nlp.pipeline import extract

    return extract(render_source(tmp_path_factory.mktemp("headings"), "headings_check", SOURCE))


def test_reporters_and_speakers_of_an_organisation_section(extracted) -> None:
    got = {s.title: (s.organisation, tuple(s.people)) for s in extracted.sections if s.kind == "organisation"}
    assert got == {
        "Polisen informerar": ("Polismyndigheten", ("Henrik Wall", "Sanna Ek")),
        "3. Information från Inera": ("Inera", ("Johanna Tell", "Rasmus Ek")),
        "Arbetsförmedlingen (Cecilia Lund, sektionschef)": ("Arbetsförmedlingen", ("Cecilia Lund",)),
    }


def test_inline_groups_reach_the_attendance(extracted) -> None:
    present = {(a.name, a.organisation) for a in extracted.attendance if a.status == "present"}
    assert {("Henrik Wall", "Polismyndigheten"), ("Fatima Rahimi", "Umeå kommun")} <= present


def test_an_attendance_list_ends_where_the_numbered_agenda_begins() -> None:
    from minutes_nlp.attendance import attendance_lists

    text = (
        "Frånvarande:\n- Rune Alvin (ledamot)\n- Eva Ek (suppleant)\n1. Mötets öppnande\nOrdföranden öppnade."
    )
    (found,) = attendance_lists(text)
    assert found.status == "absent" and found.entries == ("- Rune Alvin (ledamot)", "- Eva Ek (suppleant)")


def test_attendance_labels_that_name_the_organisation_and_semicolon_entries() -> None:
    got = organisation_groups("Från Länsstyrelsen Gotlands län: Tomas Klintberg", None)
    assert got == [("Länsstyrelsen Gotlands län", "Tomas Klintberg")]
    # a semicolon closes one person's entry: the organisation of the last says nothing of the first
    got = parse_entry(
        "Susanna Forsberg, verksamhetsledare; Cecilia Ahl, Länsstyrelsen Stockholm, punkt 5", "present"
    )
    assert [(a.name, a.organisation, a.role) for a in got] == [
        ("Susanna Forsberg", None, "verksamhetsledare"),
        ("Cecilia Ahl", "Länsstyrelsen Stockholms län", None),
    ]
    got = parse_entry("- Karin Malm (S) för Omar Hassan (S)", "substitute")
    assert [(a.name, a.status, a.substitute_for) for a in got] == [
        ("Karin Malm", "substitute", "Omar Hassan"),
        ("Omar Hassan", "absent", None),
    ]


def test_labels_of_attendance_lists() -> None:
    from minutes_nlp.attendance import attendance_lists

    text = (
        "Närvarande från Länsstyrelsen Gotlands län: Tomas Klintberg\n"
        "Ej tjänstgörande ersättare\n- Fredrik Lind (S)\n\n"
        "Dessutom närvarande: Eva Ek, verksamhetsledare"
    )
    got = [(a.status, a.role, a.entries) for a in attendance_lists(text)]
    assert got == [
        ("present", None, ("Från Länsstyrelsen Gotlands län: Tomas Klintberg",)),
        ("present", None, ("- Fredrik Lind (S)",)),
        ("present", None, ("Eva Ek, verksamhetsledare",)),
    ]


def _attendance_of(text: str, host: str | None = None) -> list[tuple]:
    from minutes_nlp.attendance import find_attendance
    from minutes_nlp.records import Document, Meeting
    from minutes_nlp.textlayer import TextLayer

    doc = find_attendance(TextLayer.from_text(text), Document(source="<text>", meeting=Meeting(host=host)))
    return [(a.name, a.organisation, a.status, a.substitute_for) for a in doc.attendance]


def test_organisation_lines_over_their_people() -> None:
    text = (
        "Deltagare\nVästerås stad\n- Linda Åström, säkerhetssamordnare\nPolisen\n- Johan Mattsson, kommunpolis\n"
        "Västerås Stadsmission\n- Elin Sjögren, enhetschef\n- Ali Rezaei, trygghetsvärd (ers. för Therese Holm)\n"
    )
    got = _attendance_of(text)
    assert ("Johan Mattsson", "Polismyndigheten", "present", None) in got
    assert ("Elin Sjögren", "Västerås Stadsmission", "present", None) in got
    assert ("Ali Rezaei", "Västerås Stadsmission", "substitute", "Therese Holm") in got
    assert not any(name == "Västerås Stadsmission" for name, *_ in got)


def test_attendance_tables_with_mark_columns_and_people_columns() -> None:
    marks = (
        "Närvarolista\nNamn | Uppdrag | Närvarande | Frånvarande\nEva Sandberg | ordförande | x\n"
        "Per Ljungqvist | ledamot |  | x\n"
    )
    assert _attendance_of(marks, host="AB Gavlegårdarna") == [
        ("Eva Sandberg", "AB Gavlegårdarna", "present", None),
        ("Per Ljungqvist", "AB Gavlegårdarna", "absent", None),
    ]
    columns = (
        "Närvarande\nOrdinarie ledamöter | Ersättare\nHelena Strömberg (S), ordförande | Mikael Bergsten (S)\n"
        "Ahmed Sharif (S) | Maja Sandell (M), ers. för Anders Wiberg (M)*\n"
    )
    got = _attendance_of(columns)
    assert [(n, s, f) for n, _, s, f in got] == [
        ("Helena Strömberg", "present", None),
        ("Mikael Bergsten", "present", None),
        ("Ahmed Sharif", "present", None),
        ("Maja Sandell", "substitute", "Anders Wiberg"),
        ("Anders Wiberg", "absent", None),
    ]


MARKED = """---
id: marked_check
producer: reportlab
bullet: dash
header: ""
footer: "{n}"
font: dejavu-sans
---
# Protokoll fört vid styrelsemöte i AB Gavlegårdarna
Datum: torsdag 23 november 2023
Närvarolista
| Namn | Uppdrag | Närvarande | Frånvarande |
| Eva Sandberg | ordförande | x | |
| Per Ljungqvist | ledamot | | x |
## § 1 Mötets öppnande
Ordföranden öppnade mötet.
"""


def test_an_empty_table_cell_keeps_its_column_in_a_rendered_pdf(tmp_path) -> None:
    from conftest import render_source

    from minutes_nlp.pipeline import extract
    from minutes_nlp.text import build

    pdf = render_source(tmp_path, "marked_check", MARKED)
    assert "Per Ljungqvist | ledamot |  | x" in build(pdf).text
    got = {a.name: a.status for a in extract(pdf).attendance}
    assert got == {"Eva Sandberg": "present", "Per Ljungqvist": "absent"}


def test_people_lists_colon_groups_and_table_columns() -> None:
    # more people follow: a name without a known first name is a person still, not an organisation
    got = parse_entry(
        "Martin Ekeland, Ayla Korkmaz, Per-Olof Hamrin", "present", default_org="Naturskyddsföreningen"
    )
    assert [(a.name, a.organisation) for a in got] == [
        ("Martin Ekeland", "Naturskyddsföreningen"),
        ("Ayla Korkmaz", "Naturskyddsföreningen"),
        ("Per-Olof Hamrin", "Naturskyddsföreningen"),
    ]
    got = parse_entry(
        "Kävlinge kommun: Lars Borg; Saxån-Braåns vattenråd: Gunnel Mårtensdotter (samordnare)", "present"
    )
    assert [(a.name, a.organisation) for a in got] == [
        ("Lars Borg", "Kävlinge kommun"),
        ("Gunnel Mårtensdotter", "Saxån-Braåns vattenråd"),
    ]
    got = parse_entry("- Hans Tengvall (S), tjg. ersättare för Liselotte Hjorth (S)", "present")
    assert (got[0].status, got[0].substitute_for) == ("substitute", "Liselotte Hjorth")
    table = (
        "Deltagare\nOrganisation | Namn | Funktion | Närvaro\n"
        "Region Norrbotten | Lars Öhman | regional utvecklare | Ja (Skype)\n"
        "Saab Dynamics | Susanne Rydh | HR-chef | Nej\n"
    )
    assert _attendance_of(table) == [
        ("Lars Öhman", "Region Norrbotten", "present", None),
        ("Susanne Rydh", "Saab Dynamics", "absent", None),
    ]


def test_a_host_municipalitys_office_reports_for_the_municipality() -> None:
    from minutes_nlp.pipeline import records_of
    from minutes_nlp.textlayer import TextLayer

    text = (
        "Kommunala pensionärsrådet, Kalmar kommun – minnesanteckningar\nDatum: tisdag 10 maj 2022\n"
        "3. Rapporter\n3.1 Omsorgsförvaltningen – Anette Wiberg, omsorgsdirektör\nHemtjänsten växer.\n"
        "3.2 PRO Kalmar – Eva Lund\nVi har 300 medlemmar.\n"
    )
    doc = records_of(TextLayer.from_text(text))
    got = {s.organisation_as_written: s.organisation for s in doc.sections if s.kind == "organisation"}
    assert got == {"Omsorgsförvaltningen": "Kalmar kommun", "PRO Kalmar": None}


def test_bodies_that_read_like_names_and_names_with_a_hyphenated_och() -> None:
    from minutes_nlp.names import looks_like_person

    assert not looks_like_person("Näringslivsrådet Härjedalen") and not looks_like_person(
        "Länsmuseet Gävleborg"
    )
    assert parse_org_heading("Minnesanteckningar – Näringslivsrådet Härjedalen") is None
    got = parse_entry("Oskar Widén, Sydsvenska Industri- och Handelskammaren", "present")
    assert [(a.name, a.organisation) for a in got] == [
        ("Oskar Widén", "Sydsvenska Industri- och Handelskammaren")
    ]


WRAPPED = """---
id: wrapped_check
producer: fpdf2
bullet: dash
header: ""
footer: "{n}"
font: dejavu-sans
size: 14
margin: 90
---
# Minnesanteckningar – Näringslivsrådet Härjedalen
Datum: tisdag 17 september 2019
## 3. Information från parterna
## 3.1 Härjedalens kommun – Ann-Christin Ljungdahl
Kommunen växer.
## 3.2 Länsstyrelsen Jämtlands län, Elsa Hemmingsson som ersättare för Bertil Sandahl
Länsstyrelsen arbetar med en ny plan.
## 3.3 Trelleborgs Hamn – Fredrik Ståhlberg
Hamnen växer.
"""


def test_a_heading_wrapped_onto_two_lines_is_one_heading(tmp_path) -> None:
    from conftest import render_source

    from minutes_nlp.pipeline import extract

    doc = extract(render_source(tmp_path, "wrapped_check", WRAPPED))
    org = {s.title[:8]: (s.organisation or s.organisation_as_written, tuple(s.people)) for s in doc.sections}
    assert org["3.2 Läns"] == ("Länsstyrelsen Jämtlands län", ("Elsa Hemmingsson",))
    assert org["3.3 Trel"] == ("Trelleborgs Hamn", ("Fredrik Ståhlberg",))  # a body of its own, not a unit
    assert not any(s.title.startswith("Minnesanteckningar") for s in doc.sections)


def test_substitutes_in_brackets_and_under_a_suppleant_label() -> None:
    got = parse_entry("Emir Kovačević (Region Uppsala, ersättare för Lena Dahlkvist)", "present")
    assert [(a.name, a.organisation, a.status, a.substitute_for) for a in got] == [
        ("Emir Kovačević", "Region Uppsala", "substitute", "Lena Dahlkvist"),
        ("Lena Dahlkvist", "Region Uppsala", "absent", None),
    ]
    got = _attendance_of("Tjänstgörande suppleant: Peter Dahlin, för Eva Wedin.", host="Sala-Heby Energi AB")
    assert got[0] == ("Peter Dahlin", "Sala-Heby Energi AB", "substitute", "Eva Wedin")


def test_a_regional_administration_reports_for_its_region() -> None:
    from minutes_nlp.pipeline import records_of
    from minutes_nlp.textlayer import TextLayer

    text = (
        "Landsbygdsrådet – minnesanteckningar\nDatum: onsdag 13 oktober 2021\n3. Information\n"
        "3.2 Kalmar länstrafik genom Mirja Sallinen\nFler turer.\n3.3 Västtrafik genom Eva Lund\nNya linjer.\n"
    )
    doc = records_of(TextLayer.from_text(text))
    got = {s.organisation_as_written: s.organisation for s in doc.sections if s.kind == "organisation"}
    # an administration of the region reports for it; a company the region owns for itself
    assert got == {"Kalmar länstrafik": "Region Kalmar län", "Västtrafik": "Västtrafik"}
