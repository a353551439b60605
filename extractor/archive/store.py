"""The who-said-what archive: documents, their extractions, entities, roles and quotes.

One module over SQLAlchemy 2 Core. SQLite (a file, WAL mode, FTS5 full-text indexes on
quote and document text) is the embedded default; PostgreSQL (``tsvector`` columns with
GIN indexes) is used when ``EXTRACTOR_DATABASE_URL`` points at it. The schema is made
and upgraded by Alembic (``extractor/archive/migrations``); :func:`open_store` runs the
migrations.

Entities are shared across documents by their canonical ``key``
(:func:`linking.entity_key`): "Rasim Baghirov", "Rasim Bağırov" and "Расим Багиров"
are one row, with every spelling as an alias. All SQL is parameterized.

Writes are safe to run at the same time from many threads and processes: documents,
entities and aliases are inserted with ``ON CONFLICT DO NOTHING``, so that two writers
of one document store it once (the second learns it was stored already), and two
writers naming one new entity make one row. A writer naming an entity holds its lock
(shared; a writer making a new person holds the person's surname lock alone), and
deleting a document removes the entities no other document names under the same locks,
held alone: an entity is never deleted while a document naming it is being stored.

Documents are written in batches (:meth:`Store.add_many`; :meth:`Store.add` is a batch
of one): one transaction and a few statements per batch (multi-row inserts, COPY on
PostgreSQL), with the entities resolved as if the documents were added one by one in
order, so that both give the same rows and ids. Instants are stored in UTC; a document
also keeps the UTC offset its ``published_at`` was given with.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic_core import PydanticSerializationError
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    case,
    create_engine,
    event,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from ..entities.linking import name_key, romanize, same_name_key, surname_skeleton
from ..errors import (
    InvalidInputError,
    NotFoundError,
    StoreUnavailableError,
)
from ..schema import Extraction
from .context import WINDOW, sentence_context

if TYPE_CHECKING:
    from ..quotes.statements import Said

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("published_at", DateTime(timezone=True)),
    # Minutes east of UTC that published_at was given in (published_at itself is stored
    # in UTC); null for a time given without an offset (migration 0005).
    Column("published_offset", SmallInteger),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("extraction", Text),
    Column("status", String(10), nullable=False),
    Column("error", Text),
    Column("extractor_version", String(40)),
    Column("models", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
# A document's place in time: its publication, else the time it was stored (as its
# quotes are dated). Documents are listed newest first by it, then by id (migration 0006).
document_time = func.coalesce(documents.c.published_at, documents.c.created_at)
Index("ix_documents_order", document_time, documents.c.id)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(400), nullable=False, unique=True),
    Column("type", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("code", String(8)),
    # A person's surname skeleton (entities.linking.surname_skeleton): the names a new
    # spelling is compared with (migration 0003).
    Column("skeleton", String(60)),
    Index("ix_entities_type", "type"),
    Index("ix_entities_skeleton", "type", "skeleton"),
)
aliases = Table(
    "aliases",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("alias", String(400), nullable=False),
    Column("folded", String(400), nullable=False),
    UniqueConstraint("entity_id", "alias", name="uq_aliases_entity_alias"),
    Index("ix_aliases_folded", "folded"),
)
document_entities = Table(
    "document_entities",
    metadata,
    Column(
        "document_id",
        String(200),
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Index("ix_document_entities_entity", "entity_id"),
)
roles = Table(
    "roles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE")),
    Column("person_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("organization_id", Integer, ForeignKey("entities.id")),
    Column("country_id", Integer, ForeignKey("entities.id")),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("evidence", Text),
    Index("ix_roles_person", "person_id"),
    # A person's roles by time: the one held at a quote's time (migration 0006).
    Index("ix_roles_person_time", "person_id", "published_at"),
    Index("ix_roles_organization", "organization_id"),
    Index("ix_roles_country", "country_id"),
    Index("ix_roles_document", "document_id"),
)
quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE")),
    Column("local_id", String(20), nullable=False),
    Column("speaker_id", Integer, ForeignKey("entities.id")),
    Column("speaker_mention", Text),
    # The mention's name key, for quotes whose speaker is no entity ("Cey Allard", a
    # name the model did not tag): a speaker search finds them too (migration 0003).
    Column("speaker_folded", String(400)),
    Column("speaker_kind", String(12)),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", Text),
    Column("confidence", Float, nullable=False),
    Column("language", String(8)),
    Column("published_at", DateTime(timezone=True), nullable=False),
    # The statement it is a version of (migration 0008): null for quotes stored before.
    Column("statement_id", Integer),
    Index("ix_quotes_order", "published_at", "id"),
    Index("ix_quotes_statement", "statement_id"),
    Index("ix_quotes_speaker", "speaker_id", "published_at"),
    Index("ix_quotes_document", "document_id"),
)

# Statements: what the quotes that are versions of one thing share (migration 0008).
statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
# A new statement is compared with the statements its speaker made within this time of
# it, by their latest versions (STATEMENT_CANDIDATES of each speaker at most).
STATEMENT_WINDOW = timedelta(days=30)
STATEMENT_CANDIDATES = 20

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "TITLE")

# The largest id an INTEGER primary key holds: 32 bits on PostgreSQL, 64 on SQLite.
MAX_ID = {"postgresql": 2**31 - 1, "sqlite": 2**63 - 1}
# What no database stores or searches: a NUL, or half of a surrogate pair.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# How often a document is inserted again when the stored one it met is deleted meanwhile
# (by a writer replacing it), and a batch written again when an entity it names was
# deleted meanwhile or it met another writer in a deadlock.
_INSERT_ATTEMPTS = 5
# PostgreSQL's SQLSTATE for a transaction it rolled back to break a deadlock.
_DEADLOCK = "40P01"

_T = TypeVar("_T")


def content_hash(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def folded(name: str, kind: str = "PERSON", language: str | None = None) -> str:
    """The form aliases are searched by: a person's phonetic name key (read as the
    document's language reads it: Azerbaijani "Ceyhun" is "Jeyhun"), else the romanized
    name."""
    return name_key(name, language) if kind == "PERSON" else romanize(name)


# Case endings of a Russian surname in a query, and its nominative ("Багирова",
# "Багирову", "Багировым", "Багирове" -> "Багиров"; "Алиевой" -> "Алиева").
_RUSSIAN_SURNAME_CASES = (
    ("овой", "ова"),
    ("евой", "ева"),
    ("иной", "ина"),
    ("ову", "ов"),
    ("еву", "ев"),
    ("ину", "ин"),
    ("овым", "ов"),
    ("евым", "ев"),
    ("иным", "ин"),
    ("ове", "ов"),
    ("еве", "ев"),
    ("ине", "ин"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ина", "ин"),
)


def query_forms(query: str) -> set[str]:
    """The forms a speaker query is searched by: as written, read as a Turkic Latin
    alphabet reads it ("Ceyhun" is "Jeyhun"), a Russian name in the nominative of its
    dictionary readings ("Гордона Брауна" finds "Гордон Браун"), and with a Russian
    surname's case ending taken off ("Багирова" finds "Багиров"; a woman's "Алиева"
    also her own name)."""
    from ..entities.inflection import name_readings  # (spaCy's types: imported when asked)

    # (Russian is often typed without "ё": "Депардьё" finds "Депардье".)
    variants = set(name_readings(query))
    if "ё" in query:
        variants |= set(name_readings(query.replace("ё", "е")))
    words = query.split()
    if words:
        last = words[-1]
        for ending, nominative in _RUSSIAN_SURNAME_CASES:
            if last.lower().endswith(ending) and len(last) > len(ending) + 2:
                variants.add(" ".join([*words[:-1], last[: -len(ending)] + nominative]))
                break
    forms = {folded(v, "PERSON", language) for v in variants for language in (None, "az")}
    return (forms | {romanize(v) for v in variants}) - {""}


@dataclass
class NewDocument:
    """A document to store (:meth:`Store.add_many`): its text, its extraction (None where
    extraction failed, with the ``error`` that stopped it) and its metadata; ``doc_id``
    is by default a hash of the text."""

    text: str
    extraction: Extraction | None
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published_at: datetime | None = None
    error: str | None = None
    # The extraction as JSON, made once by check_document and kept for the row.
    _json: str | None = dataclasses.field(default=None, init=False, repr=False, compare=False)


@dataclass
class StoredDocument:
    id: str
    created: bool  # False when the document was already stored (same id or same text)


def check_document(item: NewDocument) -> None:
    """InvalidInputError for a document no database can store: a NUL character or a
    lone surrogate in any of its strings, an id longer than 200 characters, or a
    ``published_at`` beyond the calendar in UTC."""
    if item.extraction is not None and item._json is None:
        item._json = _extraction_json(item.extraction)
    _require_storable_document(
        None,
        text=item.text,
        id=item.doc_id,
        url=item.url,
        title=item.title,
        source=item.source,
        error=item.error,
    )
    if item.published_at is not None:
        _utc(item.published_at, "published_at")


@dataclass
class PreparedDocument:
    """A checked document as the rows it is stored in, all but its entities' ids, which
    only the store gives (:meth:`Store.add_prepared`). Plain data, made by
    :func:`prepare` in any process and cheap to send to another. Entities, aliases,
    roles and quotes name entities by their local ids ("e1")."""

    row: dict[str, Any]  # the documents row, but for the time it is stored
    # (local id, key, type, name, code, surname skeleton), in the order writers lock them
    entities: list[tuple[str, str, str, str, str | None, str | None]]
    locks: list[str]  # the lock of each entity, in that order
    mentions: list[int]  # how often each entity is mentioned, in that order
    aliases: list[tuple[str, str, str]]  # (local id, alias, folded)
    roles: list[dict[str, Any]]  # person, organization and country by local id
    quotes: list[dict[str, Any]]  # the speaker by local id

    @property
    def failed(self) -> bool:
        """Whether extraction failed (the document is stored with its error)."""
        return self.row["status"] != "ok"


def prepare(item: NewDocument) -> PreparedDocument:
    """A document made into its rows (:class:`PreparedDocument`), after
    :func:`check_document` (InvalidInputError for one no database holds)."""
    check_document(item)
    row = _document_row(item)
    x = item.extraction
    if x is None:
        return PreparedDocument(row, [], [], [], [], [], [])
    # Each entity's key, skeleton and lock made once; the entities in the order writers
    # take their locks: by lock name, then key.
    named = []
    for e in x.entities:
        key = e.key[:400]
        skeleton = person_skeleton(e.type, key)
        named.append((_lock_of(key, skeleton), e.key, key, skeleton, e))
    named.sort(key=lambda n: n[:2])
    return PreparedDocument(
        row,
        [(e.id, key, e.type, e.name, e.code, skeleton) for _, _, key, skeleton, e in named],
        [lock for lock, *_ in named],
        [len(e.mentions) for *_, e in named],
        [
            (e.id, n[:400], folded(n, e.type, x.language)[:400])
            for *_, e in named
            for n in {e.name, *(m.text for m in e.mentions)}
        ],
        _role_rows(x),
        _quote_rows(x),
    )


class Store:
    """The archive on one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.max_id = MAX_ID.get(self.dialect, MAX_ID["postgresql"])

    # --- writing ---------------------------------------------------------------------

    def find_document(self, doc_id: str | None, text_: str) -> str | None:
        """The id of the stored document with this id or this exact text."""
        _require_storable("id", doc_id)
        _require_storable("text", text_)
        with self.engine.connect() as conn:
            return self._stored_id(conn, doc_id or "", content_hash(text_))

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that are stored already (in chunks)."""
        found: set[str] = set()
        chunk: list[str] = []
        with self.engine.connect() as conn:
            for doc_id in [*ids, None]:
                if doc_id is not None and _storable(doc_id):
                    chunk.append(doc_id)
                if chunk and (doc_id is None or len(chunk) >= 500):
                    rows = conn.execute(select(documents.c.id).where(documents.c.id.in_(chunk)))
                    found.update(r[0] for r in rows)
                    chunk = []
        return found

    def add(
        self,
        text_: str,
        extraction: Extraction | None,
        *,
        doc_id: str | None = None,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        published_at: datetime | None = None,
        error: str | None = None,
        replace: bool = False,
    ) -> StoredDocument:
        """Store one document with its extraction (or the error that stopped it) in one
        transaction: :meth:`add_many` of one document. Idempotent, also between writers
        at the same time: a document with the same id or the same text is stored once,
        and every other writer gets the stored id with ``created=False`` (``replace``
        re-stores it, for re-indexing). Raises InvalidInputError for a string no
        database can hold (a NUL character)."""
        item = NewDocument(
            text_,
            extraction,
            doc_id=doc_id,
            url=url,
            title=title,
            source=source,
            published_at=published_at,
            error=error,
        )
        return self._write([prepare(item)], replace=replace)[0]

    def add_many(self, items: Iterable[NewDocument]) -> list[StoredDocument]:
        """Store a batch of documents in one transaction and few statements (multi-row
        inserts; COPY on PostgreSQL): the same documents, entities, aliases, roles and
        quotes, with the same ids, as :meth:`add` of each in turn. A document stored
        already (same id or same text, also earlier in the batch) is skipped: its
        result has the stored id and ``created=False``. One result per item, in order.
        Every item is checked first (:func:`check_document`): InvalidInputError naming
        the item's ``index`` stores none of them."""
        prepared = []
        for index, item in enumerate(items):
            try:
                prepared.append(prepare(item))
            except InvalidInputError as exc:
                raise exc.at_index(index, "document") from None
        return self._write(prepared)

    def add_prepared(self, items: Sequence[PreparedDocument]) -> list[StoredDocument]:
        """:meth:`add_many` of documents made into rows already (:func:`prepare`, perhaps
        in other processes, as ``extractor load`` does)."""
        return self._write(items)

    def _write(
        self, items: Sequence[PreparedDocument], *, replace: bool = False
    ) -> list[StoredDocument]:
        """Store prepared documents in one transaction, again from the start where an
        entity one names was deleted meanwhile or another batch writer met this one in
        a deadlock (PostgreSQL)."""
        if not items:
            return []
        now = datetime.now(timezone.utc)
        rows = [{**item.row, "created_at": now} for item in items]
        for _ in range(_INSERT_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    self._defer_text_index(conn)
                    written = rows
                    if replace:  # each under the id of the one it replaces, if any
                        written = [
                            {
                                **row,
                                "id": self._delete(conn, row["id"], row["content_hash"])
                                or row["id"],
                            }
                            for row in rows
                        ]
                    results = self._insert_documents(conn, written)
                    self._index_many(
                        conn,
                        [
                            (row["id"], item, row["published_at"] or now)
                            for row, item, result in zip(written, items, results, strict=True)
                            if result.created and not item.failed
                        ],
                    )
                    self._index_text(conn, [r.id for r in results if r.created])
                return results
            except _EntityGone:
                continue  # (rolled back) an entity it named was deleted meanwhile
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) != _DEADLOCK:
                    raise
                continue  # (rolled back) two batches met on each other's documents
        raise StoreUnavailableError(
            "other writers keep deleting the entities these documents name, or meeting "
            "them in a deadlock; try again",
            id=rows[0]["id"],
        )

    def _defer_text_index(self, conn: Connection) -> None:
        """SQLite: the insert triggers of the full-text indexes rest until
        :meth:`_index_text` (migration 0007), which fills them in one statement each."""
        if self.dialect == "sqlite":
            conn.exec_driver_sql("INSERT INTO fts_deferred (writer) VALUES (1)")

    def _index_text(self, conn: Connection, doc_ids: Sequence[str]) -> None:
        """SQLite: the full-text index entries of the new documents ``doc_ids`` and of
        their quotes, and the insert triggers at work again (PostgreSQL's indexes are
        generated columns, filled as the rows went in)."""
        if self.dialect != "sqlite":
            return
        for chunk in _chunks(doc_ids, 500):
            marks = ", ".join("?" for _ in chunk)
            for table, key in (("documents", "id"), ("quotes", "document_id")):
                conn.exec_driver_sql(
                    f"INSERT INTO {table}_fts (rowid, text) "
                    f"SELECT rowid, text FROM {table} WHERE {key} IN ({marks})",
                    tuple(chunk),
                )
        conn.exec_driver_sql("DELETE FROM fts_deferred")

    def _stored_id(
        self, conn: Connection, doc_id: str, digest: str, *, lock: bool = False
    ) -> str | None:
        """The id of the stored document with this id or this text's hash; ``lock`` holds
        its row to the end of the transaction (PostgreSQL; SQLite has one writer)."""
        stmt = select(documents.c.id).where(
            or_(documents.c.id == doc_id, documents.c.content_hash == digest)
        )
        row = conn.execute(stmt.with_for_update() if lock else stmt).first()
        return row[0] if row else None

    def _insert_documents(
        self, conn: Connection, rows: Sequence[dict[str, Any]]
    ) -> list[StoredDocument]:
        """Insert the document ``rows`` in order, in one statement: each goes in unless a
        document with its id or text is stored (by another writer, perhaps at this very
        moment, or by an earlier row), whose id it then gets with ``created=False``."""
        results: list[StoredDocument | None] = [None] * len(rows)
        pending = list(range(len(rows)))
        insert = self._insert_or_ignore(documents).returning(
            documents.c.id, documents.c.content_hash
        )
        for _ in range(_INSERT_ATTEMPTS):
            inserted = {(r[0], r[1]) for r in conn.execute(insert, [rows[i] for i in pending])}
            rest = []
            for i in pending:
                made = (rows[i]["id"], rows[i]["content_hash"])
                if made in inserted:
                    inserted.discard(made)  # (a row the same as an earlier one met it)
                    results[i] = StoredDocument(made[0], created=True)
                else:
                    rest.append(i)
            by_id, by_hash = self._stored_documents(conn, [rows[i] for i in rest])
            pending = []
            for i in rest:
                stored = by_id.get(rows[i]["id"]) or by_hash.get(rows[i]["content_hash"])
                if stored is None:  # deleted since it met it (by a writer replacing it)
                    pending.append(i)
                else:
                    results[i] = StoredDocument(stored, created=False)
            if not pending:
                return [r for r in results if r is not None]
        raise StoreUnavailableError(
            "other writers keep replacing this document; try again", id=rows[pending[0]]["id"]
        )

    def _stored_documents(
        self, conn: Connection, rows: Sequence[dict[str, Any]]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """The stored documents with the ids or texts of ``rows``: ids by id, and by
        content hash."""
        by_id: dict[str, str] = {}
        by_hash: dict[str, str] = {}
        for chunk in _chunks(rows, 500):
            ids = [r["id"] for r in chunk]
            digests = [r["content_hash"] for r in chunk]
            for stored, digest in conn.execute(
                select(documents.c.id, documents.c.content_hash).where(
                    or_(documents.c.id.in_(ids), documents.c.content_hash.in_(digests))
                )
            ):
                by_id[stored] = stored
                by_hash[digest] = stored
        return by_id, by_hash

    def _insert_or_ignore(self, table: Table, *conflict: str) -> Any:
        """``INSERT ... ON CONFLICT DO NOTHING`` into ``table``: on the unique index of the
        ``conflict`` columns, or on any unique index where none are named."""
        elements = list(conflict) or None
        if self.dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing(index_elements=elements)
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=elements)

    def _append(
        self,
        conn: Connection,
        table: Table,
        rows: Sequence[dict[str, Any]],
        *,
        unless: Sequence[str] = (),
    ) -> None:
        """Insert ``rows`` (dicts with the same keys) into ``table`` in order: by COPY on
        PostgreSQL through psycopg 3, else in one executemany (SQLite: the driver's,
        each value converted by its column's type as SQLAlchemy would). With ``unless``
        (the columns of a unique index), a row whose values there are stored already is
        left out (ON CONFLICT DO NOTHING; no COPY then)."""
        if not rows:
            return
        if self.dialect == "sqlite":  # the driver's executemany, values through the types
            columns = list(rows[0])
            quote = conn.dialect.identifier_preparer.quote
            conflict = (
                f" ON CONFLICT ({', '.join(map(quote, unless))}) DO NOTHING" if unless else ""
            )
            sql = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)}){conflict}"
            )
            values = [list(row.values()) for row in rows]
            dialect = conn.dialect
            for i, c in enumerate(columns):
                bind = table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
                if bind is not None:  # (each value once: a document's rows share their time)
                    done: dict[Any, Any] = {}
                    for v in values:
                        if v[i] not in done:
                            done[v[i]] = bind(v[i])
                        v[i] = done[v[i]]
            conn.exec_driver_sql(sql, list(map(tuple, values)))
            return
        if unless:
            conn.execute(self._insert_or_ignore(table, *unless), list(rows))
            return
        if conn.dialect.driver != "psycopg":
            conn.execute(table.insert(), list(rows))
            return
        columns = list(rows[0])
        quote = conn.dialect.identifier_preparer.quote
        copy = f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
        driver_conn: Any = conn.connection.driver_connection
        with driver_conn.cursor() as cursor, cursor.copy(copy) as sink:
            for row in rows:
                sink.write_row([row[c] for c in columns])

    def _delete(self, conn: Connection, doc_id: str, digest: str) -> str | None:
        """Delete the document with this id or text and all it indexed; its id, if any.
        Writers replacing one document take turns: the next finds it replaced (not there
        to delete), and its insert then meets the new one."""
        stored = self._stored_id(conn, doc_id, digest, lock=True)
        if stored is not None:
            for table in (quotes, roles, document_entities):
                conn.execute(table.delete().where(table.c.document_id == stored))
            conn.execute(documents.delete().where(documents.c.id == stored))
        return stored

    def _lock(self, conn: Connection, name: str, *, shared: bool = False) -> None:
        """Hold the lock ``name`` to the end of the transaction, alone or ``shared``
        with other holders of it in shared mode (PostgreSQL; a SQLite writer holds the
        whole database). Every transaction takes its locks in the order of their names,
        and each name in one mode only, so that none waits for another in a circle."""
        self._locks(conn, {name: shared})

    def _locks(self, conn: Connection, names: dict[str, bool]) -> None:
        """Hold the locks ``names`` (each alone, or shared where its value is true) to
        the end of the transaction, taken in the order of their names in one statement
        (PostgreSQL; see :meth:`_lock`)."""
        if self.dialect != "postgresql" or not names:
            return
        ordered = sorted(names)
        conn.execute(
            text(
                "SELECT count(CASE WHEN s THEN pg_advisory_xact_lock_shared(n)::text "
                "ELSE pg_advisory_xact_lock(n)::text END) "
                "FROM unnest(CAST(:numbers AS bigint[]), CAST(:shared AS boolean[])) AS t(n, s)"
            ).bindparams(
                numbers=[_lock_number(name) for name in ordered],
                shared=[names[name] for name in ordered],
            )
        )

    def _lock_entities(
        self, conn: Connection, docs: Sequence[PreparedDocument], stored: dict[str, int]
    ) -> set[str]:
        """Take the lock of each entity the documents name (``stored``: the ids of those
        stored when looked for): shared, unless a document is to make a new person,
        whose surname lock the writer then takes alone (:meth:`_index_many`); the names
        held alone."""
        if self.dialect != "postgresql":
            return set()
        names: dict[str, bool] = {}
        for doc in docs:
            for (_, key, *_), name in zip(doc.entities, doc.locks, strict=True):
                new_person = name.startswith("skeleton:") and key not in stored
                names[name] = names.get(name, True) and not new_person
        self._locks(conn, names)
        return {name for name, shared in names.items() if not shared}

    def _ids_by_key(self, conn: Connection, keys: Iterable[str]) -> dict[str, int]:
        """The ids of the stored entities with these keys."""
        found: dict[str, int] = {}
        for chunk in _chunks(sorted(set(keys)), 500):
            rows = conn.execute(
                select(entities.c.key, entities.c.id).where(entities.c.key.in_(chunk))
            )
            found.update((key, int(eid)) for key, eid in rows)
        return found

    def _people_by_skeleton(
        self, conn: Connection, skeletons: Iterable[str]
    ) -> dict[str, list[tuple[int, str]]]:
        """The stored people with these surname skeletons: (id, name key), by id."""
        found: dict[str, list[tuple[int, str]]] = {}
        for chunk in _chunks(sorted(set(skeletons)), 500):
            rows = conn.execute(
                select(entities.c.skeleton, entities.c.id, entities.c.key)
                .where(entities.c.type == "PERSON", entities.c.skeleton.in_(chunk))
                .order_by(entities.c.id)
            )
            for skeleton, eid, key in rows:
                found.setdefault(skeleton, []).append((int(eid), key.removeprefix("person:")))
        return found

    def _index_many(
        self, conn: Connection, docs: Sequence[tuple[str, PreparedDocument, datetime]]
    ) -> None:
        """Index the extractions of new documents (id, prepared document, time), in
        order, as one by one: each document's entities in one order (by lock name, then
        key), each found by its key or, for a person, as another spelling of a person
        stored or made earlier (:func:`same_name_key` with the people of the same
        surname skeleton, oldest first), else made, new ones in one statement; then
        aliases (in one sorted statement, so that two writers never wait for each other
        in a circle), mentions, roles and quotes.

        On PostgreSQL the writer holds each entity's lock (:meth:`_lock_entities`); a
        person it looked for under a lock held shared, and that is gone, was deleted
        since: :class:`_EntityGone`."""
        if not docs:
            return
        prepared = [doc for _, doc, _ in docs]
        keys = {key for doc in prepared for _, key, *_ in doc.entities}
        stored = self._ids_by_key(conn, keys)
        alone: set[str] = set()
        if self.dialect == "postgresql":
            alone = self._lock_entities(conn, prepared, stored)
            stored = self._ids_by_key(conn, keys)  # as they are under the locks
        people = self._people_by_skeleton(
            conn,
            {
                skeleton
                for doc in prepared
                for _, key, _, _, _, skeleton in doc.entities
                if skeleton and key not in stored
            },
        )
        # Entities still to make get ids -1, -2, ... until they are made.
        by_key = dict(stored)
        new: list[dict[str, Any]] = []
        doc_ids: list[dict[str, int]] = []
        for doc in prepared:
            ids: dict[str, int] = {}
            for local, key, kind, name, code, skeleton in doc.entities:
                eid = by_key.get(key)
                if eid is None and skeleton:
                    # One writer at a time adds a person with this skeleton, so that two
                    # spellings stored at once are compared as well.
                    if self.dialect == "postgresql" and f"skeleton:{skeleton}" not in alone:
                        raise _EntityGone(key)
                    names = key.removeprefix("person:")
                    eid = next(
                        (i for i, other in people.get(skeleton, []) if same_name_key(names, other)),
                        None,
                    )
                if eid is None:
                    eid = -1 - len(new)
                    new.append(
                        {"key": key, "type": kind, "name": name, "code": code, "skeleton": skeleton}
                    )
                    by_key[key] = eid
                    if skeleton:
                        people.setdefault(skeleton, []).append((eid, key.removeprefix("person:")))
                ids[local] = eid
            doc_ids.append(ids)
        made = self._make_entities(conn, new)
        alias_rows: dict[tuple[int, str], str] = {}
        mention_rows: list[dict[str, Any]] = []
        role_rows: list[dict[str, Any]] = []
        quote_rows: list[dict[str, Any]] = []
        for (doc_id, doc, when), local_ids in zip(docs, doc_ids, strict=True):
            ids = {k: made[v] if v < 0 else v for k, v in local_ids.items()}
            mentions: dict[int, int] = {}  # two entities of a document may share a key
            for (local, *_), n in zip(doc.entities, doc.mentions, strict=True):
                mentions[ids[local]] = mentions.get(ids[local], 0) + n
            for local, alias, fold in doc.aliases:
                alias_rows.setdefault((ids[local], alias), fold)
            mention_rows += [
                {"document_id": doc_id, "entity_id": k, "mentions": n} for k, n in mentions.items()
            ]
            role_rows += [
                {
                    "document_id": doc_id,
                    "person_id": ids[r["person"]],
                    "title": r["title"],
                    "organization_id": ids.get(r["organization"]),
                    "country_id": ids.get(r["country"]),
                    "published_at": when,
                    "evidence": r["evidence"],
                }
                for r in doc.roles
            ]
            quote_rows += [
                {
                    "document_id": doc_id,
                    **q,
                    "speaker_id": ids.get(q["speaker_id"]),
                    "published_at": when,
                }
                for q in doc.quotes
            ]
        self._append(
            conn,
            aliases,
            [
                {"entity_id": eid, "alias": alias, "folded": alias_rows[(eid, alias)]}
                for eid, alias in sorted(alias_rows)
            ],
            unless=("entity_id", "alias"),
        )
        self._append(conn, document_entities, mention_rows)
        self._append(conn, roles, role_rows)
        self._link_statements(conn, quote_rows)
        self._append(conn, quotes, quote_rows)

    def _link_statements(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        """Give each new quote row its ``statement_id`` (in place of the document's own
        ``statement``): the quotes of one statement of a document are versions of a
        stored statement where :func:`~extractor.quotes.statements.best_statement` finds
        one among the statements their speaker (an entity) made within
        ``STATEMENT_WINDOW`` (by their latest versions, including those of documents
        earlier in the batch); else of a new statement. Quotes without a speaker entity
        are linked within their document only."""
        from ..nlp import sentences
        from ..quotes.statements import Said, best_statement

        if not rows:
            return
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault((row["document_id"], row.pop("statement")), []).append(row)
        times = [_naive_utc(r["published_at"]) for r in rows]
        known = self._statement_candidates(
            conn,
            {r["speaker_id"] for r in rows if r["speaker_id"]},
            _shifted(min(times), -STATEMENT_WINDOW),
            _shifted(max(times), STATEMENT_WINDOW),
        )
        vectors = sentences.sentence_vectors if sentences.available() else None
        new_count = 0
        for members in groups.values():
            speakers = {m["speaker_id"] for m in members if m["speaker_id"]}
            speaker = next(iter(speakers)) if len(speakers) == 1 else None
            when = _naive_utc(members[0]["published_at"])
            versions = [Said(m["text"], m["language"] or "") for m in members]
            statement = None
            if speaker is not None:
                near = [
                    (sid, said)
                    for sid, at, said in known.get(speaker, [])
                    if abs(at - when) <= STATEMENT_WINDOW
                ]
                statement = best_statement(versions, near, vectors)
            if statement is None:
                new_count += 1
                statement = -new_count  # made below
            for m in members:
                m["statement_id"] = statement
            if speaker is not None:
                # The speaker's latest quotes, this batch's with the stored ones.
                latest = known.setdefault(speaker, [])
                latest.extend((statement, when, v) for v in versions)
                latest.sort(key=lambda k: k[1])
                del latest[:-STATEMENT_CANDIDATES]
        if new_count:
            made = conn.execute(
                statements.insert().returning(statements.c.id, sort_by_parameter_order=True),
                [{"created_at": datetime.now(timezone.utc)} for _ in range(new_count)],
            )
            ids = [int(i) for i in made.scalars()]
            for row in rows:
                if row["statement_id"] < 0:
                    row["statement_id"] = ids[-1 - row["statement_id"]]

    def _statement_candidates(
        self, conn: Connection, speakers: set[int], since: datetime, until: datetime
    ) -> dict[int, list[tuple[int, datetime, Said]]]:
        """Each speaker's latest stored quotes (``STATEMENT_CANDIDATES`` at most) from
        ``since`` to ``until``: (statement id, time, the quote as statements compare it)."""
        from ..quotes.statements import Said

        found: dict[int, list[tuple[int, datetime, Said]]] = {}
        if not speakers:
            return found
        rank = (
            func.row_number()
            .over(
                partition_by=quotes.c.speaker_id,
                order_by=(quotes.c.published_at.desc(), quotes.c.id.desc()),
            )
            .label("rank")
        )
        for chunk in _chunks(sorted(speakers)):
            latest = (
                select(
                    quotes.c.speaker_id,
                    quotes.c.statement_id,
                    quotes.c.published_at,
                    quotes.c.text,
                    quotes.c.language,
                    rank,
                )
                .where(
                    quotes.c.speaker_id.in_(chunk),
                    quotes.c.statement_id.is_not(None),
                    quotes.c.published_at >= since.replace(tzinfo=timezone.utc),
                    quotes.c.published_at <= until.replace(tzinfo=timezone.utc),
                )
                .subquery()
            )
            for r in conn.execute(
                select(latest).where(latest.c.rank <= STATEMENT_CANDIDATES)
            ).mappings():
                found.setdefault(r["speaker_id"], []).append(
                    (
                        r["statement_id"],
                        _naive_utc(r["published_at"]),
                        Said(r["text"], r["language"] or ""),
                    )
                )
        return found

    def _make_entities(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[int, int]:
        """Insert the new entity ``rows`` in order (ids in that order); the id of each by
        its stand-in (-1 for the first row, -2 for the next, ...). Another writer making
        one of them at the same time (PostgreSQL: under the lock held shared) makes the
        one row both get."""
        if not rows:
            return {}
        insert = self._insert_or_ignore(entities, "key").returning(entities.c.key, entities.c.id)
        ids = {key: int(eid) for key, eid in conn.execute(insert, list(rows))}
        missing = [r["key"] for r in rows if r["key"] not in ids]
        if missing:
            ids.update(self._ids_by_key(conn, missing))
        return {-1 - n: ids[r["key"]] for n, r in enumerate(rows)}

    # --- reading ---------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any]:
        """A stored document; its ``published_at`` in the offset it was given with."""
        row = None
        if _storable(doc_id):
            with self.engine.connect() as conn:
                row = (
                    conn.execute(select(documents).where(documents.c.id == doc_id))
                    .mappings()
                    .first()
                )
        if row is None:
            raise NotFoundError(f"no document with id {doc_id!r}", id=doc_id)
        published = _published(row["published_at"], row["published_offset"])
        return {
            "id": row["id"],
            "url": row["url"],
            "title": row["title"],
            "source": row["source"],
            "published_at": published.isoformat() if published else None,
            "language": row["language"],
            "status": row["status"],
            "error": row["error"],
            "extractor_version": row["extractor_version"],
            "models": json.loads(row["models"]) if row["models"] else {},
            "created_at": _iso(row["created_at"]),
            "text": row["text"],
            "extraction": json.loads(row["extraction"]) if row["extraction"] else None,
        }

    def documents(
        self,
        *,
        source: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        language: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Stored documents, newest first: by publication time, else the time they were
        stored (:data:`document_time`, which ``since`` and ``until`` filter too), then
        by id; keyset pagination. Each with its metadata and how many quotes it holds;
        ``published_at`` in the offset it was given with."""
        for field, value in (("source", source), ("language", language)):
            _require_storable(field, value)
        conditions: list[Any] = []
        if source:
            conditions.append(documents.c.source == source)
        if language:
            conditions.append(documents.c.language == language)
        if since:
            conditions.append(document_time >= _utc(since, "since"))
        if until:
            conditions.append(document_time < _utc(until, "until"))
        if cursor:
            at, last_id = _decode_document_cursor(cursor)
            conditions.append(
                or_(document_time < at, and_(document_time == at, documents.c.id < last_id))
            )
        quote_count = (
            select(func.count())
            .select_from(quotes)
            .where(quotes.c.document_id == documents.c.id)
            .scalar_subquery()
        )
        stmt = (
            select(
                documents.c.id,
                documents.c.title,
                documents.c.url,
                documents.c.source,
                documents.c.published_at,
                documents.c.published_offset,
                documents.c.language,
                documents.c.status,
                documents.c.created_at,
                document_time.label("at"),
                quote_count.label("quote_count"),
            )
            .where(*conditions)
            .order_by(document_time.desc(), documents.c.id.desc())
            .limit(limit + 1)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt).mappings())
        page = rows[:limit]
        items = []
        for r in page:
            items.append(
                {
                    "id": r["id"],
                    "title": r["title"],
                    "url": r["url"],
                    "source": r["source"],
                    "published_at": _iso_in(r["published_at"], r["published_offset"]),
                    "language": r["language"],
                    "status": r["status"],
                    "stored_at": _iso(r["created_at"]),
                    "quote_count": int(r["quote_count"]),
                }
            )
        next_cursor = None
        if len(rows) > limit and page:
            next_cursor = _encode_cursor(page[-1]["at"], page[-1]["id"])
        return items, next_cursor

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document with all it indexed (its extraction, quotes, roles and
        mentions) and every entity it named that is named nowhere else any more (with
        its aliases), in one transaction; False where no document has this id. The
        same text can be stored again afterwards.

        An entity is deleted under its lock held alone (:meth:`_lock`), which writers
        naming it hold shared: a document naming it that is being stored meanwhile
        either committed first (and the entity is kept) or waits, and then makes it
        anew."""
        if not _storable(doc_id) or len(doc_id) > 200:
            return False
        with self.engine.begin() as conn:
            stmt = select(documents.c.id).where(documents.c.id == doc_id)
            if conn.execute(stmt.with_for_update()).first() is None:
                return False
            named: set[int] = set()
            for table, columns in (
                (quotes, (quotes.c.speaker_id,)),
                (roles, (roles.c.person_id, roles.c.organization_id, roles.c.country_id)),
                (document_entities, (document_entities.c.entity_id,)),
            ):
                deleted = table.delete().where(table.c.document_id == doc_id).returning(*columns)
                for row in conn.execute(deleted):
                    named.update(int(v) for v in row if v is not None)
            gone = conn.execute(
                documents.delete().where(documents.c.id == doc_id).returning(documents.c.id)
            ).first()
            if gone is None:  # (SQLite) deleted by another writer since it looked
                return False
            self._delete_orphans(conn, named)
        return True

    def _delete_orphans(self, conn: Connection, candidates: set[int]) -> None:
        """Delete the entities among ``candidates`` that no document names (no mention,
        role or quote), with their aliases; under their locks, held alone."""
        if not candidates:
            return
        ids = sorted(candidates)
        names: set[str] = set()
        for chunk in _chunks(ids):
            for row in conn.execute(
                select(entities.c.type, entities.c.key, entities.c.skeleton).where(
                    entities.c.id.in_(chunk)
                )
            ):
                names.add(_lock_name(row[0], row[1]))
                if row[0] == "PERSON" and row[2]:
                    # (the skeleton a person was stored with, should the rule have changed)
                    names.add(f"skeleton:{row[2]}")
        for name in sorted(names):
            self._lock(conn, name)
        # A new statement: it sees what writers that held these locks committed.
        me = entities.c.id
        orphan = and_(
            ~exists().where(document_entities.c.entity_id == me),
            ~exists().where(
                or_(
                    roles.c.person_id == me,
                    roles.c.organization_id == me,
                    roles.c.country_id == me,
                )
            ),
            ~exists().where(quotes.c.speaker_id == me),
        )
        for chunk in _chunks(ids):
            orphans = [r[0] for r in conn.execute(select(me).where(me.in_(chunk), orphan))]
            if orphans:
                conn.execute(aliases.delete().where(aliases.c.entity_id.in_(orphans)))
                conn.execute(entities.delete().where(entities.c.id.in_(orphans)))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in (
                    ("documents", documents),
                    ("entities", entities),
                    ("quotes", quotes),
                    ("roles", roles),
                )
            }

    def outdated(self, version: str) -> list[str]:
        """Ids of documents extracted by another extractor version (or that failed), or
        with quotes stored before statements were linked (no ``statement_id``)."""
        unlinked = exists().where(
            quotes.c.document_id == documents.c.id, quotes.c.statement_id.is_(None)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents.c.id).where(
                    or_(
                        documents.c.extractor_version.is_(None),
                        documents.c.extractor_version != version,
                        unlinked,
                    )
                )
            )
            return [r[0] for r in rows]

    def matching_entities(self, query: str, kind: str | None = None) -> list[int]:
        """Entities with an alias (any script or spelling) naming ``query``: the whole
        alias, or a word of it ("Baghirov" finds "Rasim Bağırov" and "Расим Багиров")."""
        _require_storable("query", query)
        keys = query_forms(query)
        conditions = []
        for k in keys:
            conditions += [
                aliases.c.folded == k,
                aliases.c.folded.like(_like(k) + " %", escape="\\"),
                aliases.c.folded.like("% " + _like(k), escape="\\"),
                aliases.c.folded.like("% " + _like(k) + " %", escape="\\"),
            ]
        if not conditions:
            return []
        stmt = (
            select(aliases.c.entity_id)
            .join(entities, entities.c.id == aliases.c.entity_id)
            .where(or_(*conditions))
            .distinct()
        )
        if kind:
            stmt = stmt.where(entities.c.type == kind)
        with self.engine.connect() as conn:
            found = {int(r[0]) for r in conn.execute(stmt)}
            # A full name in another case or spelling ("Расима Багирова"): the aliases
            # that end in its surname, where the names are one by the identity rules.
            full = [k for k in keys if len(k.split()) >= 2]
            surnames = {k.split()[-1] for k in full}
            if surnames:
                near = select(aliases.c.entity_id, aliases.c.folded).where(
                    or_(*(aliases.c.folded.like("% " + _like(w), escape="\\") for w in surnames))
                )
                if kind:
                    near = near.join(entities, entities.c.id == aliases.c.entity_id).where(
                        entities.c.type == kind
                    )
                for entity_id, alias in conn.execute(near):
                    if any(same_name_key(k, alias) for k in full):
                        found.add(int(entity_id))
            return sorted(found)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        organization: str | None = None,
        country: str | None = None,
        q: str | None = None,
        language: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: int | None = None,
        statement: int | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Quotes, newest first, filtered; keyset pagination by (published_at, id).
        ``statement`` keeps the versions of one statement.
        ``since`` and ``until`` are instants (a time without an offset is in UTC); each
        quote's ``published_at`` is its document's, in UTC. ``entity`` keeps the quotes
        :meth:`timeline` counts for that entity (NotFoundError for an unknown one).

        Each quote comes with its speaker (and all their roles), the ``role`` the
        speaker held at the quote's time (:meth:`_quote_details`), its ``document``
        (id, title, url, publication time in its own offset) and its ``context``, the
        sentence(s) around it in the document's text."""
        for field, value in (
            ("speaker", speaker),
            ("organization", organization),
            ("country", country),
            ("q", q),
            ("language", language),
        ):
            _require_storable(field, value)
        conditions: list[Any] = []
        if speaker:
            ids = self.matching_entities(speaker, "PERSON")
            # A speaker the model named no entity, by its mention's name key.
            unnamed = [
                condition
                for k in query_forms(speaker)
                for condition in (
                    quotes.c.speaker_folded == k,
                    quotes.c.speaker_folded.like("% " + _like(k), escape="\\"),
                )
            ]
            by_entity = quotes.c.speaker_id.in_(ids or [-1])
            conditions.append(
                or_(by_entity, and_(quotes.c.speaker_id.is_(None), or_(*unnamed)))
                if unnamed
                else by_entity  # a query with no name in it ("%")
            )
        for value, column in (
            (organization, roles.c.organization_id),
            (country, roles.c.country_id),
        ):
            if value:
                kind = "ORGANIZATION" if column is roles.c.organization_id else "COUNTRY"
                # People holding a post there, or the organization speaking itself.
                ids = self._entity_ids(value, kind) or [-1]
                held = select(roles.c.person_id).where(column.in_(ids))
                conditions.append(or_(quotes.c.speaker_id.in_(held), quotes.c.speaker_id.in_(ids)))
        if entity is not None:
            with self.engine.connect() as conn:
                conditions.append(self._said_by(self._require_entity(conn, entity)))
        if q:
            conditions.append(self._full_text(q))
        if statement is not None:
            # An id no column holds (beyond the database's integers) is no statement's.
            in_range = 1 <= statement <= self.max_id
            conditions.append(quotes.c.statement_id == statement if in_range else false())
        if language:
            conditions.append(quotes.c.language == language)
        if since:
            conditions.append(quotes.c.published_at >= _utc(since, "since"))
        if until:
            conditions.append(quotes.c.published_at < _utc(until, "until"))
        if cursor:
            at, last_id = _decode_cursor(cursor, self.max_id)
            conditions.append(
                or_(
                    quotes.c.published_at < at,
                    and_(quotes.c.published_at == at, quotes.c.id < last_id),
                )
            )
        stmt = (
            select(
                quotes,
                entities.c.name.label("speaker_name"),
                entities.c.key.label("speaker_key"),
                documents.c.title.label("document_title"),
                documents.c.url.label("document_url"),
                documents.c.published_at.label("document_published_at"),
                documents.c.published_offset.label("document_offset"),
            )
            .outerjoin(entities, entities.c.id == quotes.c.speaker_id)
            .outerjoin(documents, documents.c.id == quotes.c.document_id)
            .where(*conditions)
            .order_by(quotes.c.published_at.desc(), quotes.c.id.desc())
            .limit(limit + 1)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt).mappings())
            page = rows[:limit]
            speaker_roles = self._roles_of(conn, {r["speaker_id"] for r in page if r["speaker_id"]})
            role_at, context = self._quote_details(conn, page)
        items = [
            {
                "id": r["id"],
                "text": r["text"],
                "kind": r["kind"],
                "document_id": r["document_id"],
                "start": r["start"],
                "end": r["end"],
                "cue": r["cue"],
                "language": r["language"],
                "published_at": _iso(r["published_at"]),
                "confidence": r["confidence"],
                "statement_id": r["statement_id"],
                "speaker_mention": r["speaker_mention"],
                "speaker_kind": r["speaker_kind"],
                "speaker": (
                    {
                        "id": r["speaker_id"],
                        "name": r["speaker_name"],
                        "key": r["speaker_key"],
                        "roles": speaker_roles.get(r["speaker_id"], []),
                    }
                    if r["speaker_id"]
                    else None
                ),
                "role": role_at.get(r["id"]),
                "document": {
                    "id": r["document_id"],
                    "title": r["document_title"],
                    "url": r["document_url"],
                    "published_at": _iso_in(r["document_published_at"], r["document_offset"]),
                },
                "context": context.get(r["id"]),
            }
            for r in page
        ]
        next_cursor = None
        if len(rows) > limit and page:
            last = page[-1]
            next_cursor = _encode_cursor(last["published_at"], last["id"])
        return items, next_cursor

    def statement(self, statement_id: int, *, limit: int = 1000) -> dict[str, Any]:
        """A statement: its versions (quotes, as :meth:`quotes` gives them), earliest
        first, at most ``limit`` (the earliest); who carried it first (``first``), in
        which languages and by which sources (each once, in order of first version).
        NotFoundError where no stored quote is a version of it."""
        if not 1 <= statement_id <= self.max_id:
            raise NotFoundError(f"no statement {statement_id}", id=statement_id)
        with self.engine.connect() as conn:
            earliest = conn.execute(
                select(quotes.c.published_at, quotes.c.id)
                .where(quotes.c.statement_id == statement_id)
                .order_by(quotes.c.published_at, quotes.c.id)
                .offset(limit - 1)
                .limit(1)
            ).first()
            count = conn.execute(
                select(func.count()).where(quotes.c.statement_id == statement_id)
            ).scalar_one()
        if not count:
            raise NotFoundError(f"no statement {statement_id}", id=statement_id)
        # The ``limit`` earliest versions: newest first up to the last of them, reversed.
        cursor = (
            _encode_cursor(earliest[0], earliest[1] + 1) if earliest and count > limit else None
        )
        versions, _ = self.quotes(statement=statement_id, cursor=cursor, limit=limit)
        versions.reverse()
        documents_ = {v["document_id"]: v["document"] for v in versions}
        sources = self._sources(list(documents_))
        return {
            "id": statement_id,
            "versions": versions,
            "count": count,
            "first": versions[0],
            "languages": list(dict.fromkeys(v["language"] for v in versions if v["language"])),
            "sources": list(
                dict.fromkeys(sources[d] for d in documents_ if sources.get(d) is not None)
            ),
        }

    def _sources(self, doc_ids: Sequence[str]) -> dict[str, str | None]:
        """The source (publisher or feed) of each document."""
        found: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                stmt = select(documents.c.id, documents.c.source).where(documents.c.id.in_(chunk))
                found.update({r[0]: r[1] for r in conn.execute(stmt)})
        return found

    def _quote_details(
        self, conn: Connection, page: Sequence[Any]
    ) -> tuple[dict[int, dict[str, Any] | None], dict[int, str | None]]:
        """For each quote of ``page`` (by id): the role its speaker held at the quote's
        time, and its context.

        The role at the time is the one the quote's own document gives the speaker,
        else the one seen last before it (a role is known from the documents that state
        it); None where no document states one by then. The context is read from the
        text around the quote (:data:`context.WINDOW` characters each side, cut in the
        database)."""
        ids = [int(r["id"]) for r in page]
        role_of: dict[int, int | None] = {}
        context: dict[int, str | None] = {}
        start = case((quotes.c.start > WINDOW, quotes.c.start - WINDOW), else_=0)
        same_document = (
            select(roles.c.id)
            .where(
                roles.c.person_id == quotes.c.speaker_id,
                roles.c.document_id == quotes.c.document_id,
            )
            .order_by(roles.c.id)
            .limit(1)
            .correlate(quotes)
            .scalar_subquery()
        )
        seen_last = (
            select(roles.c.id)
            .where(
                roles.c.person_id == quotes.c.speaker_id,
                roles.c.published_at <= quotes.c.published_at,
            )
            .order_by(roles.c.published_at.desc(), roles.c.id.desc())
            .limit(1)
            .correlate(quotes)
            .scalar_subquery()
        )
        role_at = func.coalesce(same_document, seen_last)
        length = quotes.c.end - start + WINDOW
        for chunk in _chunks(ids):
            stmt = (
                select(
                    quotes.c.id,
                    quotes.c.start,
                    quotes.c.end,
                    quotes.c.language,
                    role_at.label("role_id"),
                    start.label("window_start"),
                    length.label("window_length"),
                    func.substr(documents.c.text, start + 1, length).label("window"),
                )
                .select_from(quotes.outerjoin(documents, documents.c.id == quotes.c.document_id))
                .where(quotes.c.id.in_(chunk))
            )
            for r in conn.execute(stmt).mappings():
                role_of[r["id"]] = r["role_id"]
                window, offset = r["window"], r["window_start"]
                context[r["id"]] = (
                    sentence_context(
                        window,
                        r["start"] - offset,
                        r["end"] - offset,
                        r["language"],
                        cut_before=offset > 0,
                        cut_after=len(window) >= r["window_length"],
                    )
                    if window is not None
                    else None
                )
        found = self._roles_by_id(conn, {i for i in role_of.values() if i is not None})
        return {q: found.get(i) if i is not None else None for q, i in role_of.items()}, context

    def _roles_by_id(self, conn: Connection, role_ids: set[int]) -> dict[int, dict[str, Any]]:
        """Stored roles by id: the title, organization and country (names and ids), the
        document that states it and that document's time."""
        org = entities.alias("org")
        country = entities.alias("country")
        out: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(sorted(role_ids)):
            stmt = (
                select(
                    roles.c.id,
                    roles.c.title,
                    roles.c.organization_id,
                    org.c.name.label("organization"),
                    roles.c.country_id,
                    country.c.name.label("country"),
                    roles.c.document_id,
                    roles.c.published_at,
                )
                .outerjoin(org, org.c.id == roles.c.organization_id)
                .outerjoin(country, country.c.id == roles.c.country_id)
                .where(roles.c.id.in_(chunk))
            )
            for r in conn.execute(stmt).mappings():
                out[r["id"]] = {
                    "title": r["title"],
                    "organization": r["organization"],
                    "organization_id": r["organization_id"],
                    "country": r["country"],
                    "country_id": r["country_id"],
                    "document_id": r["document_id"],
                    "seen_at": _iso(r["published_at"]),
                }
        return out

    def _said_by(self, entity: dict[str, Any]) -> Any:
        """The condition on quotes that ``entity`` (a row) said: a person's (or any
        entity's) own; for an organization or a country also those of the people who
        hold a post there (as the ``organization`` and ``country`` filters)."""
        own = quotes.c.speaker_id == entity["id"]
        column = {"ORGANIZATION": roles.c.organization_id, "COUNTRY": roles.c.country_id}.get(
            entity["type"]
        )
        if column is None:
            return own
        held = select(roles.c.person_id).where(column == entity["id"])
        return or_(own, quotes.c.speaker_id.in_(held))

    def _month(self, column: Any) -> Any:
        """An instant's month in UTC, "YYYY-MM" (constants written into the statement,
        so that PostgreSQL sees one expression in its select list and GROUP BY)."""
        if self.dialect == "postgresql":
            return func.to_char(
                func.timezone(literal_column("'UTC'"), column), literal_column("'YYYY-MM'")
            )
        return func.strftime(literal_column("'%Y-%m'"), column)

    def timeline(self, entity_id: int, *, roles_limit: int = 500) -> dict[str, Any]:
        """An entity over time: its quotes per month (UTC; months with quotes, oldest
        first) as :meth:`_said_by` counts them, the first and last time a document
        names it (the documents' :data:`document_time`), and the roles it holds or that
        are held there (grouped by person, title, organization and country, each with
        the first and last time a document states it; the ``roles_limit`` seen last).
        NotFoundError for an unknown entity."""
        with self.engine.connect() as conn:
            row = self._require_entity(conn, entity_id)
            month = self._month(quotes.c.published_at).label("month")
            months = [
                {"month": r[0], "quotes": int(r[1])}
                for r in conn.execute(
                    select(month, func.count())
                    .where(self._said_by(row))
                    .group_by(month)
                    .order_by(month)
                )
            ]
            first, last, n_docs = conn.execute(
                select(func.min(document_time), func.max(document_time), func.count())
                .select_from(
                    document_entities.join(
                        documents, documents.c.id == document_entities.c.document_id
                    )
                )
                .where(document_entities.c.entity_id == entity_id)
            ).one()
            held = self._roles_over_time(conn, row, roles_limit)
        return {
            "id": row["id"],
            "name": row["name"],
            "type": row["type"],
            "first_seen": _iso(first),
            "last_seen": _iso(last),
            "documents": int(n_docs),
            "quotes": sum(m["quotes"] for m in months),
            "months": months,
            "roles": held,
        }

    def _roles_over_time(
        self, conn: Connection, entity: dict[str, Any], limit: int
    ) -> list[dict[str, Any]]:
        """The roles a person held, or held at an organization or in a country, grouped
        by (person, title, organization, country); the ``limit`` seen last, oldest
        first."""
        column = {
            "PERSON": roles.c.person_id,
            "ORGANIZATION": roles.c.organization_id,
            "COUNTRY": roles.c.country_id,
        }.get(entity["type"])
        if column is None:
            return []
        person = entities.alias("person")
        org = entities.alias("org")
        country = entities.alias("country")
        first = func.min(roles.c.published_at).label("first_seen")
        last = func.max(roles.c.published_at).label("last_seen")
        stmt = (
            select(
                roles.c.person_id,
                person.c.name.label("person"),
                roles.c.title,
                roles.c.organization_id,
                org.c.name.label("organization"),
                roles.c.country_id,
                country.c.name.label("country"),
                first,
                last,
                func.count(func.distinct(roles.c.document_id)).label("documents"),
            )
            .join(person, person.c.id == roles.c.person_id)
            .outerjoin(org, org.c.id == roles.c.organization_id)
            .outerjoin(country, country.c.id == roles.c.country_id)
            .where(column == entity["id"])
            .group_by(
                roles.c.person_id,
                person.c.name,
                roles.c.title,
                roles.c.organization_id,
                org.c.name,
                roles.c.country_id,
                country.c.name,
            )
            .order_by(last.desc(), roles.c.person_id, roles.c.title)
            .limit(limit)
        )
        rows = [
            {
                **dict(r),
                "first_seen": _iso(r["first_seen"]),
                "last_seen": _iso(r["last_seen"]),
                "documents": int(r["documents"]),
            }
            for r in conn.execute(stmt).mappings()
        ]
        return sorted(rows, key=lambda r: (r["first_seen"] or "", r["last_seen"] or ""))

    def _entity_ids(self, value: str, kind: str) -> list[int]:
        if kind == "COUNTRY" and len(value) == 2 and value.isalpha():
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(entities.c.id).where(
                        entities.c.type == "COUNTRY", entities.c.code == value.upper()
                    )
                )
                found = [int(r[0]) for r in rows]
            if found:
                return found
        return self.matching_entities(value, kind)

    def _full_text(self, q: str) -> Any:
        words = [w for w in q.split() if w.strip('"')]
        if not words:
            raise InvalidInputError("the full-text query q is empty")
        if self.dialect == "sqlite":
            # Each word a quoted FTS5 string: user input is never FTS5 syntax.
            match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            hits = text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :match").bindparams(
                match=match
            )
            return quotes.c.id.in_(hits.columns(rowid=Integer))
        return text("quotes.tsv @@ plainto_tsquery('simple', :ftsq)").bindparams(
            ftsq=" ".join(words)
        )

    def _roles_of(self, conn: Connection, person_ids: set[int]) -> dict[int, list[dict[str, Any]]]:
        if not person_ids:
            return {}
        org = entities.alias("org")
        country = entities.alias("country")
        stmt = (
            select(
                roles.c.person_id,
                roles.c.title,
                org.c.name.label("organization"),
                country.c.name.label("country"),
                func.min(roles.c.published_at).label("first_seen"),
                func.max(roles.c.published_at).label("last_seen"),
            )
            .outerjoin(org, org.c.id == roles.c.organization_id)
            .outerjoin(country, country.c.id == roles.c.country_id)
            .where(roles.c.person_id.in_(person_ids))
            .group_by(roles.c.person_id, roles.c.title, org.c.name, country.c.name)
        )
        out: dict[int, list[dict[str, Any]]] = {}
        for r in conn.execute(stmt).mappings():
            out.setdefault(r["person_id"], []).append(
                {
                    "title": r["title"],
                    "organization": r["organization"],
                    "country": r["country"],
                    "first_seen": _iso(r["first_seen"]),
                    "last_seen": _iso(r["last_seen"]),
                }
            )
        return out

    def entities(
        self,
        *,
        kind: str | None = None,
        q: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> tuple[list[dict[str, Any]], str | None]:
        _require_storable("q", q)
        conditions: list[Any] = []
        if kind:
            if kind not in ENTITY_TYPES:
                raise InvalidInputError(
                    f"unknown entity type {kind!r}; known: {', '.join(ENTITY_TYPES)}", type=kind
                )
            conditions.append(entities.c.type == kind)
        if q:
            conditions.append(entities.c.id.in_(self.matching_entities(q) or [-1]))
        if cursor:
            conditions.append(entities.c.id > _decode_int_cursor(cursor, self.max_id))
        stmt = select(entities).where(*conditions).order_by(entities.c.id).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt).mappings())
        page = [dict(r) for r in rows[:limit]]
        next_cursor = _encode_int_cursor(page[-1]["id"]) if len(rows) > limit and page else None
        return page, next_cursor

    def _require_entity(self, conn: Connection, entity_id: int) -> dict[str, Any]:
        """The entity's row; NotFoundError where there is none (as for an id no column
        holds)."""
        row = None
        if 1 <= entity_id <= self.max_id:
            row = (
                conn.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
            )
        if row is None:
            raise NotFoundError(f"no entity with id {entity_id}", id=entity_id)
        return dict(row)

    def entity(self, entity_id: int, *, quotes_limit: int = 20) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = self._require_entity(conn, entity_id)
            names = [
                r[0]
                for r in conn.execute(
                    select(aliases.c.alias)
                    .where(aliases.c.entity_id == entity_id)
                    .order_by(aliases.c.alias)
                )
            ]
            role_list = self._roles_of(conn, {entity_id}).get(entity_id, [])
            other = document_entities.alias("other")
            mine = document_entities.alias("mine")
            co = conn.execute(
                select(
                    entities.c.id, entities.c.name, entities.c.type, func.count().label("documents")
                )
                .select_from(mine)
                .join(other, other.c.document_id == mine.c.document_id)
                .join(entities, entities.c.id == other.c.entity_id)
                .where(mine.c.entity_id == entity_id, other.c.entity_id != entity_id)
                .group_by(entities.c.id, entities.c.name, entities.c.type)
                .order_by(func.count().desc(), entities.c.id)
                .limit(10)
            ).mappings()
            co_mentioned = [dict(r) for r in co]
            n_docs = conn.execute(
                select(func.count())
                .select_from(document_entities)
                .where(document_entities.c.entity_id == entity_id)
            ).scalar_one()
        said, _ = self._quotes_by(entity_id, quotes_limit)
        return {
            **row,
            "aliases": names,
            "documents": int(n_docs),
            "roles": role_list,
            "quotes": said,
            "co_mentioned": co_mentioned,
        }

    def _quotes_by(self, entity_id: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        stmt = (
            select(quotes.c.id, quotes.c.text, quotes.c.document_id, quotes.c.published_at)
            .where(quotes.c.speaker_id == entity_id)
            .order_by(quotes.c.published_at.desc(), quotes.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = [
                {**dict(r), "published_at": _iso(r["published_at"])}
                for r in conn.execute(stmt).mappings()
            ]
        return rows, len(rows)

    def neighbourhood(self, entity_id: int, depth: int = 1, limit: int = 200) -> dict[str, Any]:
        """The entities linked to ``entity_id`` within ``depth`` steps (roles and
        co-mentions in one document), as nodes and edges; NotFoundError for an unknown
        entity."""
        nodes: dict[int, dict[str, Any]] = {}
        edges: dict[tuple[int, int, str], int] = {}
        frontier = {entity_id}
        with self.engine.connect() as conn:
            self._require_entity(conn, entity_id)
            for _ in range(depth):
                if not frontier or len(nodes) >= limit:
                    break
                nxt: set[int] = set()
                for r in conn.execute(
                    select(
                        roles.c.person_id,
                        roles.c.organization_id,
                        roles.c.country_id,
                        roles.c.title,
                    )
                    .where(
                        or_(
                            roles.c.person_id.in_(frontier),
                            roles.c.organization_id.in_(frontier),
                            roles.c.country_id.in_(frontier),
                        )
                    )
                    .limit(limit * 4)
                ):
                    for target in (r[1], r[2]):  # organization, country
                        if target is not None:
                            edges[(r[0], target, "HOLDS_ROLE")] = (
                                edges.get((r[0], target, "HOLDS_ROLE"), 0) + 1
                            )
                            nxt.update((r[0], target))
                mine = document_entities.alias("mine")
                other = document_entities.alias("other")
                for r in conn.execute(
                    select(mine.c.entity_id, other.c.entity_id, func.count())
                    .join(other, other.c.document_id == mine.c.document_id)
                    .where(mine.c.entity_id.in_(frontier), other.c.entity_id != mine.c.entity_id)
                    .group_by(mine.c.entity_id, other.c.entity_id)
                    .order_by(func.count().desc())
                    .limit(limit)
                ):
                    a, b = sorted((int(r[0]), int(r[1])))
                    edges[(a, b, "CO_MENTIONED")] = max(
                        edges.get((a, b, "CO_MENTIONED"), 0), int(r[2])
                    )
                    nxt.update((a, b))
                nodes.update({i: {} for i in frontier})
                frontier = nxt - set(nodes)
            nodes.update({i: {} for i in frontier})
            ids = list(nodes)[:limit]
            for m in conn.execute(select(entities).where(entities.c.id.in_(ids))).mappings():
                nodes[int(m["id"])] = dict(m)
        kept = {i for i in ids if nodes.get(i)}
        return {
            "nodes": [nodes[i] for i in ids if i in kept],
            "edges": [
                {"source": a, "target": b, "type": kind, "weight": w}
                for (a, b, kind), w in edges.items()
                if a in kept and b in kept
            ],
        }

    def iter_documents(self, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
        """The stored rows of these documents, ``published_at`` in its given offset."""
        with self.engine.connect() as conn:
            for doc_id in ids:
                row = (
                    conn.execute(select(documents).where(documents.c.id == doc_id))
                    .mappings()
                    .first()
                )
                if row is not None:
                    published = _published(row["published_at"], row["published_offset"])
                    yield {**dict(row), "published_at": published}


def _document_row(item: NewDocument) -> dict[str, Any]:
    """The ``documents`` row of a checked document, but for ``created_at``."""
    x = item.extraction
    digest = content_hash(item.text)
    at = item.published_at
    return {
        "id": item.doc_id or digest[:32],
        "content_hash": digest,
        "url": item.url,
        "title": item.title,
        "source": item.source,
        "published_at": _utc(at, "published_at") if at else None,
        "published_offset": _offset_minutes(at),
        "language": x.language if x else None,
        "text": item.text,
        "extraction": (item._json or _extraction_json(x)) if x else None,
        "status": "ok" if x is not None else "error",
        "error": item.error,
        "extractor_version": x.extractor_version if x else None,
        "models": json.dumps(x.models) if x else None,
    }


def _role_rows(x: Extraction) -> list[dict[str, Any]]:
    """The ``roles`` rows of an extraction, with its entities' local ids for their ids
    ("" for none), the document and the time aside."""
    by_local = {e.id: e for e in x.entities}
    return [
        {
            "person": r.person,
            "title": by_local[r.title].name,
            "organization": r.organization or "",
            "country": r.country or "",
            "evidence": r.evidence.text,
        }
        for r in x.roles
    ]


def _quote_rows(x: Extraction) -> list[dict[str, Any]]:
    """The ``quotes`` rows of an extraction, with the speaker's local id for its id
    ("" for none), the document and the time aside."""
    return [
        {
            "local_id": q.id,
            "speaker_id": q.speaker or "",
            "speaker_mention": q.speaker_mention.text if q.speaker_mention else None,
            "speaker_folded": (
                folded(q.speaker_mention.text, "PERSON", _language_at(x, q.start))[:400]
                if q.speaker_mention and not q.speaker
                else None
            ),
            "speaker_kind": q.speaker_kind,
            "text": q.text,
            "kind": q.kind,
            "start": q.start,
            "end": q.end,
            "cue": q.cue.text if q.cue else None,
            "confidence": q.confidence,
            "language": _language_at(x, q.start),
            # (the document's statement, which Store._link_statements makes an id)
            "statement": q.statement or q.id,
        }
        for q in x.quotes
    ]


def person_skeleton(kind: str, key: str) -> str | None:
    """A person's surname skeleton, by which other spellings of them are found: the
    block inside which the store (and :func:`extractor.archive.spark.resolve_people`)
    compares names with :func:`same_name_key`. None for anything else than a person's
    name of two words or more."""
    if kind == "PERSON" and key.startswith("person:"):
        return surname_skeleton(key.removeprefix("person:"))[:60] or None
    return None


def _lock_name(kind: str, key: str) -> str:
    """The lock of an entity: a person's that of their surname skeleton (the others of
    which a new spelling is compared with), any other entity's that of its key."""
    return _lock_of(key[:400], person_skeleton(kind, key[:400]))


def _lock_of(key: str, skeleton: str | None) -> str:
    """:func:`_lock_name` of an entity whose (stored) key and skeleton are known."""
    return f"skeleton:{skeleton}" if skeleton else f"key:{key}"


def _lock_number(name: str) -> int:
    """The PostgreSQL advisory lock (a signed 64-bit number) of the lock ``name``."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class _EntityGone(Exception):
    """An entity a writer found when it looked was deleted before it took its lock:
    the writer starts again."""


def _storable(value: str) -> bool:
    """Whether a database can store and search ``value``."""
    return _UNSTORABLE.search(value) is None


def _require_storable(field: str, value: str | None) -> None:
    """InvalidInputError naming ``field`` where ``value`` holds a NUL character or half
    of a surrogate pair, which no database stores or searches."""
    if value is not None and not _storable(value):
        raise InvalidInputError(
            f"{field} holds a NUL character or a lone surrogate, which is not text",
            field=field,
        )


def _require_storable_document(extraction: Extraction | None, **fields: str | None) -> None:
    """InvalidInputError for a document no database can store: a NUL character or a
    lone surrogate in any of its strings (``fields`` by name, and the extraction's), or
    an ``id`` longer than 200 characters."""
    for field, value in fields.items():
        _require_storable(field, value)
    if extraction is not None:
        for value in _strings(extraction.model_dump()):
            _require_storable("extraction", value)
    doc_id = fields.get("id")
    if doc_id is not None and len(doc_id) > 200:
        raise InvalidInputError("the document id is longer than 200 characters", id=doc_id)


def _extraction_json(extraction: Extraction) -> str:
    """The extraction as JSON; InvalidInputError where one of its strings holds what no
    database stores (:func:`_storable`). The JSON shows a NUL as an escape and cannot
    hold a lone surrogate, so every string is looked at only where it shows the one or
    failed for the other."""
    try:
        dumped: str | None = extraction.model_dump_json()
    except PydanticSerializationError:
        dumped = None
    if dumped is None or "\\u0000" in dumped:
        for value in _strings(extraction.model_dump()):
            _require_storable("extraction", value)
    if dumped is None:  # (no string was unstorable: the JSON failed for another reason)
        dumped = extraction.model_dump_json()
    return dumped


def _strings(value: Any) -> Iterator[str]:
    """Every string in nested dicts and lists (keys too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _utc(value: datetime, field: str) -> datetime:
    """The instant ``value`` denotes, in UTC (a time without an offset is in UTC);
    InvalidInputError naming ``field`` where that is beyond the calendar."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    try:
        return value.astimezone(timezone.utc)
    except OverflowError as exc:
        raise InvalidInputError(f"{field} is out of the range of dates", field=field) from exc


def _naive_utc(value: datetime) -> datetime:
    """A time as naive UTC (SQLite gives stored times back without their zone)."""
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


def _shifted(value: datetime, delta: timedelta) -> datetime:
    """``value + delta``, at the calendar's end where that runs past it."""
    try:
        return value + delta
    except OverflowError:
        return datetime.min if delta < timedelta(0) else datetime.max


def _offset_minutes(value: datetime | None) -> int | None:
    """The UTC offset of ``value`` in minutes east, or None for a time without one."""
    offset = value.utcoffset() if value is not None else None
    return None if offset is None else round(offset.total_seconds() / 60)


def _published(at: datetime | None, offset: int | None) -> datetime | None:
    """A stored instant in the UTC offset (minutes east) it was given with."""
    if at is None:
        return None
    at = _utc(at, "published_at")
    return at if offset is None else at.astimezone(timezone(timedelta(minutes=offset)))


def _language_at(x: Extraction, offset: int) -> str:
    return next((s.language for s in x.segments if s.start <= offset < s.end), x.language)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _iso(value: datetime | None) -> str | None:
    """A stored instant in ISO 8601, in UTC (SQLite gives it without an offset)."""
    return None if value is None else _utc(value, "published_at").isoformat()


def _iso_in(at: datetime | None, offset: int | None) -> str | None:
    """A stored instant in ISO 8601, in the UTC offset it was given with."""
    published = _published(at, offset)
    return published.isoformat() if published else None


def _encode_cursor(at: datetime, last_id: int | str) -> str:
    raw = json.dumps([_iso(at), last_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _bad_cursor(cursor: str) -> InvalidInputError:
    return InvalidInputError("the cursor is not one this API returned", cursor=cursor)


def _unbase64(cursor: str) -> bytes:
    return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))


def _decode_cursor(cursor: str, max_id: int) -> tuple[datetime, int]:
    """The (published_at, quote id) of a cursor :func:`_encode_cursor` made; for any
    other string (an id beyond ``max_id``, a number that is no id, a time beyond the
    calendar) InvalidInputError."""
    try:
        at, last_id = json.loads(_unbase64(cursor))
        when = _utc(datetime.fromisoformat(at), "cursor")
    except (ValueError, TypeError, OverflowError, RecursionError, InvalidInputError) as exc:
        raise _bad_cursor(cursor) from exc
    if type(last_id) is not int or not 1 <= last_id <= max_id:
        raise _bad_cursor(cursor)
    return when, last_id


def _decode_document_cursor(cursor: str) -> tuple[datetime, str]:
    """The (time, document id) of a cursor :meth:`Store.documents` made; for any other
    string InvalidInputError."""
    try:
        at, last_id = json.loads(_unbase64(cursor))
        when = _utc(datetime.fromisoformat(at), "cursor")
    except (ValueError, TypeError, OverflowError, RecursionError, InvalidInputError) as exc:
        raise _bad_cursor(cursor) from exc
    if type(last_id) is not str or not 1 <= len(last_id) <= 200 or not _storable(last_id):
        raise _bad_cursor(cursor)
    return when, last_id


def _chunks(items: Sequence[_T], size: int = 1000) -> Iterator[Sequence[_T]]:
    """``items`` in pieces small enough for one statement's parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _encode_int_cursor(value: int) -> str:
    return base64.urlsafe_b64encode(str(value).encode()).decode().rstrip("=")


def _decode_int_cursor(cursor: str, max_id: int) -> int:
    """The entity id of a cursor :func:`_encode_int_cursor` made; for any other string
    (an id beyond ``max_id``, a sign, spaces, garbage) InvalidInputError."""
    try:
        raw = _unbase64(cursor)
    except ValueError as exc:
        raise _bad_cursor(cursor) from exc
    if not raw.isdigit() or len(raw) > len(str(max_id)) or not 1 <= int(raw) <= max_id:
        raise _bad_cursor(cursor)
    return int(raw)


# --- opening and migrating ----------------------------------------------------------------


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # Writers wait their turn (up to 30 s) for the one write lock.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (default: the configured ``database_url``), migrated."""
    from ..settings import get_settings

    url = url or get_settings().database_url
    try:
        engine = make_engine(url)
        migrate(engine)
    except (ArgumentError, NoSuchModuleError, OperationalError) as exc:
        shown = make_url(url).render_as_string(hide_password=True) if "://" in url else url
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreUnavailableError(
            f"cannot open the store {shown}: {reason}", database_url=shown
        ) from exc
    return Store(engine)
