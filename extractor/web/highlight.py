"""An article's text as HTML with its quotes, speakers, cues and entity mentions marked
in place, and the who-said-what rows beside it, for the newsroom desk's pages.

The text is cut at every span boundary and each piece escaped; the spans are opened
and closed around the pieces as a stack, outer layers first (a paragraph in another
language, then a quote, then its speaker and cue, then entity mentions). Where two
spans overlap without nesting, the inner one is closed and opened again after the
outer one changes, so that the HTML is always well formed; only a quote's first piece
is focusable and carries its id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from ..schema import Extraction, Quote

# Stack order: lower layers open outside higher ones.
LANGUAGE, QUOTE, SPEAKER, ENTITY = range(4)


@dataclass(frozen=True)
class Mark:
    """One span to mark: ``text[start:end]`` in an element of ``layer`` with
    ``classes``; ``first`` attributes go on its first piece only, ``attrs`` on every
    piece."""

    start: int
    end: int
    layer: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()
    first: tuple[tuple[str, str], ...] = ()
    order: int = 0  # the span's place in the input, to break ties the same way each time

    def open_tag(self, first: bool) -> str:
        attrs = [("class", self.classes), *self.attrs, *(self.first if first else ())]
        rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
        return f"<span{rendered}>"


@dataclass
class QuoteRow:
    """A who-said-what row: the quote and who said it, as the desk shows them."""

    id: str
    text: str
    kind: str
    language: str
    speaker: str | None  # the resolved speaker's name, else the words naming them
    speaker_id: str | None
    speaker_kind: str | None
    role: str | None  # "title, organization (country)"
    title: str | None
    organization: str | None
    country: str | None
    cue: str | None
    confidence: float

    @property
    def tip(self) -> str:
        """What hovering over or focusing the quote shows."""
        who = self.speaker or "speaker unknown"
        return f"{who} — {self.role}" if self.role else who


@dataclass
class Article:
    """An extraction ready for the desk's templates."""

    text: Markup  # the highlighted text
    language: str
    rows: list[QuoteRow]
    entities: dict[str, list[dict[str, object]]] = field(default_factory=dict)


def language_at(extraction: Extraction, offset: int) -> str:
    """The language of the paragraph holding ``offset``."""
    return next(
        (s.language for s in extraction.segments if s.start <= offset < s.end),
        extraction.language,
    )


def roles_by_person(extraction: Extraction) -> dict[str, tuple[str, str | None, str | None]]:
    """Each person's first role: (title, organization, country) names."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for role in extraction.roles:
        title = extraction.entity(role.title)
        if title is None or role.person in out:
            continue
        org = extraction.entity(role.organization)
        country = extraction.entity(role.country)
        out[role.person] = (
            title.name,
            org.name if org else None,
            country.name if country else None,
        )
    return out


def describe_role(title: str | None, organization: str | None, country: str | None) -> str | None:
    """ "Director, Media Development Agency (Azerbaijan)", or None without a title."""
    if not title:
        return None
    text = ", ".join(part for part in (title, organization) if part)
    return f"{text} ({country})" if country and country != organization else text


def quote_rows(extraction: Extraction) -> list[QuoteRow]:
    """The extraction's quotes in text order, each with its speaker and their role."""
    roles = roles_by_person(extraction)
    rows = []
    for q in sorted(extraction.quotes, key=lambda q: (q.start, q.end)):
        speaker = extraction.entity(q.speaker)
        title, org, country = roles.get(q.speaker or "", (None, None, None))
        mention = q.speaker_mention.text if q.speaker_mention else None
        rows.append(
            QuoteRow(
                id=q.id,
                text=q.text,
                kind=q.kind,
                language=language_at(extraction, q.start),
                speaker=speaker.name if speaker else mention,
                speaker_id=speaker.id if speaker else None,
                speaker_kind=q.speaker_kind,
                role=describe_role(title, org, country),
                title=title,
                organization=org,
                country=country,
                cue=q.cue.text if q.cue else None,
                confidence=q.confidence,
            )
        )
    return rows


def entities_by_type(extraction: Extraction) -> dict[str, list[dict[str, object]]]:
    """The entities grouped by type (people first), most mentioned first."""
    groups: dict[str, list[dict[str, object]]] = {}
    for kind in ("PERSON", "ORGANIZATION", "COUNTRY", "TITLE"):
        found = [e for e in extraction.entities if e.type == kind]
        found.sort(key=lambda e: (-len(e.mentions), e.name))
        if found:
            groups[kind] = [
                {
                    "id": e.id,
                    "name": e.name,
                    "key": e.key,
                    "code": e.code,
                    "mentions": len(e.mentions),
                    "spellings": sorted({m.text for m in e.mentions} - {e.name}),
                    "language": language_at(extraction, e.mentions[0].start)
                    if e.mentions
                    else extraction.language,
                }
                for e in found
            ]
    return groups


def marks(text: str, extraction: Extraction) -> list[Mark]:
    """Every span the desk marks in ``text``."""
    rows = {row.id: row for row in quote_rows(extraction)}
    out: list[Mark] = []

    def add(start: int, end: int, layer: int, classes: str, **kw: object) -> None:
        start, end = max(0, start), min(len(text), end)
        if start < end:
            out.append(Mark(start, end, layer, classes, order=len(out), **kw))  # type: ignore[arg-type]

    for seg in extraction.segments:
        if seg.language != extraction.language:
            add(seg.start, seg.end, LANGUAGE, "seg", attrs=(("lang", seg.language),))
    said: dict[tuple[int, int, str], list[str]] = {}
    for q in extraction.quotes:
        row = rows[q.id]
        pieces = [(p.start, p.end) for p in q.pieces] or [(q.start, q.end)]
        attrs = (("data-quote", q.id), ("title", row.tip), ("data-tip", row.tip))
        first = (("id", f"quote-{q.id}"), ("tabindex", "0"))
        for i, (start, end) in enumerate(pieces):
            add(
                start,
                end,
                QUOTE,
                f"hl-quote hl-{q.kind}",
                attrs=attrs,
                first=first if i == 0 else (),
            )
        for span, kind in _speaker_and_cue(q):
            said.setdefault((*span, kind), []).append(q.id)
    # One speaker or cue can introduce several quotes ("Baghirov noted that ...:").
    for (start, end, kind), ids in said.items():
        add(start, end, SPEAKER, kind, attrs=(("data-quote", " ".join(ids)),))
    for e in extraction.entities:
        for m in e.mentions:
            add(m.start, m.end, ENTITY, f"hl-ent hl-{e.type.lower()}", attrs=(("title", e.name),))
    return out


def _speaker_and_cue(q: Quote) -> Iterable[tuple[tuple[int, int], str]]:
    if q.speaker_mention is not None:
        yield (q.speaker_mention.start, q.speaker_mention.end), "hl-speaker"
    if q.cue is not None:
        yield (q.cue.start, q.cue.end), "hl-cue"


def render(text: str, spans: list[Mark]) -> Markup:
    """``text`` escaped, with ``spans`` as well-formed nested ``<span>`` elements."""
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    for m in spans:
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    cuts = sorted({0, len(text), *starts, *ends})
    active: set[Mark] = set()
    opened: set[Mark] = set()  # spans whose first piece is out
    stack: list[Mark] = []
    html: list[str] = []
    for a, b in pairwise(cuts):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        wanted = sorted(active, key=lambda m: (m.layer, m.start, -m.end, m.order))
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        html.extend("</span>" for _ in stack[keep:])
        for m in wanted[keep:]:
            html.append(m.open_tag(first=m not in opened))
            opened.add(m)
        stack = wanted
        html.append(str(escape(text[a:b])))
    html.extend("</span>" for _ in stack)
    return Markup("".join(html))


def article(text: str, extraction: Extraction) -> Article:
    """The highlighted text, the who-said-what rows and the entities of ``extraction``."""
    return Article(
        text=render(text, marks(text, extraction)),
        language=extraction.language,
        rows=quote_rows(extraction),
        entities=entities_by_type(extraction),
    )
