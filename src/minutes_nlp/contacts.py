"""Emails and URLs: found in the clean text, where line joins have already mended them."""

from __future__ import annotations

import re

from .records import Document, Mention
from .textlayer import TextLayer

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zåäö]{2,}\b", re.IGNORECASE)
URL = re.compile(
    r"(?<![\w@/])(?:https?://|www\.)[^\s<>()\"”’]+"
    # a bare domain ("dataportal.se", "regionjh.se/dialog"): a name of three letters or more, a common top level
    r"|(?<![\w@/.-])(?:[a-z0-9-]{3,}\.)+(?:se|nu|com|org|eu|net|io|info)(?:/[^\s<>()\"”]*)?(?![\w@-])"
    # a short name with a path ("sv.se/orebrolan", "ri.se/test"): the path shows it is an address
    r"|(?<![\w@/.-])[a-z0-9-]{2}\.(?:se|nu|com|org|eu|net|io)/[^\s<>()\"”]+",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]”’'\""


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    out = []
    for m in pattern.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        out.append((start, end))
    return out


def find_contacts(layer: TextLayer, doc: Document) -> Document:
    text = layer.text
    emails = _spans(EMAIL, text)
    taken = [(s, e) for s, e in emails]
    urls = [(s, e) for s, e in _spans(URL, text) if not any(s < te and ts < e for ts, te in taken)]
    doc.emails = list(dict.fromkeys(text[s:e].lower() for s, e in emails))
    doc.urls = list(dict.fromkeys(text[s:e] for s, e in urls))
    for label, spans in (("EMAIL", emails), ("URL", urls)):
        doc.mentions += [
            Mention(label=label, text=text[s:e], start=s, end=e, page=layer.page_at(s)) for s, e in spans
        ]
    doc.mentions.sort(key=lambda m: m.start)
    return doc
