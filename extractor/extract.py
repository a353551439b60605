"""The library entry point: ``Extractor().extract(text)`` -> :class:`Extraction`."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
from .nlp.pipelines import describe, load_pipeline
from .nlp.spacing import Respaced, respace
from .quotes import FoundQuote, find_quotes, name_speakers
from .quotes.speakers import add_references, document_quotes
from .schema import Extraction, Segment, Span
from .settings import Settings, get_settings
from .version import __version__


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
        unknown forced ``language``) raises."""
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
                    by_language.setdefault(seg.language, []).append((i, seg))
        described: dict[str, str] = {}
        for lang_code, jobs in by_language.items():
            nlp = self.nlp(lang_code)
            described[lang_code] = describe(nlp)
            docs = nlp.pipe(
                (working[i][seg.start : seg.end] for i, seg in jobs),
                batch_size=self.settings.batch_size,
            )
            for (i, seg), doc in zip(jobs, docs):
                results[i].append(_analyse(doc, nlp, lang_code, seg.start))
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
        quote.text = text[quote.start : quote.end]
        quote.cue = span(quote.cue) if quote.cue is not None else None
        quote.speaker_mention = (
            span(quote.speaker_mention) if quote.speaker_mention is not None else None
        )
        quote.pieces = [span(p) for p in quote.pieces]
    for seg in result.segments:
        seg.start, seg.end = respaced.original(seg.start, seg.end)
    result.text_length = len(text)
    return result
