"""Checks the table tests share: exact spans, a who-said-what case compared as rows,
and optional extras that CI requires; calls run at the same time."""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from extractor import Extraction, Extractor


def assert_spans_exact(text: str, result: Extraction) -> None:
    """Every reported span's text is exactly the input between its offsets."""
    for entity in result.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text, (entity.name, m)
    for role in result.roles:
        assert text[role.evidence.start : role.evidence.end] == role.evidence.text
    for quote in result.quotes:
        if quote.pieces:
            assert " … ".join(p.text for p in quote.pieces) == quote.text
            assert (quote.pieces[0].start, quote.pieces[-1].end) == (quote.start, quote.end)
        else:
            assert text[quote.start : quote.end] == quote.text
        for span in (quote.cue, quote.speaker_mention, *quote.pieces):
            if span is not None:
                assert text[span.start : span.end] == span.text


def quote_rows(result: Extraction) -> list[tuple[str, str, str | None, str | None]]:
    """Each quote as (content, kind, speaker mention, resolved speaker's name)."""
    rows = []
    for q in result.quotes:
        speaker = result.entity(q.speaker)
        mention = q.speaker_mention.text if q.speaker_mention else None
        rows.append((q.text, q.kind, mention, speaker.name if speaker else None))
    return rows


def role_rows(result: Extraction) -> set[tuple[str, str, str | None]]:
    """Each role as (person's name, title's name, organization's or country's name)."""
    rows = set()
    for r in result.roles:
        place = result.entity(r.organization) or result.entity(r.country)
        rows.add((result.entity(r.person).name, result.entity(r.title).name, place and place.name))
    return rows


def check_case(
    extractor: Extractor,
    language: str,
    text: str,
    entities: set[tuple[str, str]],
    quotes: list[tuple[str, ...]],
    roles: set[tuple[str, str, str | None]] | None,
) -> None:
    """Extract ``text`` in ``language``: every span exact, ``entities`` (type, name)
    among those found, exactly ``quotes`` (as many columns of :func:`quote_rows` as the
    expected rows give), and exactly ``roles`` when given."""
    result = extractor.extract(text, language=language)
    assert_spans_exact(text, result)
    found = {(e.type, e.name) for e in result.entities}
    assert entities <= found, found
    width = len(quotes[0]) if quotes else 4
    assert [row[:width] for row in quote_rows(result)] == quotes
    if roles is not None:
        assert role_rows(result) == roles


def case_params(cases: list[tuple[Any, ...]], language: str | None = None) -> list[Any]:
    """``(language, text, entities, quotes, roles)`` parameters of a table of cases
    ``(id, [language,] text, entities, quotes[, roles])``; ``language`` is that of a
    table without the column."""
    params = []
    for case in cases:
        rest = (language, *case[1:]) if language else case[1:]
        roles = rest[4] if len(rest) > 4 else None
        params.append(pytest.param(*rest[:4], roles, id=case[0]))
    return params


def require_extra(module: str, extra: str, env: str) -> None:
    """Skip unless ``module`` (from the ``extra`` install) imports; where ``env`` is
    "1" (as .ci/run sets it), its absence fails instead."""
    try:
        importlib.import_module(module)
    except ImportError:
        message = f"{module} is not installed (pip install '.[{extra}]')"
        if os.environ.get(env) == "1":
            pytest.fail(message)
        pytest.skip(message)


def assert_error(response: Any, status: int, code: str) -> dict:
    """The response is an error of ``status`` in the API's one shape, with ``code``;
    its ``error`` object."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    assert body["error"]["message"] and isinstance(body["error"]["details"], dict)
    return body["error"]


T = TypeVar("T")


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Run the calls in threads released together; their results, in order (an
    exception in any of them fails the test)."""
    barrier = threading.Barrier(len(calls))
    results: list[T | None] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return [r for r in results if r is not None]
