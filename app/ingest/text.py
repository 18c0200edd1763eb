"""Plain-text articles: one `.txt` file, one document.

A folder is read without its subfolders: its `*.txt` files (any case of the suffix),
sorted by name; other files are not documents and are ignored. A `manifest.toml` in the
folder supplies metadata, unless a manifest was given explicitly, which then applies to
every text path of the import (entries match files by name). A single `.txt` file also
takes its metadata from a `manifest.toml` beside it.

A manifest that cannot be read keeps out the files it would have described (each one is
reported): importing them without their curated metadata could not be fixed by importing
again, since the same content is not stored twice.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Literal

from app.errors import DocumentRejected
from app.ingest.decode import read_file, unreadable
from app.ingest.manifest import MANIFEST_NAME, Entry, Manifest, ManifestError, load_manifest
from app.ingest.types import Item, RawDocument, ReadProblem

MAX_TITLE_CHARS = 300


class TextReader:
    """Reads text paths one by one; `finish` then reports what the explicit manifest named
    but no path supplied."""

    def __init__(self, explicit: Manifest | None, max_bytes: int) -> None:
        self.explicit = explicit
        self.max_bytes = max_bytes
        self.loaded: dict[Path, Manifest | ManifestError] = {}
        # manifest path -> file names it was asked about, to report entries naming no file
        self.used: dict[Path, set[str]] = {explicit.path: set()} if explicit else {}

    def read(self, path: Path) -> Iterator[Item]:
        return self._folder(path) if path.is_dir() else self._single(path)

    def finish(self) -> Iterator[ReadProblem]:
        if self.explicit:
            yield from self.explicit.problems
            yield from _unmatched(
                self.explicit, self.used[self.explicit.path], "not among the files read"
            )

    def _folder(self, folder: Path) -> Iterator[Item]:
        try:
            files = sorted(
                (p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()),
                key=lambda p: p.name,
            )
        except OSError as exc:
            yield ReadProblem(str(folder), f"cannot list the folder: {exc.strerror}")
            return
        manifest = yield from self._manifest(folder, files)
        if manifest is False:
            return
        if not files:
            yield ReadProblem(str(folder), "no .txt files in this folder (subfolders are not read)")
        for file in files:
            yield from self._file(file, manifest)
        if manifest and manifest is not self.explicit:
            yield from _unmatched(manifest, self.used[manifest.path], "not in the folder")

    def _single(self, file: Path) -> Iterator[Item]:
        manifest = yield from self._manifest(file.parent, [file])
        if manifest is not False:
            yield from self._file(file, manifest)

    def _manifest(
        self, folder: Path, files: list[Path]
    ) -> Generator[ReadProblem, None, Manifest | None | Literal[False]]:
        """The manifest for `files` (None if there is none), or False after reporting them all.

        Yields the problems of a folder's manifest the first time that manifest is loaded.
        """
        if self.explicit:
            return self.explicit
        path = folder / MANIFEST_NAME
        if not path.is_file():
            return None
        if path not in self.loaded:
            try:
                manifest = load_manifest(path)
            except ManifestError as exc:
                self.loaded[path] = exc
                yield ReadProblem(str(path), str(exc))
            else:
                self.loaded[path] = manifest
                self.used[path] = set()
                yield from manifest.problems
        loaded = self.loaded[path]
        if isinstance(loaded, ManifestError):
            for file in files:
                yield ReadProblem(str(file), f"not imported: {path} cannot be used ({loaded})")
            return False
        return loaded

    def _file(self, file: Path, manifest: Manifest | None) -> Iterator[Item]:
        entry = None
        if manifest:
            self.used[manifest.path].add(file.name)
            entry = manifest.entries.get(file.name)
        if isinstance(entry, ReadProblem):
            yield entry
            return
        try:
            text, encoding = read_file(file, self.max_bytes)
        except (DocumentRejected, OSError) as exc:
            yield ReadProblem(str(file), unreadable(exc))
            return
        entry = entry or Entry()
        yield RawDocument(
            text=text,
            external_id=file.name,
            origin="text",
            location=str(file),
            encoding=encoding,
            title=entry.title or first_line(text),
            author=entry.author,
            outlet=entry.outlet,
            url=entry.url,
            published=entry.published,
            published_precision=entry.published_precision,
            extra=entry.extra,
        )


def _unmatched(manifest: Manifest, used: set[str], where: str) -> Iterator[ReadProblem]:
    for name in sorted(manifest.entries.keys() - used):
        yield ReadProblem(f"{manifest.path} (file {name})", f"describes {name}, which is {where}")


def first_line(text: str) -> str | None:
    """The title a bare text file implies: its first non-empty line.

    Cut at a word boundary when longer than a headline can be, since a file without a
    headline (one long paragraph) would otherwise make its whole body the title.
    """
    line = next((line.strip() for line in text.splitlines() if line.strip()), None)
    if line is None or len(line) <= MAX_TITLE_CHARS:
        return line
    cut = line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip()
    return f"{cut or line[:MAX_TITLE_CHARS]}…"
