"""Quotes as CSV for spreadsheets: RFC 4180 (comma-separated, double quotes, CRLF line
ends), UTF-8, a header row, one row per quote as :meth:`Store.quotes` gives them.

A cell that a spreadsheet would run as a formula (one that starts with = + - @, a tab
or a carriage return) starts with an apostrophe instead, as OWASP advises against CSV
injection; the apostrophe shows in other readers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

MEDIA_TYPE = "text/csv; charset=utf-8; header=present"
COLUMNS = (
    "id",
    "published_at",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "title",
    "organization",
    "country",
    "quote",
    "kind",
    "language",
    "confidence",
    "document_id",
    "document_title",
    "url",
    "context",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A value as a cell: empty for None, a formula-like string made inert."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def quote_row(item: dict[str, Any]) -> list[Any]:
    """One quote item as the cells of :data:`COLUMNS`: the speaker's name (else the
    words that name them), and the title, organization and country of the role they
    held at the quote's time."""
    speaker = item.get("speaker") or {}
    role = item.get("role") or {}
    document = item.get("document") or {}
    values = (
        item["id"],
        item["published_at"],
        speaker.get("name") or item.get("speaker_mention"),
        speaker.get("id"),
        item.get("speaker_mention"),
        role.get("title"),
        role.get("organization"),
        role.get("country"),
        item["text"],
        item["kind"],
        item.get("language"),
        item.get("confidence"),
        item.get("document_id"),
        document.get("title"),
        document.get("url"),
        item.get("context"),
    )
    return [_cell(v) for v in values]


def quotes_csv(items: Iterable[dict[str, Any]]) -> str:
    """The quotes as one CSV text, the header row first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(quote_row(item) for item in items)
    return out.getvalue()
