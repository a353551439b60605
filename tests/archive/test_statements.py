"""Statements in the archive: the versions of one statement across documents and
languages share a ``statement_id`` (Store._link_statements), and Store.statement gives
them earliest first. Run against SQLite and PostgreSQL alike (see ``database_url``).
The articles were written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extractor import Extractor
from extractor.archive.store import NewDocument, NotFoundError, Store, open_store

pytestmark = [pytest.mark.model, pytest.mark.store]

MAY = datetime(2025, 5, 2, 9, tzinfo=timezone.utc)
EMBASSIES = [
    (
        "en-1",
        "en",
        "Foreign Minister Jeyhun Bayramov said that Azerbaijan will open three new "
        "embassies in Africa next year.\n\nHe also said the talks with Armenia continue.",
        MAY,
        "Report",
    ),
    (
        "ru-1",
        "ru",
        "Министр иностранных дел Джейхун Байрамов заявил, что Азербайджан откроет три "
        "новых посольства в Африке в следующем году.",
        MAY + timedelta(days=1),
        "Trend",
    ),
    (
        "az-1",
        "az",
        "Xarici işlər naziri Ceyhun Bayramov bildirib ki, Azərbaycan gələn il Afrikada üç "
        "yeni səfirlik açacaq.",
        MAY + timedelta(days=1, hours=2),
        "APA",
    ),
    # The same speaker on another matter, in numbers of its own.
    (
        "en-2",
        "en",
        "Foreign Minister Jeyhun Bayramov said that the budget of the ministry will grow "
        "by 5 percent.",
        MAY + timedelta(days=2),
        "Report",
    ),
    # Another speaker says what the first said.
    (
        "en-3",
        "en",
        "President Ilham Aliyev said that Azerbaijan will open three new embassies in "
        "Africa next year.",
        MAY + timedelta(days=2),
        "Report",
    ),
]


def _documents(extractor: Extractor) -> list[NewDocument]:
    return [
        NewDocument(
            text,
            extractor.extract(text, language=language),
            doc_id=doc_id,
            published_at=when,
            source=source,
        )
        for doc_id, language, text, when, source in EMBASSIES
    ]


def _statements(store: Store) -> dict[tuple[str, str], int | None]:
    items, _ = store.quotes(limit=100)
    return {(q["document_id"], q["text"][:25]): q["statement_id"] for q in items}


def _check_links(store: Store) -> None:
    found = _statements(store)
    embassies = {
        found[("en-1", "Azerbaijan will open thre")],
        found[("ru-1", "Азербайджан откроет три н")],
        found[("az-1", "Azərbaycan gələn il Afrik")],
    }
    assert len(embassies) == 1 and None not in embassies
    [statement] = embassies
    # Another statement of the same document, of the same speaker, of another speaker.
    assert found[("en-1", "the talks with Armenia co")] != statement
    assert found[("en-2", "the budget of the ministr")] != statement
    assert found[("en-3", "Azerbaijan will open thre")] != statement


def test_versions_across_languages_share_a_statement(
    database_url: str, extractor: Extractor
) -> None:
    store = open_store(database_url)
    for doc in _documents(extractor):
        store.add(
            doc.text,
            doc.extraction,
            doc_id=doc.doc_id,
            published_at=doc.published_at,
            source=doc.source,
        )
    _check_links(store)


def test_one_batch_links_its_documents_as_one_by_one(
    database_url: str, extractor: Extractor
) -> None:
    store = open_store(database_url)
    store.add_many(_documents(extractor))
    _check_links(store)


def test_a_statement_lists_its_versions_earliest_first(
    database_url: str, extractor: Extractor
) -> None:
    store = open_store(database_url)
    store.add_many(list(reversed(_documents(extractor))))  # stored last first
    statement_id = _statements(store)[("ru-1", "Азербайджан откроет три н")]
    assert statement_id is not None
    statement = store.statement(statement_id)
    assert [v["document_id"] for v in statement["versions"]] == ["en-1", "ru-1", "az-1"]
    assert statement["first"]["document_id"] == "en-1"
    assert statement["first"]["speaker"]["name"] == "Jeyhun Bayramov"
    assert statement["languages"] == ["en", "ru", "az"]
    assert statement["sources"] == ["Report", "Trend", "APA"]
    assert statement["count"] == 3
    # At most ``limit`` versions: the earliest.
    assert [v["document_id"] for v in store.statement(statement_id, limit=2)["versions"]] == [
        "en-1",
        "ru-1",
    ]


def test_statements_far_apart_in_time_are_not_linked(
    database_url: str, extractor: Extractor
) -> None:
    store = open_store(database_url)
    first, later = _documents(extractor)[:2]
    later.published_at = MAY + timedelta(days=200)
    store.add_many([first, later])
    found = _statements(store)
    assert (
        found[("en-1", "Azerbaijan will open thre")] != found[("ru-1", "Азербайджан откроет три н")]
    )


def test_an_unknown_statement_is_not_found(database_url: str, extractor: Extractor) -> None:
    store = open_store(database_url)
    for statement_id in (1, 0, -5, 2**70):
        with pytest.raises(NotFoundError):
            store.statement(statement_id)


def test_deleting_a_version_keeps_the_others(database_url: str, extractor: Extractor) -> None:
    store = open_store(database_url)
    store.add_many(_documents(extractor)[:3])
    statement_id = _statements(store)[("az-1", "Azərbaycan gələn il Afrik")]
    assert statement_id is not None
    store.delete_document("en-1")
    assert [v["document_id"] for v in store.statement(statement_id)["versions"]] == [
        "ru-1",
        "az-1",
    ]


def test_a_statement_filter_beyond_the_databases_integers_finds_nothing(
    database_url: str, extractor: Extractor
) -> None:
    store = open_store(database_url)
    store.add_many(_documents(extractor)[:1])
    for statement_id in (0, -1, 2**31, 2**70):
        assert store.quotes(statement=statement_id)[0] == []
