"""Events stage on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from minutes_nlp.events import find_events
from minutes_nlp.records import Document, Meeting, Section
from minutes_nlp.textlayer import TextLayer

D = dt.date


def events(text: str, sections: list[Section] | None = None, **meeting) -> list[tuple]:
    layer = TextLayer.from_text(text)
    m = Meeting(date=D(2025, 3, 10), county="Jämtlands län", **meeting)
    doc = find_events(layer, Document(source="<text>", meeting=m, sections=sections or []))
    mentions = [x for x in doc.mentions if x.label == "EVENT"]
    assert len(mentions) == len(doc.events)
    return [(e.name, e.start, e.end, e.place, e.organisation) for e in doc.events]


def test_names_dates_and_places() -> None:
    text = (
        "Vi ordnar en temakväll om solceller i Brunflo 3 april.\n"
        "Höstens föreningsstämma hålls 24 maj på Frösön.\n"
        "En kortare utbildning för nya styrelseledamöter ges vecka 16.\n"
        "Jämtkraft bjuder in till en workshop i Sveg 7-8 april om lokal elförsörjning."
    )
    assert events(text) == [
        ("Temakväll om solceller", D(2025, 4, 3), D(2025, 4, 3), "Brunflo", None),
        ("Föreningsstämma", D(2025, 5, 24), D(2025, 5, 24), "Frösön", None),
        ("Kortare utbildning för nya styrelseledamöter", D(2025, 4, 14), D(2025, 4, 20), None, None),
        ("Workshop om lokal elförsörjning", D(2025, 4, 7), D(2025, 4, 8), "Sveg", "Jämtkraft"),
    ]


def test_proper_names_win_and_start_verbs_leave_the_end_open() -> None:
    text = "Föreläsningsserien Framtidens skog startar 2 april.\nSkogsriket – konferens i Östersund 12 maj."
    got = events(text)
    assert got[0][:3] == ("Framtidens skog", D(2025, 4, 2), None)
    assert got[1][:4] == ("Skogsriket – konferens", D(2025, 5, 12), D(2025, 5, 12), "Östersund")


def test_deadlines_open_starts_long_periods_and_bare_references_are_no_events() -> None:
    text = (
        "Anmälan till mässan senast 20 mars.\n"
        "Eva tar över platsen i nätverksträffen från och med april.\n"
        "Konferensen förra året samlade många.\n"
        "Inbjudan till träffen skickas nästa vecka.\n"
        "Vi sågs på en fredag 7 mars."
    )
    assert events(text) == []


def test_organiser_from_the_section_and_the_next_meeting() -> None:
    text = "Trafikverket\nFrukostseminarium om vägunderhåll 26 mars i Bräcke.\nNästa möte hålls 14 april."
    sec = Section(
        id="s1",
        kind="organisation",
        title="Trafikverket",
        organisation="Trafikverket",
        organisation_as_written="Trafikverket",
        page_start=1,
        page_end=1,
        start=0,
        end=text.index("Nästa"),
        text="",
    )
    got = events(text, [sec], body="Samverkansgrupp kollektivtrafik", host="Region Jämtland Härjedalen")
    assert got == [
        ("Frukostseminarium om vägunderhåll", D(2025, 3, 26), D(2025, 3, 26), "Bräcke", "Trafikverket"),
        # the next meeting is named as the minutes name it; who convenes it is the organiser
        ("Möte", D(2025, 4, 14), D(2025, 4, 14), None, "Region Jämtland Härjedalen"),
    ]


def test_the_own_meeting_is_named_as_written_and_an_earlier_one_is_none() -> None:
    got = events("Nästa styrelsemöte hålls 14 april.", body="Styrelsen för LRF Jämtland", host="LRF Jämtland")
    assert [e[0] for e in got] == ["Styrelsemöte"]
    got = events("Nämndens nästa sammanträde är 14 april.", body="Socialnämnden Krokoms kommun")
    assert [e[0] for e in got] == ["Sammanträde"]
    # a label under its heading may name the meeting more closely than the heading
    text = "Nästa möte\nNästa kompetensråd: torsdag 15 maj kl 9.00 i Ronneby."
    sec = Section(
        id="s1", kind="agenda", title="Nästa möte", page_start=1, page_end=1, start=0, end=len(text), text=""
    )
    assert [e[0] for e in events(text, [sec], body="Kompetensrådet")] == ["Kompetensråd"]
    # the body's earlier meeting is past business, not a calendar entry
    got = events("Protokollet från styrelsemötet 14 januari godkändes.", title="Styrelsemöte LRF Jämtland")
    assert got == []
    # a genitive in the body's name is its owner: the owner's meeting is another body's
    got = events(
        "Ärendet tas upp vid kommunstyrelsens sammanträde 28 april.", body="Kommunstyrelsens arbetsutskott"
    )
    assert [e[0] for e in got] == ["Kommunstyrelsens sammanträde"]


def test_next_meeting_under_its_heading_and_by_its_verb() -> None:
    text = "Nästa möte\nTisdag 6 maj kl 13.00 i Sveg.\nUtskottet sammanträder 28 april."
    sec = Section(
        id="s1", kind="agenda", title="Nästa möte", page_start=1, page_end=1, start=0, end=len(text), text=""
    )
    got = events(text, [sec], body="Styrelsen", host="LRF Jämtland")
    assert [(n, s, p) for n, s, _, p, _ in got] == [
        ("Sammanträde med utskottet", D(2025, 4, 28), None),
        ("Möte", D(2025, 5, 6), "Sveg"),
    ]


def test_an_owner_in_the_genitive_names_the_event_and_a_season_of_meetings_is_none() -> None:
    text = (
        "Sedan hålls Krokoms företagardag 22 maj.\n"
        "Vid kommunstyrelsens sammanträde 8 april togs beslutet.\n"
        "Samarbetet om gemensamma frukostträffar fortsätter under våren."
    )
    assert [e[:2] for e in events(text)] == [
        ("Krokoms företagardag", D(2025, 5, 22)),
        ("Kommunstyrelsens sammanträde", D(2025, 4, 8)),
    ]


def test_happenings_known_by_their_names() -> None:
    text = (
        "- Stångaspelen i Stånga går av stapeln 11–14 juli.\n"
        "Petra påminde om att Vätternrundan cyklas 12–13 juni.\n"
        "- Fotbollsturneringen Piteå Summer Games spelas 27 juni–1 juli.\n"
        "- Forskningens dag hålls tisdag 22 april kl 13.\n"
        "Sedan hålls Krokoms företagardag 22 maj."
    )
    assert [e[:2] for e in events(text)] == [
        ("Piteå Summer Games", D(2025, 6, 27)),
        ("Forskningens dag", D(2025, 4, 22)),
        ("Krokoms företagardag", D(2025, 5, 22)),
        ("Stångaspelen", D(2025, 7, 11)),
        ("Vätternrundan", D(2025, 6, 12)),
    ]


def test_only_the_next_of_the_bodys_own_meetings_is_an_event() -> None:
    text = (
        "Förvaltningen återkommer vid nämndens sammanträde 12 juni.\nNämndens nästa sammanträde hålls 15 maj."
    )
    assert [e[:2] for e in events(text, body="Kultur- och fritidsnämnden")] == [
        ("Sammanträde", D(2025, 5, 15))
    ]


def test_titles_and_possessors() -> None:
    text = (
        "Anna berättade att utställningen Spår i snö visas på Vasaloppets hus 22 februari–8 mars.\n"
        "- Festivalen Musik vid Siljan hålls 28 juni–5 juli med konserter.\n"
        "Mötet hålls tre kvällar 14–20 april."
    )
    # 'Vasaloppets hus' is a house the race owns, no happening; a series of evenings over a week is none either
    assert [e[0] for e in events(text)] == ["Spår i snö", "Musik vid Siljan"]


def test_a_one_word_title_goes_on_through_och() -> None:
    text = "Museet visar utställningen Sten och hav 5–26 april."
    assert [e[0] for e in events(text)] == ["Sten och hav"]
