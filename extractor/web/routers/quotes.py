"""``/v1/quotes``: who said what across the archive, newest first, as JSON or CSV."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...archive.export import MEDIA_TYPE, quotes_csv
from ...errors import InvalidInputError
from ...schema import ErrorResponse
from ...settings import Settings
from ..deps import KeyFirstRoute, SettingsDep, StoreDep, page_size, require_read_key
from ..errors import ERRORS

router = APIRouter(
    route_class=KeyFirstRoute,
    tags=["archive"],
    responses={**ERRORS, 401: {"model": ErrorResponse}},
    dependencies=[Depends(require_read_key)],
)

FORMATS = ("json", "csv")
# The media types each format answers to in an Accept header (most specific first).
_ACCEPTED = {
    "json": ("application/json", "application/*", "*/*"),
    "csv": ("text/csv", "text/*", "*/*"),
}
DESCRIPTION = (
    "Who said what, newest first, with each speaker's roles and the role held at the "
    "time (`role`), the document (`document`: id, title, url, published_at), offsets "
    "and the sentence around the quote (`context`).\n\n"
    "With `format=csv` (or an `Accept` header that prefers `text/csv`): the same quotes "
    "as CSV (RFC 4180, UTF-8, a header row; columns id, published_at, speaker, "
    "speaker_id, speaker_mention, title, organization, country, quote, kind, language, "
    "confidence, document_id, document_title, url, context; title, organization and "
    "country are those of the speaker's role at the quote's time). A CSV page holds up "
    "to `limit` rows (default and most: EXTRACTOR_MAX_EXPORT_ROWS, 10,000); where more "
    "follow, the `X-Next-Cursor` header holds the cursor of the next page and `Link` "
    'its URL (rel="next"). Cells a spreadsheet would run as formulas (starting with '
    "= + - @, a tab or a carriage return) start with an apostrophe."
)


@router.get(
    "/v1/quotes",
    responses={
        200: {
            "content": {"application/json": {}, "text/csv": {}},
            "description": "A page of quotes: JSON `{items, next_cursor}`, or CSV.",
        }
    },
    description=DESCRIPTION,
)
def list_quotes(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    speaker: str | None = Query(None, description="A name in any script or spelling."),
    organization: str | None = Query(
        None, description="Quotes by people holding a post there (or by it)."
    ),
    country: str | None = Query(None, description="A country name or ISO code."),
    entity: int | None = Query(
        None,
        description="An entity id: a person's quotes, or an organization's or country's "
        "and those of the people holding a post there (as its timeline counts them).",
    ),
    q: str | None = Query(None, description="Full-text search in the quote text."),
    statement: int | None = Query(
        None, description="A statement id: its versions (GET /v1/statements/{id})."
    ),
    language: str | None = Query(None, description="ISO 639-1 code of the quote's text."),
    since: Annotated[
        datetime | None, Query(description="Published at or after (ISO 8601).")
    ] = None,
    until: Annotated[datetime | None, Query(description="Published before (ISO 8601).")] = None,
    cursor: str | None = Query(None, description="`next_cursor` of the previous page."),
    limit: int | None = Query(
        None,
        description="Page size (JSON: default 50, at most EXTRACTOR_MAX_PAGE_SIZE; CSV: "
        "default and most EXTRACTOR_MAX_EXPORT_ROWS).",
    ),
    format: str | None = Query(None, description="json (default) or csv (else Accept)."),
) -> Any:
    """Who said what, newest first, with each speaker's roles and the role held at the
    time (`role`), the document (`document`: id, title, url, published_at), offsets and
    the sentence around the quote (`context`)."""
    fmt = _format(format, request.headers.get("accept"))
    items, next_cursor = store.quotes(
        speaker=speaker,
        organization=organization,
        country=country,
        q=q,
        language=language,
        since=since,
        until=until,
        entity=entity,
        statement=statement,
        cursor=cursor,
        limit=_export_size(limit, settings) if fmt == "csv" else page_size(limit, settings),
    )
    if fmt == "json":
        return {"items": items, "next_cursor": next_cursor}
    headers = {"Content-Disposition": 'attachment; filename="quotes.csv"'}
    if next_cursor:
        following = request.url.include_query_params(cursor=next_cursor)
        headers["X-Next-Cursor"] = next_cursor
        headers["Link"] = f'<{following}>; rel="next"'
    return Response(quotes_csv(items), media_type=MEDIA_TYPE, headers=headers)


def _export_size(limit: int | None, settings: Settings) -> int:
    """A CSV export's page size: ``max_export_rows`` by default, at most that."""
    if limit is None:
        return settings.max_export_rows
    if not 1 <= limit <= settings.max_export_rows:
        raise InvalidInputError(
            f"limit must be between 1 and {settings.max_export_rows} for CSV", limit=limit
        )
    return limit


def _format(fmt: str | None, accept: str | None) -> str:
    """The answer's format: ``fmt`` where given, else CSV where the Accept header
    prefers ``text/csv`` to JSON (by quality, then by order), else JSON."""
    if fmt is not None:
        if fmt.lower() not in FORMATS:
            raise InvalidInputError(
                f"unknown format {fmt!r}; known: {', '.join(FORMATS)}",
                format=fmt,
                known=list(FORMATS),
            )
        return fmt.lower()
    ranges: list[tuple[str, float]] = []
    for part in (accept or "").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
                if not 0.0 <= quality <= 1.0:  # (also NaN)
                    quality = 0.0
        if media:
            ranges.append((media.lower(), quality))

    def preference(name: str) -> tuple[float, int]:
        """The quality of the most specific range naming ``name``, and how early the
        header names it."""
        for media in _ACCEPTED[name]:
            for position, (given, quality) in enumerate(ranges):
                if given == media:
                    return quality, -position
        return 0.0, -len(ranges)

    csv_q, json_q = preference("csv"), preference("json")
    return "csv" if csv_q[0] > 0 and csv_q > json_q else "json"


@router.get(
    "/v1/statements/{statement_id}",
    responses={404: {"model": ErrorResponse}},
    description=(
        "A statement: the quotes that state one thing, in every document and language "
        "of the archive (a translation, a re-report, a headline version of a quote by "
        "the same speaker). `versions`: each quote as `/v1/quotes` gives it, earliest "
        "first (at most 1,000, the earliest); `first`: the earliest version, who carried "
        "it first; `languages` and `sources`: each once, in order of first version; "
        "`count`: how many versions there are. Each quote's `statement_id` names its "
        "statement; quotes stored before statements were linked have none."
    ),
)
def get_statement(statement_id: int, store: StoreDep) -> Any:
    """A statement's versions, earliest first."""
    return store.statement(statement_id)
