"""What the newsroom desk asks the archive: documents newest first, deleting a document
(and the entities only it named, also while others are being stored), quotes with the
role held at the time, their document and the sentence around them, and an entity's
timeline. On SQLite and PostgreSQL alike (see ``database_url``)."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any

import pytest
from sqlalchemy import func, select

from extractor.archive.context import sentence_context
from extractor.archive.store import (
    Store,
    aliases,
    document_entities,
    entities,
    open_store,
)
from extractor.errors import InvalidInputError, NotFoundError
from extractor.schema import Extraction
from tests.archive.reports import report
from tests.helpers import at_once

pytestmark = pytest.mark.store

ANNA, NORDIC, HARBOUR = "Anna Berg", "Nordic Press Agency", "Harbour Media Board"


def _at(year: int, month: int, day: int = 1, hour: int = 0, *, offset: int = 0) -> datetime:
    """A time of day, in UTC or ``offset`` hours east of it."""
    return datetime(year, month, day, hour, tzinfo=timezone(timedelta(hours=offset)))


def _without_roles(made: tuple[str, Extraction]) -> tuple[str, Extraction]:
    """A report whose extraction states no role (the person is only quoted)."""
    text, x = made
    return text, x.model_copy(update={"roles": []})


def _shifted(value: Any, by: int) -> Any:
    """Every span (a mapping with integer start and end) in ``value`` moved by ``by``."""
    if isinstance(value, list):
        return [_shifted(v, by) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _shifted(v, by) for k, v in value.items()}
    if isinstance(out.get("start"), int) and isinstance(out.get("end"), int):
        out["start"] += by
        out["end"] += by
    return out


def _between(before: str, made: tuple[str, Extraction], after: str) -> tuple[str, Extraction]:
    """A report with other sentences before and after it."""
    text, x = made
    whole = before + text + after
    data = _shifted(x.model_dump(), len(before))
    return whole, Extraction.model_validate({**data, "text_length": len(whole)})


def _entity_named(store: Store, name: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.name == name)).mappings().first()
    return dict(row) if row else None


def _unnamed_entities(store: Store) -> int:
    """How many entities no document names."""
    with store.engine.connect() as conn:
        named = select(document_entities.c.entity_id)
        return int(
            conn.execute(select(func.count()).where(entities.c.id.not_in(named))).scalar_one()
        )


# --- documents, newest first -------------------------------------------------------------


@pytest.fixture
def listed(database_url: str) -> Store:
    """Three dated documents (one in UTC+05:00), two undated ones stored after them, and
    one whose extraction failed."""
    s = open_store(database_url)
    dated = [
        ("jan", "Anna Berg", _at(2020, 1, 10), "wire", None),
        ("mar", "Omar Haddad", _at(2020, 3, 5, offset=5), "wire", None),
        ("feb", "Lena Novak", _at(2020, 2, 20), "daily", "An example"),
    ]
    for doc_id, person, when, source, title in dated:
        text, x = report(person, "Nordic Press Agency", f"the {doc_id} plan works")
        s.add(text, x, doc_id=doc_id, published_at=when, source=source, title=title)
    for doc_id in ("undated-1", "undated-2"):
        text, x = report("Anna Berg", "Harbour Media Board", f"{doc_id} is out")
        s.add(text, x, doc_id=doc_id, source="daily")
    s.add("An article the extractor refused.", None, doc_id="failed", error="no models")
    return s


def test_documents_come_newest_first_the_undated_by_the_time_they_were_stored(
    listed: Store,
) -> None:
    items, next_cursor = listed.documents()
    assert [i["id"] for i in items] == ["failed", "undated-2", "undated-1", "mar", "feb", "jan"]
    assert next_cursor is None
    by_id = {i["id"]: i for i in items}
    assert by_id["mar"]["published_at"] == "2020-03-05T00:00:00+05:00"  # as given
    assert by_id["undated-1"]["published_at"] is None
    assert by_id["feb"] == {
        "id": "feb",
        "title": "An example",
        "url": None,
        "source": "daily",
        "published_at": "2020-02-20T00:00:00+00:00",
        "language": "en",
        "status": "ok",
        "stored_at": by_id["feb"]["stored_at"],
        "quote_count": 1,
    }
    assert datetime.fromisoformat(by_id["feb"]["stored_at"]).tzinfo is not None
    assert by_id["failed"]["status"] == "error" and by_id["failed"]["quote_count"] == 0


def test_documents_page_through_every_one_once(listed: Store) -> None:
    everything, _ = listed.documents()
    for size in (1, 2, 4):
        seen: list[str] = []
        cursor = None
        while True:
            items, cursor = listed.documents(limit=size, cursor=cursor)
            assert len(items) <= size
            seen += [i["id"] for i in items]
            if cursor is None:
                break
        assert seen == [i["id"] for i in everything], size


def test_documents_filter_by_source_language_and_time(listed: Store) -> None:
    def ids(**filters: Any) -> list[str]:
        return [i["id"] for i in listed.documents(**filters)[0]]

    assert ids(source="wire") == ["mar", "jan"]
    assert ids(source="daily") == ["undated-2", "undated-1", "feb"]
    assert ids(language="en", source="daily") == ["undated-2", "undated-1", "feb"]
    assert ids(language="ru") == []
    # (the document of 5 March in UTC+05:00 was published on 4 March in UTC)
    assert ids(since=_at(2020, 2, 1), until=_at(2020, 3, 5)) == ["mar", "feb"]
    assert ids(until=_at(2020, 3, 4, 19)) == ["feb", "jan"]
    assert ids(since=_at(2020, 3, 4, 19), until=_at(2020, 4, 1)) == ["mar"]


def _cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!!",
        _cursor(["2026-01-01T00:00:00+00:00", 7]),  # a quote cursor's shape
        _cursor(["2026-01-01T00:00:00+00:00", ""]),
        _cursor(["2026-01-01T00:00:00+00:00", "x" * 201]),
        _cursor(["2026-01-01T00:00:00+00:00", "a\x00b"]),
        _cursor(["yesterday", "jan"]),
        _cursor(["0001-01-01T00:00:00+05:00", "jan"]),
        _cursor({"at": "2026-01-01T00:00:00+00:00"}),
    ],
)
def test_documents_refuse_cursors_they_never_gave(listed: Store, cursor: str) -> None:
    with pytest.raises(InvalidInputError):
        listed.documents(cursor=cursor)


def test_documents_refuse_what_no_database_holds(listed: Store) -> None:
    with pytest.raises(InvalidInputError):
        listed.documents(source="wire\x00")
    with pytest.raises(InvalidInputError):
        listed.documents(language="\ud800")


# --- deleting a document ---------------------------------------------------------------


def test_delete_removes_the_document_and_the_entities_only_it_named(database_url: str) -> None:
    store = open_store(database_url)
    anna = report("Anna Berg", "Nordic Press Agency", "the plan works")
    omar = report("Omar Haddad", "Nordic Press Agency", "the budget holds")
    store.add(*anna, doc_id="anna", published_at=_at(2026, 1, 1))
    store.add(*omar, doc_id="omar", published_at=_at(2026, 2, 1))
    gone = _entity_named(store, "Anna Berg")
    assert gone is not None

    assert store.delete_document("anna") is True
    with pytest.raises(NotFoundError):
        store.document("anna")
    assert _entity_named(store, "Anna Berg") is None
    with store.engine.connect() as conn:
        left = conn.execute(select(aliases).where(aliases.c.entity_id == gone["id"])).all()
    assert left == []
    with pytest.raises(NotFoundError):
        store.entity(gone["id"])
    # Named by the other document too: kept, with their quotes and roles.
    agency = _entity_named(store, "Nordic Press Agency")
    assert agency is not None and _entity_named(store, "director") is not None
    assert [q["document_id"] for q in store.quotes()[0]] == ["omar"]
    assert store.entity(agency["id"])["documents"] == 1
    assert store.counts() == {"documents": 1, "entities": 3, "quotes": 1, "roles": 1}
    assert _unnamed_entities(store) == 0

    assert store.delete_document("anna") is False
    for unknown in ("nope", "", "a\x00b", "x" * 201):
        assert store.delete_document(unknown) is False
    # The same text can be stored again, and names its entities anew.
    assert store.add(*anna, doc_id="anna").created is True
    assert [q["document_id"] for q in store.quotes(speaker="Anna Berg")[0]] == ["anna"]


def test_delete_a_document_whose_extraction_failed(database_url: str) -> None:
    store = open_store(database_url)
    store.add("Refused text.", None, doc_id="failed", error="no models")
    assert store.delete_document("failed") is True
    assert store.counts()["documents"] == 0


def test_delete_while_documents_naming_its_entities_are_stored(database_url: str) -> None:
    """A document deleted while others naming its person and organization are stored:
    whatever the order, the entities the new documents name are there, once."""
    store = open_store(database_url)
    writers = 6
    for n in range(4):
        person = ("Anna Berg", "Omar Haddad", "Lena Novak", "Rustam Karimov")[n]
        store.add(*report(person, f"Agency {n}", "the first plan works"), doc_id=f"base-{n}")
        calls = [partial(store.delete_document, f"base-{n}")] + [
            partial(store.add, *report(person, f"Agency {n}", f"plan {i} works"))
            for i in range(writers)
        ]
        results = at_once(calls)
        assert results[0] is True and all(r.created for r in results[1:])
        said = store.quotes(speaker=person)[0]
        assert len(said) == writers
        [speaker_id] = {q["speaker"]["id"] for q in said}
        assert store.entity(speaker_id)["documents"] == writers
        agency = _entity_named(store, f"Agency {n}")
        assert agency is not None and store.entity(agency["id"])["documents"] == writers
    assert _unnamed_entities(store) == 0


def test_documents_deleted_at_once_leave_no_entity_behind(database_url: str) -> None:
    store = open_store(database_url)
    for i in range(4):
        store.add(*report("Lena Novak", "Harbour Media Board", f"plan {i} works"), doc_id=f"d{i}")
    assert at_once([partial(store.delete_document, f"d{i}") for i in range(4)]) == [True] * 4
    assert store.counts() == {"documents": 0, "entities": 0, "quotes": 0, "roles": 0}


# --- quotes for the desk: role at the time, document, context -------------------------------


def test_each_quote_carries_the_role_its_speaker_held_at_the_time(database_url: str) -> None:
    store = open_store(database_url)
    for doc_id, made, when in (
        ("before", _without_roles(report(ANNA, NORDIC, "plan a works")), (2025, 12)),
        ("jan", report(ANNA, NORDIC, "plan b works"), (2026, 1)),
        ("feb", _without_roles(report(ANNA, HARBOUR, "plan c works")), (2026, 2)),
        ("mar", report(ANNA, HARBOUR, "plan d works"), (2026, 3)),
        ("apr", _without_roles(report(ANNA, NORDIC, "plan e works")), (2026, 4)),
    ):
        store.add(*made, doc_id=doc_id, published_at=_at(*when))
    roles = {
        q["document_id"]: q["role"] and (q["role"]["organization"], q["role"]["document_id"])
        for q in store.quotes()[0]
    }
    assert roles == {
        "before": None,  # no document states a role of hers by then
        "jan": ("Nordic Press Agency", "jan"),
        "feb": ("Nordic Press Agency", "jan"),  # the last one stated before
        "mar": ("Harbour Media Board", "mar"),  # the one its own document states
        "apr": ("Harbour Media Board", "mar"),
    }
    [mar] = [q for q in store.quotes()[0] if q["document_id"] == "mar"]
    agency = _entity_named(store, "Harbour Media Board")
    assert agency is not None
    assert mar["role"] == {
        "title": "director",
        "organization": "Harbour Media Board",
        "organization_id": agency["id"],
        "country": None,
        "country_id": None,
        "document_id": "mar",
        "seen_at": "2026-03-01T00:00:00+00:00",
    }
    # Existing fields stay as they were.
    assert {r["organization"] for r in mar["speaker"]["roles"]} == {
        "Nordic Press Agency",
        "Harbour Media Board",
    }


def test_each_quote_carries_its_document_and_the_sentence_around_it(database_url: str) -> None:
    store = open_store(database_url)
    made = _between(
        "Markets were calm on Monday. ",
        report("Anna Berg", "Nordic Press Agency", "the plan works"),
        " Trading resumes tomorrow.\n\nMore later.",
    )
    store.add(
        *made,
        doc_id="d1",
        title="Calm markets",
        url="https://example.org/d1",
        published_at=_at(2026, 5, 1, 10, offset=4),
    )
    [quote] = store.quotes()[0]
    assert quote["document"] == {
        "id": "d1",
        "title": "Calm markets",
        "url": "https://example.org/d1",
        "published_at": "2026-05-01T10:00:00+04:00",
    }
    assert quote["published_at"] == "2026-05-01T06:00:00+00:00"  # (as before: in UTC)
    assert quote["context"] == (
        "Anna Berg, director of the Nordic Press Agency, said that the plan works."
    )
    assert made[0][quote["start"] : quote["end"]] == quote["text"] == "the plan works"


def test_the_context_of_a_quote_deep_in_a_long_text_is_cut(database_url: str) -> None:
    store = open_store(database_url)
    filler = "word " * 2000
    made = _between(filler, report("Anna Berg", "Nordic Press Agency", "it works"), filler)
    store.add(*made, doc_id="long")
    [quote] = store.quotes()[0]
    context = quote["context"]
    assert "Anna Berg, director of the Nordic Press Agency, said that it works." in context
    assert context.startswith("…word") and context.endswith("word…") and len(context) < 600


def test_quotes_of_an_entity(database_url: str) -> None:
    store = open_store(database_url)
    store.add(*report("Anna Berg", "Nordic Press Agency", "plan a works"), doc_id="a")
    store.add(*report("Omar Haddad", "Nordic Press Agency", "plan b works"), doc_id="b")
    store.add(*report("Anna Berg", "Harbour Media Board", "plan c works"), doc_id="c")
    anna, agency = _entity_named(store, "Anna Berg"), _entity_named(store, "Nordic Press Agency")
    assert anna and agency
    assert {q["document_id"] for q in store.quotes(entity=anna["id"])[0]} == {"a", "c"}
    # Anna held a post there (in "a"), so her quote in "c" counts for the agency too.
    assert {q["document_id"] for q in store.quotes(entity=agency["id"])[0]} == {"a", "b", "c"}
    for unknown in (0, 999, 2**63):
        with pytest.raises(NotFoundError):
            store.quotes(entity=unknown)


# --- timelines -------------------------------------------------------------------------


def test_timeline_counts_quotes_by_month_with_roles_over_time(database_url: str) -> None:
    store = open_store(database_url)
    for doc_id, person, agency, when in (
        ("a", "Anna Berg", "Nordic Press Agency", _at(2026, 1, 5)),
        ("b", "Anna Berg", "Nordic Press Agency", _at(2026, 1, 31, 23)),
        ("c", "Anna Berg", "Harbour Media Board", _at(2026, 3, 2)),
        # 1 April 02:00 in UTC+05:00 is 31 March in UTC
        ("d", "Omar Haddad", "Nordic Press Agency", _at(2026, 4, 1, 2, offset=5)),
    ):
        store.add(*report(person, agency, f"plan {doc_id} works"), doc_id=doc_id, published_at=when)
    anna = _entity_named(store, "Anna Berg")
    agency = _entity_named(store, "Nordic Press Agency")
    assert anna and agency

    person = store.timeline(anna["id"])
    assert person["months"] == [
        {"month": "2026-01", "quotes": 2},
        {"month": "2026-03", "quotes": 1},
    ]
    assert (person["id"], person["name"], person["type"]) == (anna["id"], "Anna Berg", "PERSON")
    assert person["first_seen"] == "2026-01-05T00:00:00+00:00"
    assert person["last_seen"] == "2026-03-02T00:00:00+00:00"
    assert (person["documents"], person["quotes"]) == (3, 3)
    assert [
        (r["title"], r["organization"], r["first_seen"][:10], r["last_seen"][:10], r["documents"])
        for r in person["roles"]
    ] == [
        ("director", "Nordic Press Agency", "2026-01-05", "2026-01-31", 2),
        ("director", "Harbour Media Board", "2026-03-02", "2026-03-02", 1),
    ]

    org = store.timeline(agency["id"])
    # Its people's quotes: Anna's (in every month: she held a post there) and Omar's.
    assert org["months"] == [
        {"month": "2026-01", "quotes": 2},
        {"month": "2026-03", "quotes": 2},
    ]
    assert [(r["person"], r["title"]) for r in org["roles"]] == [
        ("Anna Berg", "director"),
        ("Omar Haddad", "director"),
    ]
    assert org["first_seen"][:10] == "2026-01-05" and org["last_seen"][:10] == "2026-03-31"
    assert sum(m["quotes"] for m in org["months"]) == len(store.quotes(entity=agency["id"])[0])

    for unknown in (0, 999, 2**63):
        with pytest.raises(NotFoundError):
            store.timeline(unknown)


# --- the sentence around a quote ---------------------------------------------------------


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.mark.parametrize(
    "language, text, quote, expected",
    [
        (
            "en",
            "Talks ended. Sen. Elizabeth Warren said that “we will not back down.” Then she left.",
            "we will not back down.",
            "Sen. Elizabeth Warren said that “we will not back down.”",
        ),
        (
            "en",
            "The U.S. Navy, J. Smith said, is ready. Next.",
            "is ready",
            "The U.S. Navy, J. Smith said, is ready.",
        ),
        (
            "en",
            "BREAKING\nAnna Berg: we stay\nThe body follows.",
            "we stay",
            "Anna Berg: we stay",
        ),
        (
            "ru",
            "Встреча прошла в Баку. «Мы продолжим работу», — заявил Расим Багиров. Далее.",
            "Мы продолжим работу",
            "«Мы продолжим работу», — заявил Расим Багиров.",
        ),
        (
            "az",
            "Tədbir başladı. Rasim Bağırov bildirib ki, əməkdaşlıq davam edir. Sonra.",
            "əməkdaşlıq davam edir",
            "Rasim Bağırov bildirib ki, əməkdaşlıq davam edir.",
        ),
        (
            "tr",
            "Toplantı bitti. Prof. Dr. Ayşe Kaya „çalışmalar sürüyor“ dedi! Sonra.",
            "çalışmalar sürüyor",
            "Prof. Dr. Ayşe Kaya „çalışmalar sürüyor“ dedi!",
        ),
        (
            "kk",
            "Жиын өтті. «Жұмыс жалғасады», – деді Асқар Мамин.\nКелесі жаңалық.",
            "Жұмыс жалғасады",
            "«Жұмыс жалғасады», – деді Асқар Мамин.",
        ),
        (
            None,
            "He said:\n\n“First paragraph.\n\nSecond one.” Applause.",
            "First paragraph.\n\nSecond one.",
            "“First paragraph. Second one.”",
        ),
    ],
)
def test_sentence_context(language: str | None, text: str, quote: str, expected: str) -> None:
    assert sentence_context(text, *_span(text, quote), language) == expected


def test_sentence_context_cuts_long_sentences_and_quotes() -> None:
    text = "a " * 400 + "X said that it works " + "b " * 400
    context = sentence_context(text, *_span(text, "it works"))
    assert context.startswith("…a a") and context.endswith("b b…")
    assert "X said that it works" in context and len(context) <= 2 * 240 + 30
    long_quote = "word " * 300
    text = "He said that " + long_quote + "and left."
    context = sentence_context(text, *_span(text, long_quote.strip()))
    assert context.startswith("He said that word") and context.endswith("word…")
    assert len(context) <= len("He said that ") + 600 + 1
    # A window cut from a longer text shows where it was cut.
    text = "tail of it said x and"
    assert sentence_context(text, *_span(text, "x"), cut_before=True, cut_after=True) == (
        "…tail of it said x and…"
    )
