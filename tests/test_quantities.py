"""Quantities stage on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_nlp.quantities import find_quantities, parse_number
from minutes_nlp.records import Document, Meeting
from minutes_nlp.textlayer import TextLayer


def quantities(text: str) -> list[tuple[float | None, str | None]]:
    layer = TextLayer.from_text(text)
    doc = find_quantities(layer, Document(source="<text>", meeting=Meeting(date=dt.date(2025, 2, 3))))
    mentions = [m for m in doc.mentions if m.label == "QUANTITY"]
    assert len(mentions) == len(doc.quantities)
    assert all(layer.text[m.start : m.end] == m.text for m in mentions)
    return [(q.value, q.unit) for q in doc.quantities]


@pytest.mark.parametrize(
    ("number", "value"), [("2 300", 2300.0), ("1 250 000", 1250000.0), ("4,5", 4.5), ("12", 12.0)]
)
def test_parse_number(number: str, value: float) -> None:
    assert parse_number(number) == value


def test_units_multipliers_and_counted_nouns() -> None:
    text = (
        "Kommunen satsar 3,2 miljoner kronor och 450 tkr på ungdomsjobb. Vindkraften gav 2,4 TWh och "
        "andelen ökade med 7 %. Drygt 1 300 nya bostäder och 56 anslutna fastighetsägare i 14 byar. "
        "En halv miljon kronor går till 9 föreningar."
    )
    assert quantities(text) == [
        (3200000.0, "kronor"),
        (450000.0, "kronor"),
        (2.4, "TWh"),
        (7.0, "procent"),
        (1300.0, "bostäder"),
        (56.0, "fastighetsägare"),
        (14.0, "byar"),
        (500000.0, "kronor"),
        (9.0, "föreningar"),
    ]


def test_a_bare_number_borrows_the_unit_of_the_sentence() -> None:
    assert quantities("Kursen fick 31 anmälningar jämfört med 22 i fjol.") == [
        (31.0, "anmälningar"),
        (22.0, "anmälningar"),
    ]
    assert quantities("Antalet lediga lägenheter i kommunen var 85, något fler än i fjol.") == [
        (85.0, "lediga lägenheter")
    ]
    assert quantities("Omkring 70 elever deltog på plats och ytterligare 25 följde sändningen.") == [
        (70.0, "elever"),
        (25.0, "elever"),
    ]


def test_compound_units() -> None:
    assert quantities("Vi kör en 6-veckorskampanj med 14-dagarsprov.") == [(6.0, "vecka"), (14.0, "dag")]


def test_numbers_that_are_not_quantities() -> None:
    text = (
        "§ 14 Budget. Mötet hålls 12 mars 2025 kl 13.15 i rum 4, vecka 12. Ring 063-14 70 00 eller skriv till "
        "kontor3@example.se, se https://example.se/rapport2024. Adress: Box 12, 831 30 Östersund. "
        "Ärendet är det 3:e i ordningen och gäller bilaga 2.\n1. Inledning\n2) Avslut"
    )
    assert quantities(text) == []


def test_number_ranges_and_numbers_counting_nothing_are_left_out() -> None:
    assert quantities("Ungdomar 16-24 år och ärende 7 bordlades.") == []


def test_heading_numbers_are_no_quantities() -> None:
    text = "3a Göteborgs Stad. Oscar Lindahl, trafikplanerare\n3.2 Trafikverket – Anna Berg\nVi har 40 deltagare."
    assert quantities(text) == [(40.0, "deltagare")]
