"""The one schema vocabulary shared by the library, the HTTP API and (later) the store."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

EntityType = Literal["PERSON", "ORGANIZATION", "COUNTRY", "TITLE"]
QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "document", "unnamed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the input text: ``text == input[start:end]`` (Python str indices)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Model):
    id: str = Field(description="Identifier within this extraction, e.g. 'e3'.")
    type: EntityType
    name: str = Field(description="Best surface form of the entity in this text.")
    key: str = Field(
        description="Canonical key, stable across documents for the same real-world name."
    )
    code: str | None = Field(None, description="ISO 3166-1 alpha-2 code (countries only).")
    mentions: list[Span] = Field(description="The names the text gives the entity.")
    references: list[Span] = Field(
        default_factory=list,
        description=(
            "Other words resolved to the entity: pronouns and titles that name a "
            "speaker ('he', 'the Director')."
        ),
    )


class Role(_Model):
    id: str
    person: str = Field(description="Entity id of the PERSON.")
    title: str = Field(description="Entity id of the TITLE.")
    organization: str | None = Field(None, description="Entity id of the ORGANIZATION.")
    country: str | None = Field(None, description="Entity id of the COUNTRY.")
    evidence: Span = Field(description="The words that state the role (its first statement).")
    other_evidence: list[Span] = Field(
        default_factory=list,
        description="Later places in the text that state the same role again.",
    )


class Relation(_Model):
    """A relation between two entities stated in the text."""

    id: str
    type: Literal["part_of"] = Field(
        description="part_of: the source organization is a unit of the target one."
    )
    source: str = Field(description="Entity id.")
    target: str = Field(description="Entity id.")
    evidence: Span = Field(description="The words that state the relation.")


class Quote(_Model):
    id: str
    text: str = Field(
        description=(
            "The quoted or reported words (without quote marks). For a quote split around "
            "its attribution, its pieces joined by ' … ': never the narration between them."
        )
    )
    start: int = Field(ge=0, description="Offset of the content's first character.")
    end: int = Field(
        ge=0,
        description=(
            "Offset just past the content's last character. For a split quote, "
            "[start, end) also holds the narration between the pieces: read ``pieces``."
        ),
    )
    kind: QuoteKind
    cue: Span | None = Field(None, description="The reporting expression ('said', 'according to').")
    speaker_mention: Span | None = Field(
        None, description="The words naming the speaker: a name, a pronoun or a title."
    )
    speaker: str | None = Field(None, description="Entity id the speaker mention resolves to.")
    speaker_kind: SpeakerKind | None = Field(
        None,
        description=(
            "What the source is. person: a person, named or standing behind a pronoun "
            "or a title; organization: an organization entity ('police', a ministry, a "
            "court's press service, where the text names one), an institution named by "
            "its common noun, or a country speaking by its government; document: the statement, "
            "report or law the words are said in, with no author named ('В заявлении', "
            "'Açıklamada'); unnamed: a source described without a name ('witnesses', "
            "'officials') or an impersonal report ('it was reported', 'сообщается', "
            "'belirtildi'); null where the text names no source (a dropped subject)."
        ),
    )
    confidence: float = Field(ge=0.0, le=1.0)
    pieces: list[Span] = Field(
        default_factory=list,
        description=(
            'For a quote split around its attribution (\'"A," she said, "B."\'), each '
            "quoted piece with its offsets; ``start``/``end`` run from the first to the "
            "last. Empty otherwise."
        ),
    )
    statement: str | None = Field(
        None,
        description=(
            "The statement this quote is a version of, in this document ('s1', 's2', …): "
            "quotes with the same statement state one thing (a headline and the "
            "paragraph it sums up, one headline in several languages). Every quote has "
            "one, a quote that no other restates a statement of its own."
        ),
    )


class Segment(_Model):
    """A run of paragraphs in one language."""

    start: int
    end: int
    language: str = Field(description="ISO 639-1 code of the segment's language.")
    processed: bool = Field(
        description="False where the language is not supported: the segment was skipped."
    )


class Extraction(_Model):
    language: str = Field(description="ISO 639-1 code of the document's main language.")
    text_length: int
    entities: list[Entity] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    extractor_version: str
    models: dict[str, str] = Field(
        default_factory=dict, description="Pipeline used per language, name and version."
    )

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with ``entity_id``, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)


# --- HTTP request and response bodies ------------------------------------------------

# What no stored or extracted string may hold: a NUL, or half of a surrogate pair (JSON
# can spell one, "\ud800", though it is no character).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# An absolute IRI (RFC 3987) as RDF can serialize it: a scheme, then no spaces, controls
# or the characters IRIs exclude.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]+")


def _storable(value: str) -> str:
    if found := _UNSTORABLE.search(value):
        what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
        raise ValueError(
            f"holds {what} (U+{ord(found.group()):04X}) at offset {found.start()}, "
            "which is not text"
        )
    return value


def _iri(value: str) -> str:
    if not _IRI.fullmatch(value):
        raise ValueError("must be an absolute IRI, e.g. https://example.com/news/1")
    return value


# Request strings: Unicode text without NULs.
Text = Annotated[str, AfterValidator(_storable)]
Iri = Annotated[str, AfterValidator(_storable), AfterValidator(_iri)]


class ExtractRequest(_Model):
    text: Text = Field(description="The document text (plain text, any length up to the limit).")
    language: Text | None = Field(
        None, description="ISO 639-1 code to force; detected per paragraph when omitted."
    )
    url: Iri | None = Field(
        None,
        description="Where the text was published: the graph formats' source document IRI.",
        max_length=2048,
    )


class DocumentRequest(_Model):
    """A document to extract and store in the archive."""

    text: Text = Field(description="The document text.")
    id: Text | None = Field(
        None,
        max_length=200,
        description="Your id for it; by default a hash of the text. Same id or same text: "
        "stored once.",
    )
    url: Iri | None = Field(None, max_length=2048)
    title: Text | None = Field(None, max_length=2000)
    published_at: datetime | None = Field(
        None, description="ISO 8601 publication time; quotes are dated by it."
    )
    source: Text | None = Field(None, max_length=500, description="Publisher or feed name.")
    language: Text | None = Field(None, description="ISO 639-1 code to force.")


class StoredDocumentResponse(_Model):
    id: str
    created: bool = Field(description="False when the document was already in the archive.")
    status: str = Field(description="ok, or error when extraction failed (see error).")
    error: str | None = None
    extraction: Extraction | None = None


class DeletedDocumentResponse(_Model):
    id: str
    deleted: bool = Field(
        True, description="Always true: the document and all it indexed are deleted."
    )


class BatchRequest(_Model):
    documents: list[ExtractRequest] = Field(min_length=1)


class ErrorDetail(_Model):
    code: str = Field(description="Stable machine-readable error code.")
    message: str = Field(description="What was wrong, for a person.")
    details: dict[str, object] = Field(default_factory=dict)


class BatchItemError(_Model):
    """A batch document that was refused: the HTTP status it would have had alone and
    its error in the usual shape. The other documents are extracted all the same."""

    status: int = Field(description="The HTTP status of this document's error (413, 422).")
    error: ErrorDetail


class BatchResponse(_Model):
    results: list[Extraction | BatchItemError] = Field(
        description=(
            "One item per document, in order: its Extraction, or its own error "
            "(an object with 'status' and 'error')."
        )
    )
    failed: int = Field(0, description="How many documents were refused.")


class ErrorResponse(_Model):
    error: ErrorDetail
