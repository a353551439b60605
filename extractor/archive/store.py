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
Instants are stored in UTC; a document also keeps the UTC offset its ``published_at``
was given with.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import groupby
from pathlib import Path
from typing import Any

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
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ..entities.inflection import name_readings
from ..entities.linking import name_key, romanize, same_name_key, surname_skeleton
from ..errors import (
    InvalidInputError,
    NotFoundError,
    StoreUnavailableError,
)
from ..schema import Entity, Extraction
from .context import WINDOW, sentence_context

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
    Index("ix_quotes_order", "published_at", "id"),
    Index("ix_quotes_speaker", "speaker_id", "published_at"),
    Index("ix_quotes_document", "document_id"),
)

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "TITLE")

# The largest id an INTEGER primary key holds: 32 bits on PostgreSQL, 64 on SQLite.
MAX_ID = {"postgresql": 2**31 - 1, "sqlite": 2**63 - 1}
# What no database stores or searches: a NUL, or half of a surrogate pair.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# How often a document is inserted again when the stored one it met is deleted meanwhile
# (by a writer replacing it).
_INSERT_ATTEMPTS = 5


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
class StoredDocument:
    id: str
    created: bool  # False when the document was already stored (same id or same text)


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
        transaction. Idempotent, also between writers at the same time: a document with
        the same id or the same text is stored once, and every other writer gets the
        stored id with ``created=False`` (``replace`` re-stores it, for re-indexing).
        Raises InvalidInputError for a string no database can hold (a NUL character)."""
        _require_storable_document(
            extraction, text=text_, id=doc_id, url=url, title=title, source=source, error=error
        )
        digest = content_hash(text_)
        doc_id = doc_id or digest[:32]
        now = datetime.now(timezone.utc)
        published = _utc(published_at, "published_at") if published_at else None
        row: dict[str, Any] = {
            "content_hash": digest,
            "url": url,
            "title": title,
            "source": source,
            "published_at": published,
            "published_offset": _offset_minutes(published_at),
            "language": extraction.language if extraction else None,
            "text": text_,
            "extraction": extraction.model_dump_json() if extraction else None,
            "status": "ok" if extraction is not None else "error",
            "error": error,
            "extractor_version": extraction.extractor_version if extraction else None,
            "models": json.dumps(extraction.models) if extraction else None,
            "created_at": now,
        }
        for _ in range(_INSERT_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    stored_id = doc_id
                    if replace:
                        stored_id = self._delete(conn, doc_id, digest) or doc_id
                    stored = self._insert_document(conn, {"id": stored_id, **row})
                    if stored is not None:
                        return StoredDocument(stored, created=False)
                    if extraction is not None:
                        self._index(conn, stored_id, extraction, published or now)
                return StoredDocument(stored_id, created=True)
            except _EntityGone:
                continue  # (rolled back) an entity it named was deleted meanwhile
        raise StoreUnavailableError(
            "other writers keep deleting the entities this document names; try again",
            id=doc_id,
        )

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

    def _insert_document(self, conn: Connection, row: dict[str, Any]) -> str | None:
        """Insert the document ``row``: None when it went in, else the id of the document
        with its id or text another writer stored (perhaps at this very moment)."""
        for _ in range(_INSERT_ATTEMPTS):
            inserted = self._insert_or_ignore(documents).values(**row).returning(documents.c.id)
            if conn.execute(inserted).first() is not None:
                return None
            stored = self._stored_id(conn, row["id"], row["content_hash"])
            if stored is not None:
                return stored
        raise StoreUnavailableError(
            "other writers keep replacing this document; try again", id=row["id"]
        )

    def _insert_or_ignore(self, table: Table, *conflict: str) -> Any:
        """``INSERT ... ON CONFLICT DO NOTHING`` into ``table``: on the unique index of the
        ``conflict`` columns, or on any unique index where none are named."""
        elements = list(conflict) or None
        if self.dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing(index_elements=elements)
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=elements)

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
        if self.dialect == "postgresql":
            number = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
            function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            conn.execute(text(f"SELECT {function}(:n)").bindparams(n=number))

    def _lock_entities(self, conn: Connection, ordered: Sequence[Entity]) -> set[str]:
        """Take the lock of each entity a writer names (``ordered`` by
        :func:`_lock_order`): shared, unless the writer is to make a new person, whose
        surname lock it takes alone (:meth:`_entity_id`); the names held alone."""
        if self.dialect != "postgresql":
            return set()
        keys = sorted({e.key[:400] for e in ordered})
        stored = {
            r[0] for r in conn.execute(select(entities.c.key).where(entities.c.key.in_(keys)))
        }
        alone: set[str] = set()
        for name, group in groupby(ordered, key=lambda e: _lock_order(e)[0]):
            new_person = name.startswith("skeleton:") and any(
                e.key[:400] not in stored for e in group
            )
            self._lock(conn, name, shared=not new_person)
            if new_person:
                alone.add(name)
        return alone

    def _entity_by_key(self, conn: Connection, key: str) -> int | None:
        row = conn.execute(select(entities.c.id).where(entities.c.key == key)).first()
        return int(row[0]) if row else None

    def _entity_id(
        self,
        conn: Connection,
        key: str,
        kind: str,
        name: str,
        code: str | None,
        *,
        alone: set[str] | None = None,
    ) -> int:
        """The id of the entity with ``key`` (or, for a person, of another spelling of
        them), made if new; two writers making one entity at once get one row. A new
        person is made under their surname lock held alone (PostgreSQL: by
        :meth:`_lock_entities`, the names in ``alone``); where the writer holds it
        shared, the person was stored when it looked and has been deleted since:
        :class:`_EntityGone`."""
        key = key[:400]
        found = self._entity_by_key(conn, key)
        if found is not None:
            return found
        skeleton = _skeleton(kind, key)
        if skeleton:
            # One writer at a time adds a person with this skeleton, so that two
            # spellings stored at once are compared as well.
            if self.dialect == "postgresql" and f"skeleton:{skeleton}" not in (alone or set()):
                raise _EntityGone(key)
            same = self._same_person(conn, key.removeprefix("person:"), skeleton)
            if same is not None:
                return same
        conn.execute(
            self._insert_or_ignore(entities, "key").values(
                key=key, type=kind, name=name, code=code, skeleton=skeleton
            )
        )
        found = self._entity_by_key(conn, key)
        assert found is not None
        return found

    def _same_person(self, conn: Connection, names: str, skeleton: str) -> int | None:
        """Another spelling of a person already stored ("Hacı Memmedov" for "Hacı
        Məmmədov"): the one the identity rules call the same, among the names with the
        same surname skeleton."""
        for other_id, other_key in conn.execute(
            select(entities.c.id, entities.c.key)
            .where(entities.c.type == "PERSON", entities.c.skeleton == skeleton)
            .order_by(entities.c.id)
        ):
            if same_name_key(names, other_key.removeprefix("person:")):
                return int(other_id)
        return None

    def _index(self, conn: Connection, doc_id: str, x: Extraction, when: datetime) -> None:
        """Index an extraction: its entities, made in one order by every writer (by
        skeleton, then key), then their aliases in one sorted statement, so that two
        writers never wait for each other in a circle; then roles and quotes."""
        ids: dict[str, int] = {}
        mentions: dict[int, int] = {}  # two entities of a document may share a key
        alias_rows: dict[tuple[int, str], str] = {}
        ordered = sorted(x.entities, key=_lock_order)
        alone = self._lock_entities(conn, ordered)
        for e in ordered:
            eid = self._entity_id(conn, e.key, e.type, e.name, e.code, alone=alone)
            ids[e.id] = eid
            mentions[eid] = mentions.get(eid, 0) + len(e.mentions)
            for n in {e.name, *(m.text for m in e.mentions)}:
                alias_rows.setdefault((eid, n[:400]), folded(n, e.type, x.language)[:400])
        if alias_rows:
            conn.execute(
                self._insert_or_ignore(aliases, "entity_id", "alias"),
                [
                    {"entity_id": eid, "alias": alias, "folded": alias_rows[(eid, alias)]}
                    for eid, alias in sorted(alias_rows)
                ],
            )
        if mentions:
            conn.execute(
                document_entities.insert(),
                [
                    {"document_id": doc_id, "entity_id": k, "mentions": n}
                    for k, n in mentions.items()
                ],
            )
        by_local = {e.id: e for e in x.entities}
        role_rows = [
            {
                "document_id": doc_id,
                "person_id": ids[r.person],
                "title": by_local[r.title].name,
                "organization_id": ids.get(r.organization or ""),
                "country_id": ids.get(r.country or ""),
                "published_at": when,
                "evidence": r.evidence.text,
            }
            for r in x.roles
        ]
        if role_rows:
            conn.execute(roles.insert(), role_rows)
        quote_rows = [
            {
                "document_id": doc_id,
                "local_id": q.id,
                "speaker_id": ids.get(q.speaker or ""),
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
                "published_at": when,
            }
            for q in x.quotes
        ]
        if quote_rows:
            conn.execute(quotes.insert(), quote_rows)

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
        """Ids of documents extracted by another extractor version (or that failed)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents.c.id).where(
                    or_(
                        documents.c.extractor_version.is_(None),
                        documents.c.extractor_version != version,
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
        cursor: str | None = None,
        limit: int = 50,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Quotes, newest first, filtered; keyset pagination by (published_at, id).
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


def _skeleton(kind: str, key: str) -> str | None:
    """A person's surname skeleton, by which other spellings of them are found."""
    if kind == "PERSON" and key.startswith("person:"):
        return surname_skeleton(key.removeprefix("person:"))[:60] or None
    return None


def _lock_name(kind: str, key: str) -> str:
    """The lock of an entity: a person's that of their surname skeleton (the others of
    which a new spelling is compared with), any other entity's that of its key."""
    skeleton = _skeleton(kind, key[:400])
    return f"skeleton:{skeleton}" if skeleton else f"key:{key[:400]}"


def _lock_order(e: Entity) -> tuple[str, str]:
    """The order writers take their entities' locks in: by lock name, then key."""
    return (_lock_name(e.type, e.key), e.key)


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


def _chunks(ids: Sequence[int], size: int = 1000) -> Iterator[Sequence[int]]:
    """``ids`` in pieces small enough for one statement's parameters."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


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
