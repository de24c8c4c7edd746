"""Action items from tables, action lists, delegations and dated promises."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT

from minutes_nlp import extract

PDF = ROOT / "corpus" / "pdf"


def test_action_table_rows_become_items_with_responsible_and_due():
    doc = extract(PDF / "2024-03-05_lrf_jamtland_styrelse.pdf")
    by_text = {a.text: a for a in doc.action_items}
    row = by_text["Kontakta Jordbruksverket om handläggningstider"]
    assert row.responsible == "Emma Berglund"
    assert row.due == dt.date(2024, 4, 9)
    # an "Att göra" item whose subject is a first name: linked to the full person, due from its own words
    mailed = next(a for a in doc.action_items if a.text.startswith("Skicka protokollet"))
    assert (mailed.responsible, mailed.due) == ("Emma Berglund", dt.date(2024, 3, 8))
    # signatures under the list are not tasks
    assert not [a for a in doc.action_items if a.text.startswith(("Vid protokollet", "Justeras"))]


def test_a_delegation_names_the_official_by_role():
    doc = extract(PDF / "2024-11-05_krokoms_kommun_ksau.pdf")
    delegated = [a for a in doc.action_items if "Trafikverket" in a.text]
    assert delegated and delegated[0].responsible == "Jens Åkerlund"  # "kommunchefen"


def test_a_promise_in_a_report_is_the_reporters():
    doc = extract(PDF / "2024-11-25_naringslivsdialog.pdf")
    promise = next(a for a in doc.action_items if a.responsible == "Maria Grahn")
    assert promise.text.startswith("Återkomma med en lägesrapport")
    assert promise.due == dt.date(2025, 2, 28)
