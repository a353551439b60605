"""Reports and their extractions made by hand (no model), for the store's tests; and a
writer process that stores them from several threads and prints the id of every write
the store acknowledged, one a line:

    python -m tests.archive.reports DATABASE_URL THREADS DOCUMENTS

Every thread writes the same documents, 0 to DOCUMENTS - 1 in turn, so that writers of
one document meet; the even ones have no id of their own (their id is their text's).
"""

from __future__ import annotations

import sys
import threading

from extractor.archive.store import Store, open_store
from extractor.entities.linking import entity_key
from extractor.schema import Entity, Extraction, Quote, Role, Span


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def report(person: str, organization: str, statement: str) -> tuple[str, Extraction]:
    """ "<person>, director of the <organization>, said that <statement>." and its
    extraction: the person, the title, the organization, the role and the quote."""
    text = f"{person}, director of the {organization}, said that {statement}."
    named = [
        ("e1", "PERSON", person),
        ("e2", "TITLE", "director"),
        ("e3", "ORGANIZATION", organization),
    ]
    entities = [
        Entity(
            id=local,
            type=kind,
            name=name,
            key=entity_key(kind, name, language="en"),
            mentions=[_span(text, name)],
        )
        for local, kind, name in named
    ]
    quote = _span(text, statement)
    extraction = Extraction(
        language="en",
        text_length=len(text),
        entities=entities,
        roles=[
            Role(
                id="r1",
                person="e1",
                title="e2",
                organization="e3",
                evidence=_span(text, f"{person}, director of the {organization}"),
            )
        ],
        quotes=[
            Quote(
                id="q1",
                text=statement,
                start=quote.start,
                end=quote.end,
                kind="indirect",
                cue=_span(text, "said"),
                speaker_mention=_span(text, person),
                speaker="e1",
                speaker_kind="person",
                confidence=0.85,
            )
        ],
        extractor_version="0.0.0-test",
    )
    return text, extraction


def numbered(n: int) -> tuple[str, Extraction]:
    """Report number ``n``: one of a few people, from one of a few agencies."""
    people = ("Anna Berg", "Omar Haddad", "Lena Novak")
    agencies = ("Nordic Press Agency", "Harbour Media Board")
    return report(people[n % 3], agencies[n % 2], f"plan {n} works")


def _write(store: Store, documents: int, lock: threading.Lock) -> None:
    for n in range(documents):
        text, extraction = numbered(n)
        stored = store.add(text, extraction, doc_id=f"doc-{n}" if n % 2 else None)
        with lock:
            print(stored.id, n, int(stored.created), flush=True)


def main(url: str, threads: int, documents: int) -> None:
    """Write the numbered reports from ``threads`` threads; "ready" once the store is
    open, then "<id> <n> <created>" after each write the store acknowledged."""
    store = open_store(url)
    lock = threading.Lock()
    print("ready", flush=True)
    workers = [
        threading.Thread(target=_write, args=(store, documents, lock)) for _ in range(threads)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
