from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from minutes_nlp.places import find_places, places
from minutes_nlp.resources import load_json


def found(text: str, **kw) -> list[tuple[str, str]]:
    return [(text[s:e], name) for s, e, name, _ in find_places(text, **kw)]


def test_gazetteer_coverage_and_uniqueness() -> None:
    entries = places()
    kinds = Counter(p.kind for p in entries)
    assert kinds["county"] == 21
    assert kinds["province"] == 25 + 1  # the 25 landskap and "Sörmland"
    # every municipality is a place (Härjedalen and Gotland are kept as provinces)
    munis = {o["name"] for o in load_json("organisations.json") if o["kind"] == "municipality"}
    assert len(munis) == 289
    names = {p.name for p in entries}
    assert kinds["municipality"] + 2 == 290
    assert {"Östersund", "Åre", "Storlien", "Vemdalen", "Funäsdalen", "Sveg", "Frösön", "Brunflo"} <= names
    assert "Torsta" not in names  # a school, not a place
    forms = [f for p in entries for f in (p.name, *p.aliases)]
    assert len(forms) == len(set(forms))


def test_places_in_prose() -> None:
    text = (
        "Konferens i Storlien med gäster från Trondheim och Trøndelag. Östersunds näringsliv växer, "
        "liksom Jämtlands län i stort och hela norra Sverige; ambassadören från Ukraina kom via Köpenhamn."
    )
    assert found(text) == [
        ("Storlien", "Storlien"),
        ("Trondheim", "Trondheim"),
        ("Trøndelag", "Trøndelag"),
        ("Östersunds", "Östersund"),
        ("Jämtlands län", "Jämtlands län"),
        ("norra Sverige", "Norra Sverige"),
        ("Ukraina", "Ukraina"),
        ("Köpenhamn", "Köpenhamn"),
    ]


def test_kinds_and_aliases() -> None:
    text = (
        "Resor mellan Åre-Östersund, Tröndelag, Helsinki och USA; Jämtland Härjedalen och Jämtlands turism."
    )
    got = {(text[s:e], name, kind) for s, e, name, kind in find_places(text)}
    assert ("Åre", "Åre", "municipality") in got
    assert ("Östersund", "Östersund", "municipality") in got
    assert ("Tröndelag", "Trøndelag", "region") in got
    assert ("Helsinki", "Helsingfors", "city") in got
    assert ("USA", "USA", "country") in got
    assert ("Jämtland Härjedalen", "Jämtland Härjedalen", "area") in got
    assert ("Jämtlands", "Jämtland", "province") in got


def test_case_and_word_boundaries() -> None:
    assert found("kontoret i östersund och åre") == []  # lower case is not a proper noun
    assert found("Östersundsområdet och Norge-resan") == []  # compounds are other words
    assert found("se www.Åre.se eller info@Krokom.se") == []
    assert found("Borås") == [("Borås", "Borås")]
    assert found("Boråss") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mark och vatten är en fråga för alla.", []),  # sentence start: the capital is no evidence
        ("Det gäller mark och skog.", []),
        ("Vi träffades i Mark förra veckan.", [("Mark", "Mark")]),
        ("Anna Berg deltog från kommunen.", []),  # a person
        ("Mötet hölls i Berg.", [("Berg", "Berg")]),
        ("Mark Johnson presenterade.", []),
        ("I Lund finns ett universitet.", [("Lund", "Lund")]),
        ("Vara med och bidra.", []),
        ("Hon bor i Vara.", [("Vara", "Vara")]),
        ("- Kil behöver nya bostäder", []),
    ],
)
def test_ambiguous_names_need_evidence(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_exclude_spans() -> None:
    text = "Region Jämtland Härjedalen och Östersunds kommun möts i Sveg."
    org_spans = [(0, 26), (31, 48)]
    assert found(text, exclude=org_spans) == [("Sveg", "Sveg")]
    assert ("Jämtland Härjedalen", "Jämtland Härjedalen") in found(text)


def test_seed_minutes(shared_dir: Path) -> None:
    seed = shared_dir / "seed" / "2024-02-26_naringslivsdialog.txt"
    if not seed.is_file():
        pytest.skip(f"{seed} is absent")
    names = {name for _, _, name, _ in find_places(seed.read_text(encoding="utf-8"))}
    assert {"Åre", "Vemdalen", "Lofsdalen", "Östersund", "Storlien", "Indien", "Trondheim"} <= names
    assert "Torsta" not in names
