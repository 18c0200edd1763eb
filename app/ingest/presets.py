"""Column mappings of known datasets, so users need not spell them out with --map.

Columns a preset does not map are kept in `RawDocument.extra` (FA-KES: location, labels).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Preset:
    description: str
    mapping: Mapping[str, str]  # our field -> column
    # (strptime format, form as a user would write it) tried after the ISO forms;
    # the dataset's own date format, which ISO parsing would reject.
    date_formats: tuple[tuple[str, str], ...] = ()


PRESETS: Mapping[str, Preset] = {
    "fakes": Preset(
        description="FA-KES (Abu Salem et al., ICWSM 2019): Syrian war news, credible/fake labels",
        mapping={
            "external_id": "unit_id",
            "title": "article_title",
            "text": "article_content",
            "outlet": "source",
            "published": "date",
        },
        date_formats=(("%m/%d/%Y", "M/D/YYYY"),),
    ),
}
