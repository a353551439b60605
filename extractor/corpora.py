"""Readers for the annotated corpora under ``<shared_dir>/data`` (never copied here)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InvalidInputError
from .settings import get_settings


@dataclass
class BratDoc:
    """A text with brat standoff annotations: text-bound spans and events."""

    name: str
    text: str
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    events: list[dict[str, str]] = field(default_factory=list)


def data_dir(shared_dir: Path | None = None) -> Path:
    """The corpora folder; raises a clear error when it is missing."""
    root = Path(shared_dir or get_settings().shared_dir) / "data"
    if not root.is_dir():
        raise InvalidInputError(
            f"corpus folder {root} not found: set EXTRACTOR_SHARED_DIR to the folder holding data/",
            path=str(root),
        )
    return root


def polnear(split: str = "dev", shared_dir: Path | None = None) -> Iterator[BratDoc]:
    """PolNeAR articles of ``split`` (train or dev) with their attribution annotations."""
    if split not in {"train", "dev"}:
        raise InvalidInputError(f"PolNeAR split {split!r} is not available here; use train or dev")
    base = data_dir(shared_dir) / "polnear" / "data" / split
    # Some articles were annotated twice (one file per annotator): use the first.
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(p.name.rsplit("_", 1)[0], p)
    for txt in sorted((base / "text").glob("*.txt")):
        doc = BratDoc(txt.stem, txt.read_text(encoding="utf-8"))
        ann = anns.get(txt.stem)
        if ann is not None:
            _read_brat(ann, doc)
        yield doc


def _read_brat(path: Path, doc: BratDoc) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            tid, info, surface = [*line.split("\t"), "", ""][:3]
            label, _, ranges = info.partition(" ")
            pieces = []
            for part in ranges.split(";"):
                a, b = part.split()
                pieces.append((int(a), int(b)))
            doc.spans[tid] = (label, pieces, surface)
        elif re.match(r"E\d+\t", line):
            _, args = line.split("\t", 1)
            event: dict[str, str] = {}
            for arg in args.split():
                role, _, ref = arg.partition(":")
                event[role] = ref
            doc.events.append(event)
