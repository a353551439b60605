"""The library entry point: ``Extractor().extract(text)`` -> :class:`Extraction`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .entities.base import DocMentions, Mention
from .entities.clusters import CharMention, cluster, fold
from .entities.mentions import find_mentions
from .entities.roles import find_roles
from .errors import EmptyTextError, ExtractorError, InvalidInputError, TextTooLargeError
from .language import SUPPORTED, get_lang
from .language.identify import Segment as LangSegment
from .language.identify import segment
from .nlp.pipelines import describe, load_pipeline
from .quotes import FoundQuote, find_quotes
from .schema import Entity, Extraction, Quote, Relation, Role, Segment, Span
from .settings import Settings, get_settings


@dataclass
class _SegmentResult:
    offset: int
    language: str
    mentions: list[CharMention]
    roles: list[tuple[CharMention, CharMention, CharMention | None, CharMention | None, int, int]]
    quotes: list[FoundQuote]
    part_of: list[tuple[CharMention, CharMention, int, int]]  # unit, organization, evidence


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
        return load_pipeline(self.settings.pipeline_for(language))

    def load(self, languages: Sequence[str] | None = None) -> None:
        """Load the pipelines (all supported languages by default) and the detector."""
        for language in languages or SUPPORTED:
            self.nlp(language)
        segment("Loading the language detector.", self.settings.default_language)

    def extract(self, text: str, language: str | None = None) -> Extraction:
        """Extract one document. ``language`` forces the language (ISO 639-1)."""
        return self.extract_many([text], language=language)[0]

    def extract_many(self, texts: Sequence[str], language: str | None = None) -> list[Extraction]:
        """Extract many documents, batched through ``nlp.pipe``; same results as extract()."""
        if isinstance(texts, str):
            raise InvalidInputError("extract_many() takes a list of texts, not one string")
        forced = self._check_language(language)
        plans = []
        for i, text in enumerate(texts):
            try:
                plans.append(self._plan(self._check_text(text), forced))
            except ExtractorError as exc:
                if len(texts) > 1:
                    raise exc.at_index(i) from None
                raise
        results: list[list[_SegmentResult]] = [[] for _ in texts]
        by_language: dict[str, list[tuple[int, LangSegment]]] = {}
        for i, (_, segments) in enumerate(plans):
            for seg in segments:
                if seg.language in SUPPORTED:
                    by_language.setdefault(seg.language, []).append((i, seg))
        described: dict[str, str] = {}
        for lang_code, jobs in by_language.items():
            nlp = self.nlp(lang_code)
            described[lang_code] = describe(nlp)
            docs = nlp.pipe(
                (texts[i][seg.start : seg.end] for i, seg in jobs),
                batch_size=self.settings.batch_size,
            )
            for (i, seg), doc in zip(jobs, docs):
                results[i].append(_analyse(doc, nlp, lang_code, seg.start))
        out: list[Extraction] = []
        for text, (main, segments), parts in zip(texts, plans, results):
            parts.sort(key=lambda p: p.offset)
            models = {code: described[code] for code in sorted({p.language for p in parts})}
            out.append(_assemble(text, main, segments, parts, models))
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
    roles = find_roles(doc, found, lang)
    quotes = find_quotes(doc, found, lang)
    chars = _char_mentions(doc, found, offset, language)
    role_rows = [
        (
            chars[r.person],
            chars[r.title.mention],
            chars[r.organization] if r.organization is not None else None,
            chars[r.country] if r.country is not None else None,
            doc[r.start].idx + offset,
            doc[r.end - 1].idx + len(doc[r.end - 1].text) + offset,
        )
        for r in roles
    ]
    shifted = [_shift(q, offset) for q in quotes]
    part_of = [
        (
            chars[t.unit],
            chars[t.org],
            doc[t.mention.start].idx + offset,
            doc[t.org.end - 1].idx + len(doc[t.org.end - 1].text) + offset,
        )
        for t in found.titles
        if t.unit is not None and t.org is not None and t.unit in chars and t.org in chars
    ]
    return _SegmentResult(offset, language, list(chars.values()), role_rows, shifted, part_of)


def _char_mentions(
    doc: Doc, found: DocMentions, offset: int, language: str
) -> dict[Mention, CharMention]:
    """The CharMention of every token-level mention (titles' organizations included)."""
    out: dict[Mention, CharMention] = {}
    heads = {t.mention: t.head for t in found.titles}
    tagged = {t.mention for t in found.titles if t.tagged}
    attached = [m for t in found.titles for m in (t.org, t.country) if m is not None]
    for m in [*found.all(), *attached]:
        span = doc[m.start : m.end]
        out[m] = CharMention(
            m.label,
            span.start_char + offset,
            span.end_char + offset,
            span.text,
            m.code,
            m.name,
            heads.get(m),
            m in tagged,
            language,
        )
    return out


def _shift(q: FoundQuote, offset: int) -> FoundQuote:
    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] + offset, span[1] + offset)

    return FoundQuote(
        q.start + offset,
        q.end + offset,
        q.kind,
        move(q.cue),
        move(q.speaker),
        q.speaker_kind,
        q.confidence,
        tuple((a + offset, b + offset) for a, b in q.pieces),
    )


def _assemble(
    text: str,
    main: str,
    segments: list[LangSegment],
    parts: list[_SegmentResult],
    models: dict[str, str],
) -> Extraction:
    mentions = [m for p in parts for m in p.mentions]
    roles_raw = [r for p in parts for r in p.roles]
    # Only titles held by someone, capitalized ones ("Director:") or ones a model
    # tagged as titles are entities; the rules alone find head words in any use.
    bound_titles = {r[1] for r in roles_raw}
    mentions = [
        m
        for m in mentions
        if m.label != "TITLE" or m in bound_titles or m.text[:1].isupper() or m.tagged
    ]
    entities, ids = cluster(mentions, text)
    by_id = {e.id: e for e in entities}
    roles: list[Role] = []
    seen_roles: dict[tuple[str, str, str | None, str | None], Role] = {}
    for person, title, org, country, start, end in roles_raw:
        row = (
            ids[person],
            ids[title],
            ids.get(org) if org else None,
            ids.get(country) if country else None,
        )
        known = seen_roles.get(row)
        if known is not None:
            statement = Span(start=start, end=end, text=text[start:end])
            if statement != known.evidence and statement not in known.other_evidence:
                known.other_evidence.append(statement)
            continue
        seen_roles[row] = Role(
            id=f"r{len(roles) + 1}",
            person=row[0],
            title=row[1],
            organization=row[2],
            country=row[3],
            evidence=Span(start=start, end=end, text=text[start:end]),
        )
        roles.append(seen_roles[row])
    relations: list[Relation] = []
    for unit, org, start, end in (r for p in parts for r in p.part_of):
        source, target = ids.get(unit), ids.get(org)
        if source is None or target is None or source == target:
            continue
        if any(r.source == source and r.target == target for r in relations):
            continue
        relations.append(
            Relation(
                id=f"l{len(relations) + 1}",
                type="part_of",
                source=source,
                target=target,
                evidence=Span(start=start, end=end, text=text[start:end]),
            )
        )
    quotes = _quotes(text, [q for p in parts for q in p.quotes], ids, roles, by_id)
    # Pronouns and titles naming a speaker refer to the entity they resolve to.
    for q in quotes:
        entity = by_id.get(q.speaker or "")
        span = q.speaker_mention
        if entity is None or span is None:
            continue
        named = {(m.start, m.end) for m in [*entity.mentions, *entity.references]}
        if (span.start, span.end) not in named:
            entity.references.append(span)
    for entity in entities:
        entity.references.sort(key=lambda x: x.start)
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


_TRAILING = re.compile(r"[\W_]+$")


def _quotes(
    text: str,
    found: list[FoundQuote],
    ids: dict[CharMention, str],
    roles: list[Role],
    by_id: dict[str, Entity],
) -> list[Quote]:
    spans = sorted(
        ((m.start, m.end, ids[m], m.label) for m in ids if m.label in {"PERSON", "ORGANIZATION"}),
        key=lambda x: x[0],
    )
    quotes: list[Quote] = []
    seen: set[tuple[str, str | None]] = set()
    for q in sorted(found, key=lambda q: (q.start, q.end)):
        speaker = _resolve(text, q, spans, roles, by_id)
        key = (
            fold(text[q.start : q.end]),
            speaker or (text[slice(*q.speaker)] if q.speaker else None),
        )
        if key in seen:
            continue  # the same words by the same speaker (a repeated headline)
        seen.add(key)
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                kind=q.kind,
                cue=Span(start=q.cue[0], end=q.cue[1], text=text[q.cue[0] : q.cue[1]])
                if q.cue
                else None,
                speaker_mention=(
                    Span(
                        start=q.speaker[0], end=q.speaker[1], text=text[q.speaker[0] : q.speaker[1]]
                    )
                    if q.speaker
                    else None
                ),
                speaker=speaker,
                confidence=q.confidence,
                pieces=[Span(start=a, end=b, text=text[a:b]) for a, b in q.pieces],
            )
        )
    return quotes


def _resolve(
    text: str,
    q: FoundQuote,
    spans: list[tuple[int, int, str, str]],
    roles: list[Role],
    by_id: dict[str, Entity],
) -> str | None:
    """The entity a quote's speaker mention refers to, or None."""
    if q.speaker is None:
        return None
    s, e = q.speaker
    if q.speaker_kind == "name":
        inside = [x for x in spans if x[0] <= s and e <= x[1]] or [
            x for x in spans if x[0] < e and s < x[1]
        ]
        return max(inside, key=lambda x: x[1] - x[0])[2] if inside else None
    if q.speaker_kind == "pronoun":
        # The nearest person mentioned before the pronoun.
        before = [x for x in spans if x[3] == "PERSON" and x[1] <= s]
        return before[-1][2] if before else None
    head = _TRAILING.sub("", text[s:e]).split()[-1:]
    if not head:
        return None
    word = head[0].casefold()
    # "the Director" -> the person who holds a title with that head.
    holders = [
        r.person
        for r in roles
        if word in fold(by_id[r.title].name).split()[:1]
        or fold(by_id[r.title].name).split()[-1:] == [word]
    ]
    if holders and len(set(holders)) == 1:
        return holders[0]
    if holders:
        return None  # several holders: ambiguous
    # "the agency said" -> the organization last named with that head word.
    orgs = [
        x
        for x in spans
        if x[3] == "ORGANIZATION" and x[1] <= s and word in fold(text[x[0] : x[1]]).split()
    ]
    return orgs[-1][2] if orgs else None
