"""Column mappings of known datasets, so users need not spell them out with --map.

Columns a preset does not map are kept in `RawDocument.extra` (FA-KES: date, location,
labels). FA-KES's `date` is the crowd-labelled date of the incident, not the article's
publication date, so it stays a label there: never the source's `published_on`, never
the day relative dates are resolved against. An article's publication date is the one
it prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Preset:
    description: str
    mapping: Mapping[str, str]  # our field -> column
    # (strptime format, form as a user would write it) tried after the ISO forms;
    # the dataset's own date format, which ISO parsing would reject (when a user maps
    # `published` to one of its columns).
    date_formats: tuple[tuple[str, str], ...] = ()


PRESETS: Mapping[str, Preset] = {
    "fakes": Preset(
        description="FA-KES (Abu Salem et al., ICWSM 2019): Syrian war news, credible/fake labels",
        mapping={
            "external_id": "unit_id",
            "title": "article_title",
            "text": "article_content",
            "outlet": "source",
        },
        date_formats=(("%m/%d/%Y", "M/D/YYYY"),),
    ),
}
