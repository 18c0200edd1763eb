"""Claim segmentation of fresh3's causes: a timeline or caption written without a full stop
runs into the next entry, which must become a claim of its own (docs/annotation.md §1)."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import claim, dated, run

TIMELINE = (
    "At least 72 people were killed in a suspected gas attack on a rebel-held town in Idlib "
    "province on Tuesday, a monitor said. "
    "January 2017 Russia Iran and Turkey agree to a nationwide ceasefire between regime and "
    "rebels following talks in Kazakhstan. "
    "Ceasefire repeatedly violated by regime forces in several areas "
    "March 15 2017 At least two suicide car bombs detonate in the Syrian capital on the "
    "anniversary of the uprising. "
)


def test_a_heading_inside_a_sentence_starts_a_new_claim() -> None:
    x = run(TIMELINE)
    before = claim(x, TIMELINE, "Ceasefire repeatedly violated")
    entry = claim(x, TIMELINE, "suicide car bombs")
    assert TIMELINE[before.start : before.end].endswith("in several areas")
    assert TIMELINE[entry.start :].startswith("March 15 2017 At least")
    assert dated(entry) == (date(2017, 3, 15), date(2017, 3, 15))
    assert dated(before) != dated(entry)
