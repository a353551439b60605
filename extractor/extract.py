"""The library entry point: ``Extractor().extract(text)`` -> :class:`Extraction`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .entities.clusters import CharMention, char_mentions, cluster, entity_mentions
from .entities.mentions import find_mentions
from .entities.roles import (
    PartOfRow,
    RoleRow,
    document_roles,
    find_roles,
    part_of_relations,
    part_of_rows,
    role_rows,
)
from .errors import EmptyTextError, ExtractorError, InvalidInputError, TextTooLargeError
from .language import SUPPORTED, get_lang
from .language.identify import Segment as LangSegment
from .language.identify import segment
from .nlp import memory, sentences
from .nlp.pipelines import describe, load_pipeline, reading
from .nlp.spacing import Respaced, respace
from .quotes.common import FoundQuote, content_text
from .quotes.finder import find_quotes
from .quotes.speakers import add_references, document_quotes, name_speakers
from .quotes.statements import assign_statements
from .schema import Extraction, Segment, Span
from .settings import Settings, get_settings
from .version import __version__

# Half of a surrogate pair: a str may hold one (JSON spells it "\ud800", a bad decoder
# leaves one), though it is no character and nothing encodes it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _SegmentResult:
    offset: int
    language: str
    mentions: list[CharMention]
    roles: list[RoleRow]
    quotes: list[FoundQuote]
    part_of: list[PartOfRow]  # unit, organization, evidence


def extracted(results: Sequence[Extraction | ExtractorError]) -> list[Extraction]:
    """The extractions of :meth:`Extractor.extract_many`, or the first error raised (for
    callers whose texts must all be extracted: benchmarks, evaluations)."""
    for result in results:
        if isinstance(result, ExtractorError):
            raise result
    return [r for r in results if isinstance(r, Extraction)]


class Extractor:
    """Extracts entities, roles and quotes. Pipelines load lazily, once per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self._read: set[tuple[int, str]] = set()  # (pipeline, language) that read a batch

    @property
    def supported_languages(self) -> tuple[str, ...]:
        return SUPPORTED

    def nlp(self, language: str) -> Language:
        """The spaCy pipeline for a supported ``language``."""
        get_lang(language)
        return load_pipeline(self.settings.pipeline_for(language), language)

    def load(self, languages: Sequence[str] | None = None) -> None:
        """Load the pipelines (all supported languages by default) and the detector."""
        for language in languages or SUPPORTED:
            self.nlp(language)
        segment("Loading the language detector.", self.settings.default_language)

    def extract(self, text: str, language: str | None = None) -> Extraction:
        """Extract one document. ``language`` forces the language (ISO 639-1). Bad
        input raises its :class:`~extractor.errors.ExtractorError`."""
        [result] = self.extract_many([text], language=language)
        if isinstance(result, ExtractorError):
            raise result
        return result

    def extract_many(
        self, texts: Sequence[str], language: str | None = None
    ) -> list[Extraction | ExtractorError]:
        """Extract many documents, batched through ``nlp.pipe``: one item per text, in
        order, its Extraction (the same as extract()'s) or the error that refused it
        (empty, too large, an unsupported language, named by its index); a refused text
        never fails the others. A bad batch as a whole (one string instead of a list, an
        unknown forced ``language``) raises. The words a call reads for the first time
        are forgotten at its end (spaCy's memory zone), and the allocator's free pages
        go back to the system every few hundred documents (:mod:`.nlp.memory`): a
        process extracting for ever keeps a vocabulary and a resident size that are
        bounded."""
        if isinstance(texts, str):
            raise InvalidInputError("extract_many() takes a list of texts, not one string")
        forced = self._check_language(language)
        # Tokenized texts ("« ... » , — дейді") are read with normal spacing.
        respaced = [respace(t) if isinstance(t, str) else None for t in texts]
        working = [r.text if r is not None else t for r, t in zip(respaced, texts)]
        plans: list[tuple[str, list[LangSegment]] | None] = []
        failed: dict[int, ExtractorError] = {}
        for i, text in enumerate(working):
            try:
                plans.append(self._plan(self._check_text(text), forced))
            except ExtractorError as exc:
                plans.append(None)
                failed[i] = exc.at_index(i) if len(texts) > 1 else exc
        results: list[list[_SegmentResult]] = [[] for _ in texts]
        by_language: dict[str, list[tuple[int, LangSegment]]] = {}
        for i, plan in enumerate(plans):
            for seg in plan[1] if plan is not None else []:
                if seg.language in SUPPORTED:
                    jobs = [(i, piece) for piece in _pieces(working[i], seg)]
                    by_language.setdefault(seg.language, []).extend(jobs)
        described: dict[str, str] = {}
        for lang_code, jobs in by_language.items():
            nlp = self.nlp(lang_code)
            described[lang_code] = describe(nlp)
            with self._reading(nlp, lang_code):
                docs = nlp.pipe(
                    (working[i][seg.start : seg.end] for i, seg in jobs),
                    batch_size=self.settings.batch_size,
                )
                for (i, seg), doc in zip(jobs, docs):
                    results[i].append(_analyse(doc, nlp, lang_code, seg.start))
            self._read.add((id(nlp), lang_code))
        memory.documents_read(len(texts))
        out: list[Extraction | ExtractorError] = []
        for i, (plan, parts) in enumerate(zip(plans, results)):
            if plan is None:
                out.append(failed[i])
                continue
            main, segments = plan
            parts.sort(key=lambda p: p.offset)
            models = {code: described[code] for code in sorted({p.language for p in parts})}
            result = _assemble(working[i], main, segments, parts, models)
            spacing = respaced[i]
            out.append(result if spacing is None else _in_original(result, spacing, texts[i]))
        return out

    def _reading(self, nlp: Language, language: str) -> AbstractContextManager[None]:
        """The block a batch is read in (:func:`~.nlp.pipelines.reading`): a memory zone
        from a pipeline's second batch in ``language`` on, so that what the rules build
        on their first use and keep (a language's country names' matcher and its
        strings) is built outside any."""
        return reading(nlp, zone=(id(nlp), language) in self._read)

    # --- validation -----------------------------------------------------------------

    def _check_language(self, language: str | None) -> str | None:
        if language is None:
            return None
        if not isinstance(language, str):
            raise InvalidInputError("language must be an ISO 639-1 code such as 'en'")
        code = language.strip().lower()
        get_lang(code)  # raises UnsupportedLanguageError listing the supported ones
        return code

    def _check_text(self, text: object) -> str:
        if not isinstance(text, str):
            raise InvalidInputError(f"text must be a string, not {type(text).__name__}")
        if not text.strip():
            raise EmptyTextError("text is empty")
        if found := _LONE_SURROGATE.search(text):
            raise InvalidInputError(
                f"text holds a lone surrogate (U+{ord(found.group()):04X}) at offset "
                f"{found.start()}, which is not text",
                offset=found.start(),
            )
        limit = self.settings.max_text_chars
        if len(text) > limit:
            raise TextTooLargeError(
                f"text has {len(text)} characters; the limit is {limit}",
                length=len(text),
                limit=limit,
            )
        return text

    def _plan(self, text: str, forced: str | None) -> tuple[str, list[LangSegment]]:
        if forced is not None:
            start = len(text) - len(text.lstrip())
            return forced, [LangSegment(start, len(text.rstrip()), forced)]
        main, segments = segment(text, self.settings.default_language)
        get_lang(main)  # a document mainly in an unsupported language is an error
        return main, segments


# A segment longer than this is read in pieces, cut at a line break where it can be: the
# rules weigh a segment's quotes and mentions against one another, which for thousands
# of them (a pathological text) takes time in their square. News articles are shorter.
LONGEST_PIECE = 20_000


def _pieces(text: str, seg: LangSegment) -> list[LangSegment]:
    """``seg`` of ``text`` in pieces of :data:`LONGEST_PIECE` characters at most, each
    cut after the last line break in its second half, else after the last space, else
    anywhere (a text without spaces); the whitespace between pieces belongs to none."""
    pieces: list[LangSegment] = []
    start = seg.start
    while seg.end - start > LONGEST_PIECE:
        limit = start + LONGEST_PIECE
        half = start + LONGEST_PIECE // 2
        cut = text.rfind("\n", half, limit) + 1 or text.rfind(" ", half, limit) + 1 or limit
        end = cut
        while text[end - 1].isspace():
            end -= 1
        pieces.append(LangSegment(start, end, seg.language))
        start = cut
        while text[start].isspace():
            start += 1
    pieces.append(LangSegment(start, seg.end, seg.language))
    return pieces


def _analyse(doc: Doc, nlp: Language, language: str, offset: int) -> _SegmentResult:
    """Mentions, roles and quotes of one segment, in document character offsets."""
    lang = get_lang(language)
    found = find_mentions(doc, nlp, lang)
    # (Speakers named first: a name taken whole replaces the mentions inside it, and the
    # roles are read on the mentions that are left.)
    quotes = name_speakers(doc, found, find_quotes(doc, found, lang), lang)
    roles = find_roles(doc, found, lang)
    chars = char_mentions(doc, found, offset, language)
    return _SegmentResult(
        offset,
        language,
        list(chars.values()),
        role_rows(doc, roles, chars, offset),
        [q.shifted(offset) for q in quotes],
        part_of_rows(doc, found, chars, offset),
    )


def _assemble(
    text: str,
    main: str,
    segments: list[LangSegment],
    parts: list[_SegmentResult],
    models: dict[str, str],
) -> Extraction:
    """One document's Extraction from its segments' results."""
    rows = [r for p in parts for r in p.roles]
    mentions = entity_mentions([m for p in parts for m in p.mentions], {r[1] for r in rows})
    entities, ids = cluster(mentions, text)
    by_id = {e.id: e for e in entities}
    roles = document_roles(text, rows, ids)
    relations = part_of_relations(text, [r for p in parts for r in p.part_of], ids)
    quotes = document_quotes(text, [q for p in parts for q in p.quotes], ids, roles, by_id)
    add_references(quotes, by_id)

    def language_at(offset: int) -> str:
        return next((s.language for s in segments if s.start <= offset < s.end), main)

    vectors = sentences.sentence_vectors if sentences.available() else None
    assign_statements(text, quotes, entities, language_at, vectors)
    return Extraction(
        language=main,
        text_length=len(text),
        entities=entities,
        roles=roles,
        relations=relations,
        quotes=quotes,
        segments=[
            Segment(
                start=s.start, end=s.end, language=s.language, processed=s.language in SUPPORTED
            )
            for s in segments
        ],
        extractor_version=__version__,
        models=models,
    )


_SPLIT_SUFFIX = re.compile(r"(?<=\w) +['’]\w+$")


def _in_original(result: Extraction, respaced: Respaced, text: str) -> Extraction:
    """An Extraction of a respaced text with every span in the original ``text``."""

    def span(s: Span) -> Span:
        start, end = respaced.original(s.start, s.end)
        return Span(start=start, end=end, text=text[start:end])

    def name(s: Span) -> Span:
        # A case ending the original set off as a token of its own is no part of the
        # name ("Kohl 'ün" names "Kohl"; "Kohl'ün", written so, stays whole).
        out = span(s)
        match = _SPLIT_SUFFIX.search(out.text)
        if match is None:
            return out
        return Span(start=out.start, end=out.start + match.start(), text=out.text[: match.start()])

    for entity in result.entities:
        entity.mentions = [name(m) for m in entity.mentions]
        entity.references = [name(m) for m in entity.references]
    for role in result.roles:
        role.evidence = span(role.evidence)
        role.other_evidence = [span(e) for e in role.other_evidence]
    for relation in result.relations:
        relation.evidence = span(relation.evidence)
    for quote in result.quotes:
        quote.start, quote.end = respaced.original(quote.start, quote.end)
        quote.cue = span(quote.cue) if quote.cue is not None else None
        quote.speaker_mention = (
            span(quote.speaker_mention) if quote.speaker_mention is not None else None
        )
        quote.pieces = [span(p) for p in quote.pieces]
        quote.text = content_text(
            text, quote.start, quote.end, [(p.start, p.end) for p in quote.pieces]
        )
    for seg in result.segments:
        seg.start, seg.end = respaced.original(seg.start, seg.end)
    result.text_length = len(text)
    return result
