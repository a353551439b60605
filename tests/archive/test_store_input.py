"""What the store is asked that it cannot hold or find: ids beyond its columns, cursors
it never returned, NUL characters; and times given in any UTC offset. On SQLite and
PostgreSQL alike (see ``database_url``)."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from extractor.archive.store import Store, open_store
from extractor.errors import InvalidInputError, NotFoundError
from tests.archive.reports import report

pytestmark = pytest.mark.store


@pytest.fixture
def store(database_url: str) -> Store:
    s = open_store(database_url)
    for n, person in enumerate(("Anna Berg", "Omar Haddad", "Lena Novak")):
        text, extraction = report(person, "Nordic Press Agency", f"plan {n} works")
        s.add(text, extraction, doc_id=f"d{n}")
    return s


def _cursor(value: object) -> str:
    raw = value.encode() if isinstance(value, str) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


AT = "2026-01-01T00:00:00+00:00"


def test_ids_no_entity_has_are_not_found(store: Store) -> None:
    for entity_id in (0, -1, 2**31, 2**32 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**40):
        with pytest.raises(NotFoundError):
            store.entity(entity_id)
        with pytest.raises(NotFoundError):
            store.neighbourhood(entity_id)


NO_QUOTE_CURSORS = [
    "not-a-cursor",
    "é",
    "!!!!",
    _cursor([AT, 2**63]),
    _cursor([AT, 10**40]),
    _cursor(f'["{AT}", 1e400]'),
    _cursor(f'["{AT}", -1e400]'),
    _cursor([AT, -5]),
    _cursor([AT, 0]),
    _cursor([AT, 1.5]),
    _cursor([AT, True]),
    _cursor([AT, "7"]),
    _cursor(["yesterday", 3]),
    _cursor(["0001-01-01T00:00:00+05:00", 3]),  # before the first day in UTC
    _cursor([1, 2]),
    _cursor([AT]),
    _cursor({"at": AT, "id": 3}),
    _cursor("[" * 100_000),
    _cursor("9" * 10_000),
]
NO_ENTITY_CURSORS = [
    _cursor(raw)
    for raw in ("99999999999999999999999", str(2**63), "-1", "0", "1e400", " 1", "+1", "1_0")
] + ["x", "é"]


def test_cursors_this_api_never_returned_are_invalid(store: Store) -> None:
    for cursor in NO_QUOTE_CURSORS:
        with pytest.raises(InvalidInputError, match="cursor is not one this API returned"):
            store.quotes(cursor=cursor)
    for cursor in NO_ENTITY_CURSORS:
        with pytest.raises(InvalidInputError, match="cursor is not one this API returned"):
            store.entities(cursor=cursor)


def test_cursors_hold_the_ids_of_their_backend(store: Store) -> None:
    """An id past PostgreSQL's INTEGER is no cursor there; SQLite ids go to 2**63 - 1."""
    beyond = _cursor(str(2**31))
    if store.dialect == "postgresql":
        with pytest.raises(InvalidInputError):
            store.entities(cursor=beyond)
        with pytest.raises(InvalidInputError):
            store.quotes(cursor=_cursor([AT, 2**31]))
    else:
        assert store.entities(cursor=beyond)[0] == []
        assert store.quotes(cursor=_cursor([AT, 2**31]))[0] == []


def test_pages_still_follow(store: Store) -> None:
    seen, cursor = [], None
    while True:
        page, cursor = store.entities(limit=2, cursor=cursor)
        seen += [e["id"] for e in page]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == store.counts()["entities"]


NOT_TEXT = ["Anna\x00Berg", "\x00", "Berg\ud800"]  # a NUL; half of a surrogate pair


def test_a_nul_in_a_query_is_invalid_input_naming_the_field(store: Store) -> None:
    for bad in NOT_TEXT:
        for field in ("speaker", "organization", "country", "q", "language"):
            with pytest.raises(InvalidInputError, match=field) as caught:
                store.quotes(**{field: bad})  # type: ignore[arg-type]
            assert caught.value.details["field"] == field
        with pytest.raises(InvalidInputError, match="q holds a NUL"):
            store.entities(q=bad)
        with pytest.raises(InvalidInputError, match="query"):
            store.matching_entities(bad)


def test_a_document_with_a_nul_is_refused_before_the_database(database_url: str) -> None:
    s = open_store(database_url)
    for field in ("text", "doc_id", "url", "title", "source", "error", "name"):
        text, extraction = report("Anna Berg", "Nordic Press Agency", "the plan works")
        fields: dict[str, str] = {}
        if field == "text":
            text = text.replace("plan", "pl\x00an")
        elif field == "name":
            entity = extraction.entities[0].model_copy(update={"name": "Anna\x00Berg"})
            extraction = extraction.model_copy(update={"entities": [entity]})
        else:
            fields[field] = "a\x00b"
        with pytest.raises(InvalidInputError):
            s.add(text, extraction, **fields)  # type: ignore[arg-type]
    assert s.counts() == {"documents": 0, "entities": 0, "quotes": 0, "roles": 0}


def test_a_document_id_no_document_can_have(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.document("d0\x00")
    with pytest.raises(InvalidInputError):
        store.find_document("d0\x00", "text")
    with pytest.raises(InvalidInputError):
        store.add("text", None, doc_id="x" * 201)
    assert store.stored_ids(["d0", "d1\x00"]) == {"d0"}


def _zone(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


# Ten in the morning in Karachi is five in UTC; four in the morning in São Paulo is seven:
# the later wall-clock time is the earlier instant.
KARACHI = datetime(2025, 5, 1, 10, 0, tzinfo=_zone(5))
SAO_PAULO = datetime(2025, 5, 1, 4, 0, tzinfo=_zone(-3))


@pytest.fixture
def zoned(database_url: str) -> Store:
    s = open_store(database_url)
    for doc_id, when in (("karachi", KARACHI), ("sao-paulo", SAO_PAULO)):
        text, extraction = report("Anna Berg", "Nordic Press Agency", f"{doc_id} is calm")
        s.add(text, extraction, doc_id=doc_id, published_at=when)
    return s


def test_since_and_until_are_instants(zoned: Store) -> None:
    def found(**window: datetime) -> list[str]:
        return [i["document_id"] for i in zoned.quotes(**window)[0]]  # type: ignore[arg-type]

    assert found() == ["sao-paulo", "karachi"]  # newest instant first
    six_utc = datetime(2025, 5, 1, 6, 0, tzinfo=timezone.utc)
    assert found(since=six_utc) == ["sao-paulo"]
    assert found(until=six_utc) == ["karachi"]
    assert found(since=datetime(2025, 5, 1, 9, 0, tzinfo=_zone(5))) == ["sao-paulo", "karachi"]
    assert found(since=datetime(2025, 5, 1, 3, 30, tzinfo=_zone(-3))) == ["sao-paulo"]
    assert found(since=datetime(2025, 5, 1, 6, 0)) == ["sao-paulo"]  # no offset: UTC
    seen, cursor = [], None
    while True:
        page, cursor = zoned.quotes(limit=1, cursor=cursor)
        seen += [i["document_id"] for i in page]
        if cursor is None:
            break
    assert seen == ["sao-paulo", "karachi"]


def test_a_document_reads_back_in_its_own_offset(zoned: Store) -> None:
    assert zoned.document("karachi")["published_at"] == "2025-05-01T10:00:00+05:00"
    assert zoned.document("sao-paulo")["published_at"] == "2025-05-01T04:00:00-03:00"
    [row] = zoned.iter_documents(["karachi"])  # what re-indexing stores again
    assert row["published_at"] == KARACHI and row["published_at"].utcoffset() == KARACHI.utcoffset()


def test_quotes_and_roles_report_the_instant_in_utc(zoned: Store) -> None:
    items, _ = zoned.quotes()
    assert [i["published_at"] for i in items] == [
        "2025-05-01T07:00:00+00:00",
        "2025-05-01T05:00:00+00:00",
    ]
    [role] = items[0]["speaker"]["roles"]
    assert (role["first_seen"], role["last_seen"]) == (
        "2025-05-01T05:00:00+00:00",
        "2025-05-01T07:00:00+00:00",
    )


def test_a_time_without_an_offset_is_utc(database_url: str) -> None:
    s = open_store(database_url)
    text, extraction = report("Anna Berg", "Nordic Press Agency", "noon is noon")
    s.add(text, extraction, doc_id="naive", published_at=datetime(2025, 5, 1, 12, 0))
    assert s.document("naive")["published_at"] == "2025-05-01T12:00:00+00:00"


def test_a_time_beyond_the_calendar_in_utc_is_invalid_input(database_url: str) -> None:
    s = open_store(database_url)
    text, extraction = report("Anna Berg", "Nordic Press Agency", "time ends")
    with pytest.raises(InvalidInputError, match="published_at"):
        s.add(text, extraction, published_at=datetime(9999, 12, 31, 23, 0, tzinfo=_zone(-5)))
    with pytest.raises(InvalidInputError, match="since"):
        s.quotes(since=datetime(1, 1, 1, tzinfo=_zone(5)))


def test_an_archive_before_offsets_gains_the_column(tmp_path: Path) -> None:
    """Migration 0005 adds the offset to an older archive, whose times read back in
    UTC; the step can be undone."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, text

    import extractor.archive.store as store_module

    url = f"sqlite:///{tmp_path / 'old.db'}"
    s = open_store(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store_module.__file__).parent / "migrations"))
    with s.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert "published_offset" not in {c["name"] for c in inspect(s.engine).get_columns("documents")}
    with s.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (id, content_hash, text, status, published_at, created_at)"
                " VALUES ('old', 'h', 'old text', 'error', '2025-05-01 05:00:00.000000',"
                " '2025-05-01 05:00:00.000000')"
            )
        )
    s = open_store(url)
    assert s.document("old")["published_at"] == "2025-05-01T05:00:00+00:00"
