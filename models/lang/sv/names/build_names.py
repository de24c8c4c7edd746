"""Rebuild the Swedish name lists of this folder (first_names.json, surnames.json).

    pip install faker            # only for this script; minutes-nlp does not depend on it
    python models/lang/sv/names/build_names.py [--ner PATH/train_corpus.txt]

Sources (see models/SOURCES.md):
- the sv_SE person provider of the PyPI package ``faker`` (MIT licence): Swedish first names and surnames;
- the tokens labelled PER in the Swedish NER corpus (klintan/swedish-ner-corpus, CC BY 4.0): in a run of
  PER tokens the first is a first name and the last a surname. Tokens that the same corpus also writes in
  lower case ("per", "dag", "björn"), or labels LOC/ORG more often than PER, are left out: they are words or
  places as often as names.

Names that faker lists but the corpus writes in lower case at least twice are kept and also listed under
``also_words``, so that the code can ask for more evidence before taking them for a name.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_NER = (
    Path(__file__).resolve().parents[5] / "shared" / "ner" / "swedish-ner-corpus" / "train_corpus.txt"
)
TOKEN = re.compile(r"^[A-ZÅÄÖÉÜØÆ][a-zåäöéèüøæ]+(?:-[A-ZÅÄÖÉÜØÆ][a-zåäöéèüøæ]+)?$")
MIN_LOWER = 2  # a token written in lower case this often is a word as well as a name


def read_ner(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        token, _, label = line.rpartition("\t")
        sentences[-1].append((token.strip().lstrip("\u00ad"), label.strip()))
    return [s for s in sentences if s]


def ner_names(path: Path) -> tuple[set[str], set[str], Counter[str]]:
    sentences = read_ner(path)
    lower: Counter[str] = Counter()
    as_label: dict[str, Counter[str]] = {}
    for sentence in sentences:
        for token, label in sentence:
            if token.islower():
                lower[token] += 1
            as_label.setdefault(token, Counter())[label] += 1
    first: set[str] = set()
    last: set[str] = set()
    for sentence in sentences:
        run: list[str] = []
        for token, label in [*sentence, ("", "0")]:
            if label == "PER":
                run.append(token)
                continue
            if len(run) >= 2:
                first.add(run[0])
                last.add(run[-1])
            run = []

    def keep(token: str) -> bool:
        labels = as_label.get(token, Counter())
        other = labels["LOC"] + labels["ORG"] + labels["MISC"]
        return bool(TOKEN.match(token)) and lower[token.lower()] < MIN_LOWER and labels["PER"] > other

    return {t for t in first if keep(t)}, {t for t in last if keep(t)}, lower


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--ner", type=Path, default=DEFAULT_NER, help="train_corpus.txt of the Swedish NER corpus"
    )
    args = ap.parse_args(argv)
    from faker.providers.person.sv_SE import Provider

    faker_first = set(Provider.first_names_female) | set(Provider.first_names_male)
    faker_last = set(Provider.last_names)
    ner_first, ner_last, lower = ner_names(args.ner)
    faker_version = version("faker")
    for filename, faker_names, ner, what in (
        ("first_names.json", faker_first, ner_first, "first names"),
        ("surnames.json", faker_last, ner_last, "surnames"),
    ):
        names = sorted({n for n in faker_names | ner if TOKEN.match(n)})
        also_words = sorted(n for n in names if lower[n.lower()] >= MIN_LOWER)
        data = {
            "_doc": f"Swedish {what}, capitalised as written. Built by build_names.py; sources and licences in "
            "models/SOURCES.md. also_words: names that are also ordinary Swedish words.",
            "sources": [
                f"faker {faker_version} (MIT), faker/providers/person/sv_SE",
                "Swedish NER corpus, klintan/swedish-ner-corpus train_corpus.txt (CC BY 4.0), PER tokens",
            ],
            "names": names,
            "also_words": also_words,
        }
        out = HERE / filename
        out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(
            f"{out}: {len(names)} {what} ({len(faker_names)} faker, {len(ner)} NER, {len(also_words)} also words)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
