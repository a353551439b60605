"""What every quote finder shares: the quote found (:class:`FoundQuote`), the quoted
stretch its marks delimit (:class:`Marked`), how sure each shape of evidence makes us,
and cached views of the Doc."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..language import LangData, Words, get_lang

# How sure each shape of evidence makes us (ordering matters more than the values).
CONFIDENCE = {
    ("direct", "name"): 0.95,
    ("direct", "pronoun"): 0.9,
    ("direct", "noun"): 0.85,
    ("direct", None): 0.5,
    ("colon", "name"): 0.9,
    ("colon", "pronoun"): 0.85,
    ("colon", "noun"): 0.8,
    ("colon", None): 0.45,
    ("headline", "name"): 0.75,
    ("dash", "name"): 0.7,
    ("headline", "title"): 0.7,
    ("follow-on", "name"): 0.7,
    ("follow-on", "pronoun"): 0.65,
    ("follow-on", "noun"): 0.6,
    ("indirect", "name"): 0.85,
    ("indirect", "pronoun"): 0.8,
    ("indirect", "noun"): 0.75,
    ("indirect", None): 0.4,
    ("object", "name"): 0.6,
    ("object", "pronoun"): 0.55,
    ("object", "noun"): 0.5,
    ("mixed", "name"): 0.9,
    ("mixed", "pronoun"): 0.85,
    ("mixed", "noun"): 0.8,
    ("mixed", None): 0.45,
    ("unattributed", None): 0.25,
}


def confidence_of(shape: str, speaker_kind: str | None) -> float:
    """Confidence for a shape of evidence; a title speaker and a document count as a
    noun phrase, an unnamed source as none."""
    kind = {"document": "noun", "institution": "noun", "unnamed": None}.get(
        speaker_kind or "", speaker_kind
    )
    if kind == "title" and (shape, "title") not in CONFIDENCE:
        kind = "noun"
    return CONFIDENCE.get((shape, kind), CONFIDENCE[("unattributed", None)])


MIN_UNATTRIBUTED_WORDS = 6  # shorter quoted words without a cue are scare quotes or titles


# Between the pieces of a quote split around its attribution, in its ``text``.
PIECE_GAP = " … "


def content_text(text: str, start: int, end: int, pieces: Sequence[tuple[int, int]]) -> str:
    """A quote's words: ``text[start:end]``, or for a quote split around its attribution
    its pieces joined by :data:`PIECE_GAP`, never the narration between them."""
    if not pieces:
        return text[start:end]
    return PIECE_GAP.join(text[a:b] for a, b in pieces)


@dataclass(frozen=True)
class FoundQuote:
    """A quote in Doc character offsets."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    # "name" (a PERSON/ORG mention), "pronoun", "title", "document" (the document the
    # words are said in), "institution" (one named by its common noun: "the police"),
    # "noun" (any other phrase); "unnamed" with no speaker for an
    # impersonal report ("сообщается", "belirtildi"); None where no source is named.
    speaker_kind: str | None
    confidence: float
    # The quoted pieces of a quote split around its attribution ("A," she said, "B.").
    pieces: tuple[tuple[int, int], ...] = ()

    def shifted(self, offset: int) -> FoundQuote:
        """The same quote with every offset moved by ``offset`` characters."""

        def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
            return None if span is None else (span[0] + offset, span[1] + offset)

        return FoundQuote(
            self.start + offset,
            self.end + offset,
            self.kind,
            move(self.cue),
            move(self.speaker),
            self.speaker_kind,
            self.confidence,
            tuple((a + offset, b + offset) for a, b in self.pieces),
        )


@dataclass(frozen=True)
class Marked:
    """Quote marks found in the text: content span and whether it was closed."""

    open_at: int
    start: int
    end: int
    closed: bool
    close_end: int  # just after the closing mark (== end when left open)
    # The rest of a quote split around its attribution ("«A, — сказал X. — B»": B).
    continues: bool = False


# Closing marks, a comma and a dash: an attribution follows.
_ATTRIBUTION_DASH = re.compile(r"[\"”’»]*,?[ \t\xa0]*[—–]")


def join_split(text: str, quotes: list[FoundQuote]) -> list[FoundQuote]:
    """One quote from the pieces of a quote split around its attribution, within a
    paragraph: '"A," she said, "B."' or '"A," she said. "B."' (the second piece has the
    same cue, or no cue and the same speaker)."""
    joined: list[FoundQuote] = []
    for q in quotes:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.speaker is not None
            and "\n" not in text[last.end : q.start]
            and q.start - last.end <= 200
            and (q.cue == last.cue or (q.cue is None and q.speaker == last.speaker))
            # A piece followed by an attribution of its own is a quote of its own
            # ("«B», — с этими словами Квачков отправился ...").
            and not _ATTRIBUTION_DASH.match(text, q.end)
        ):
            pieces = last.pieces or ((last.start, last.end),)
            joined[-1] = replace(last, end=q.end, pieces=(*pieces, (q.start, q.end)))
            continue
        joined.append(q)
    return joined


def doc_text(doc: Doc) -> str:
    """The Doc's text (Doc.text joins every token on each call; this is cached)."""
    text = doc.user_data.get("extractor.text")
    if text is None:
        text = doc.user_data["extractor.text"] = doc.text
    return str(text)


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence of token ``i`` (Token.sent walks the Doc; this is cached per Doc)."""
    cached = doc.user_data.get("extractor.sentences")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["extractor.sentences"] = ([s.start for s in sents], sents)
    starts, sents = cached
    return sents[bisect_right(starts, i) - 1]


def char_offsets(span: Span | Token) -> tuple[int, int]:
    """The character offsets of a span or token in its Doc."""
    if isinstance(span, Token):
        return span.idx, span.idx + len(span.text)
    return span.start_char, span.end_char


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) without punctuation or spaces at either end, but for a
    quote mark whose partner is inside the range ('"Kuruluş Osman" dizisini ...') or a
    closing bracket whose opening one is."""

    def paired(k: int, lo: int, hi: int) -> bool:
        return doc[k].is_quote and any(doc[j].is_quote for j in range(lo, hi) if j != k)

    while start < end and (doc[start].is_punct or doc[start].is_space):
        if paired(start, start + 1, end):
            break
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if paired(end - 1, start, end - 1):
            break
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # a bracket closed: "Дэйв Бинг (Dave Bing)"
        end -= 1
    if end - start >= 2 and doc[start].is_quote and doc[end - 1].is_quote:
        return trim(doc, start + 1, end - 1)  # marks around all of it: the words inside
    return start, end


def starts_paragraph_or_sentence(doc: Doc, q: Marked) -> bool:
    """Whether quote ``q`` opens a paragraph or follows a sentence's final stop."""
    k = q.open_at - 1
    while k >= 0 and doc_text(doc)[k] in " \t\xa0":
        k -= 1
    return k < 0 or doc_text(doc)[k] in "\n.!?"


def unattributed(doc: Doc, q: Marked, previous: FoundQuote | None) -> FoundQuote | None:
    """Quoted words that no cue attributes: a sentence opening its paragraph or
    following a stop, within four line breaks of the last attributed quote, is a
    follow-on quote of that speaker; another sentence of at least
    ``MIN_UNATTRIBUTED_WORDS`` words is a quote without a speaker; the rest are scare
    quotes or titles, none."""
    text = doc_text(doc)
    body = text[q.start : q.end].rstrip()
    sentence_like = body[-1:] in ".!?…" or body[-2:-1] in ".!?"
    if previous is not None and (
        q.continues or (sentence_like and starts_paragraph_or_sentence(doc, q))
    ):
        gap = text[previous.end : q.open_at]
        if gap.count("\n") <= 4 and previous.speaker is not None:
            conf = confidence_of("follow-on", previous.speaker_kind)
            return FoundQuote(
                q.start, q.end, "direct", None, previous.speaker, previous.speaker_kind, conf
            )
    if len(body.split()) >= MIN_UNATTRIBUTED_WORDS and sentence_like:
        return FoundQuote(
            q.start, q.end, "direct", None, None, None, confidence_of("unattributed", None)
        )
    return None


@cache
def phrase_words(code: str) -> list[tuple[Words, ...]]:
    """Each cue phrase of a language as one word set per word (stems included)."""
    return [tuple(Words({w}) for w in phrase) for phrase in get_lang(code).cue_phrases]


@cache
def source_words(code: str) -> list[tuple[Words, ...]]:
    """Each source cue ("по словам", "как заявил-") as one word set per word."""
    return [tuple(Words({w}) for w in cue) for cue in get_lang(code).source_cues]


@cache
def phrase_firsts(code: str) -> Words:
    """Every word a cue phrase may start with: a word outside it starts none."""
    return Words(w for phrase in get_lang(code).cue_phrases for w in phrase[:1])


def cue_length(doc: Doc, k: int, lang: LangData) -> int:
    """How many words the reporting cue at token ``k`` has: a cue phrase of the
    language ("ifade etti", "атап өтті"), tried only where its first word stands, else
    one reporting verb, else 0; and the auxiliaries after it ("айтып отыр")."""
    verb = (
        1
        if k < len(doc)
        and doc[k].lower_ in lang.reporting_verbs
        and doc[k].lower_ not in lang.non_cue_words
        else 0
    )
    if k < len(doc) and doc[k].lower_ in phrase_firsts(lang.code):
        verb = next(
            (
                len(p)
                for p in phrase_words(lang.code)
                if k + len(p) <= len(doc) and all(doc[k + j].lower_ in w for j, w in enumerate(p))
            ),
            verb,
        )
    # With its auxiliary: "айтып отыр депутаттар" (the deputies are saying).
    while verb and k + verb < len(doc) and doc[k + verb].lower_ in lang.auxiliaries:
        verb += 1
    return verb


@cache
def source_lasts(code: str) -> Words:
    """Every word a source cue may end with ("словам", "göre")."""
    return Words(w for cue in get_lang(code).source_cues for w in cue[-1:])


def head_word(doc: Doc, start: int, end: int) -> str:
    """The head word of the speaker words at characters start..end: where there is a
    parse, the word whose head lies outside them ("пресс-служба министерства обороны"
    -> "пресс-служба"); else the last (the Turkic languages end a noun phrase on its
    head: "ауыл әкімі")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) and doc.has_annotation("DEP"):
        root = span.root
        k = root.i + 1
        # A hyphenated word parsed in pieces ("пресс" + "-службы") is one word.
        while k < span.end and doc[k].dep_ in {"fixed", "goeswith"} and doc[k].head == root:
            k += 1
        return doc[root.i : k].text.replace(" ", "").lower()
    words = doc_text(doc)[start:end].lower().split()
    return words[-1] if words else ""


def institution_word(word: str, lang: LangData) -> bool:
    """Whether ``word`` (punctuation around it dropped) heads the name of an institution
    of the language: "ministry", "полиция", "партиясы"."""
    word = word.strip(".,:;'’\"«»")
    return word in lang.org_heads or word in lang.institution_nouns
