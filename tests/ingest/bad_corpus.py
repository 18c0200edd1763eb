"""Large bad inputs, written on demand: too big to commit beside tests/data/bad/.

Outcomes with the default limit (max_bytes=2_000_000):

- `large_50mb.txt`: problem "50.0 MB, above the 2.0 MB limit (CLAIMDB_MAX_DOCUMENT_BYTES)",
  found by its size alone. The file is sparse, mostly NUL bytes, so a reader that read it
  anyway would report binary content instead.
- `long_line_1mb.txt`: a document, one 1 MB line without a newline; its title (the first
  line) is cut to 300 characters.
- `huge_string_10mb.jsonl`: line 1 a problem "text is 10.0 MB, above the 2.0 MB limit ...";
  line 2 a document.
- `huge_field_3mb.csv`: rows 1 and 3 documents; row 2 a problem "text is 3.0 MB, above the
  2.0 MB limit ...".
"""

from __future__ import annotations

import json
from pathlib import Path

MB = 1_000_000


def write_large_inputs(directory: Path) -> list[Path]:
    """Write the large inputs into `directory`; returns their paths in the order above."""
    directory.mkdir(parents=True, exist_ok=True)

    large = directory / "large_50mb.txt"
    with large.open("wb") as file:
        file.write(b"a a a\n" * 1000)
        file.truncate(50 * MB)  # sparse: takes no disk space, reads as NUL bytes

    long_line = directory / "long_line_1mb.txt"
    long_line.write_bytes(b"word " * (MB // 5))

    jsonl = directory / "huge_string_10mb.jsonl"
    with jsonl.open("w", encoding="utf-8") as file:
        file.write(json.dumps({"external_id": "huge", "text": "x" * (10 * MB)}) + "\n")
        file.write(json.dumps({"external_id": "small", "text": "After the huge line."}) + "\n")

    csv_file = directory / "huge_field_3mb.csv"
    with csv_file.open("w", encoding="utf-8", newline="") as file:
        file.write("external_id,text\n")
        file.write('r1,"Before the huge row."\n')
        file.write('r2,"' + "y" * (3 * MB) + '"\n')
        file.write('r3,"After the huge row."\n')

    return [large, long_line, jsonl, csv_file]
