"""Quotes: who said what, in one spaCy Doc.

Three shapes, after the quotation rules of news style guides (AP, Reuters) and the
attribution categories of PARC/PolNeAR:
- direct: words inside quote marks, attributed by a reporting verb in the same
  paragraph ("'...,' she said"), by a sentence ending in a colon that introduces the
  quote, or inherited by a follow-on quoted paragraph from the previous quote's speaker;
- indirect: a reporting verb with a clausal complement ("X noted that ..."), or a
  source cue ("according to X") attached to a clause;
- mixed: an indirect complement that contains quoted words.
A headline "Name: statement" or "Title: statement" line is a quote of that speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..entities.base import DocMentions
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
# A sentence ends between a cue and a quote: "... said. Next sentence "quote"".
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’»]|'')?\s+(?:[\"“‘«„]|'')?[A-Z0-9]")


def _confidence(shape: str, speaker_kind: str | None) -> float:
    """Confidence for a shape of evidence; a title speaker counts as a noun phrase."""
    kind = (
        "noun" if speaker_kind == "title" and (shape, "title") not in CONFIDENCE else speaker_kind
    )
    return CONFIDENCE.get((shape, kind), CONFIDENCE[("unattributed", None)])


_DASH_NAME = re.compile(r"[ \t\xa0]*[―—–][ \t\xa0]*(?=[A-Z])")
_CLOSERS = frozenset("\"”’»“'")
MIN_UNATTRIBUTED_WORDS = 6  # shorter quoted words without a cue are scare quotes or titles


@dataclass(frozen=True)
class FoundQuote:
    """A quote in Doc character offsets."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    # "name" (a PERSON/ORG mention), "pronoun", "title" or "noun" (any other phrase)
    speaker_kind: str | None
    confidence: float
    # The quoted pieces of a quote split around its attribution ("A," she said, "B.").
    pieces: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class _Marked:
    """Quote marks found in the text: content span and whether it was closed."""

    open_at: int
    start: int
    end: int
    closed: bool
    close_end: int  # just after the closing mark (== end when left open)


def find_quotes(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundQuote]:
    """Every quote in ``doc``, in text order."""
    if not doc.has_annotation("DEP"):
        return _find_quotes_flat(doc, found, lang)
    marked = _speech_marks(doc, lang, found)
    inside = _token_mask(doc, marked)
    cues = [t for t in doc if not inside[t.i] and _is_cue(t, lang)]
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    for q in marked:
        fq = _attribute_direct(doc, q, marked, inside, cues, found, lang, previous)
        if fq is not None:
            quotes.append(fq)
            previous = fq if fq.speaker else previous
    quotes = _join_split(_text(doc), quotes)
    quotes = _add_indirect(doc, quotes, inside, found, lang)
    quotes = [_complete_fragment(doc, q, marked, lang) for q in quotes]
    headlines = _headlines(doc, found, lang, inside)
    # Quoted words inside a headline or transcript line are part of its statement.
    quotes = [
        q for q in quotes if not any(h.start <= q.start and q.end <= h.end for h in headlines)
    ]
    quotes.extend(headlines)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _speech_marks(doc: Doc, lang: LangData, found: DocMentions) -> list[_Marked]:
    """Quoted words in ``doc``, less the names of works (MSNBC's "Morning Joe") and of
    organizations ("«Azəriqaz» İstehsalat Birliyi", "радиостанции «Спутник»")."""
    named = [(doc[o.start].idx, doc[o.end - 1].idx + len(doc[o.end - 1])) for o in found.orgs]
    text = _text(doc)

    def names_an_organization(q: _Marked) -> bool:
        words = text[q.start : q.end].split()
        # A few capitalized words an organization's name holds or is.
        a_name = 0 < len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        return any(
            (a <= q.open_at and q.close_end <= b) or (a_name and a <= q.start and q.end <= b)
            for a, b in named
        )

    return [
        q
        for q in quote_marks(text, lang)
        if not _names_a_work(doc, q, lang) and not names_an_organization(q)
    ]


def _join_split(text: str, quotes: list[FoundQuote]) -> list[FoundQuote]:
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
        ):
            pieces = last.pieces or ((last.start, last.end),)
            joined[-1] = replace(last, end=q.end, pieces=(*pieces, (q.start, q.end)))
            continue
        joined.append(q)
    return joined


def _text(doc: Doc) -> str:
    """The Doc's text (Doc.text joins every token on each call; this is cached)."""
    text = doc.user_data.get("extractor.text")
    if text is None:
        text = doc.user_data["extractor.text"] = doc.text
    return str(text)


def _sentence(doc: Doc, i: int) -> Span:
    """The sentence of token ``i`` (Token.sent walks the Doc; this is cached per Doc)."""
    cached = doc.user_data.get("extractor.sentences")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["extractor.sentences"] = ([s.start for s in sents], sents)
    starts, sents = cached
    return sents[bisect_right(starts, i) - 1]


# --- quote marks --------------------------------------------------------------------


def _opens(text: str, i: int, mark: str, closer: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if after.isspace():
        return False
    if mark == closer or mark[0] in "‘'":
        # Symmetric or apostrophe-like marks open only after a space or opening punctuation.
        return before.isspace() or before in "([{—–-:/"
    return True


def _closes(text: str, j: int, mark: str, closer: str) -> bool:
    after = text[j + len(closer)] if j + len(closer) < len(text) else " "
    before = text[j - 1] if j > 0 else " "
    if closer in "’'":
        # "don’t" is an apostrophe, not a closing mark.
        return not after.isalnum()
    if mark == closer:
        return not before.isspace() and not after.isalnum()
    return True


def _mark_at(text: str, i: int, marks: list[str]) -> str | None:
    return next((m for m in marks if text.startswith(m, i)), None)


def quote_marks(text: str, lang: LangData) -> list[_Marked]:
    """Quoted stretches of ``text``, outermost only.

    A quote runs to its closing mark within the paragraph. An opening mark left open at
    a paragraph's end continues when the next paragraph opens with the same mark (the
    convention for quotes of several paragraphs); otherwise it ends with its paragraph.
    Marks may be several characters long (the ''doubled apostrophes'' of some archives).
    """
    marks = sorted(lang.quote_pairs, key=len, reverse=True)
    found: list[_Marked] = []
    i, n = 0, len(text)
    first_chars = re.compile("[" + re.escape("".join({m[0] for m in marks})) + "]")
    while i < n:
        hit = first_chars.search(text, i)
        if hit is None:
            break
        i = hit.start()
        mark = _mark_at(text, i, marks)
        if mark is None:
            i += 1
            continue
        closers = lang.quote_pairs[mark]
        closer = closers[0]
        if not _opens(text, i, mark, closer):
            i += len(mark)
            continue
        j = i + len(mark)
        end: int | None = None
        close_end = 0
        while j < n:
            if text[j] == "\n":
                # Paragraph end: continue if the next paragraph re-opens the quote.
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text.startswith(mark, k) and _opens(text, k, mark, closer):
                    j = k + len(mark)
                    continue
                end = j
                break
            found_closer = next(
                (c for c in closers if text.startswith(c, j) and _closes(text, j, mark, c)), None
            )
            if found_closer is not None:
                end, close_end = j, j + len(found_closer)
                break
            if mark == closer and text.startswith(mark, j) and text[j - 1].isspace():
                # A symmetric mark that can only open: the previous one was left open.
                end = j
                break
            j += 1
        if end is None:
            end = n
        start = i + len(mark)
        stop = end
        # The comma before a closing mark belongs to the sentence, not the quote.
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
            stop -= 1
        if stop > start:
            found.append(_Marked(i, start, stop, close_end > 0, close_end or end))
        i = close_end or end
    return found


def _token_mask(doc: Doc, marked: list[_Marked]) -> list[bool]:
    """True for tokens inside a quoted stretch (marks included)."""
    mask = [False] * len(doc)
    starts = [t.idx for t in doc]
    for q in marked:
        for i in range(bisect_left(starts, q.open_at), bisect_left(starts, q.close_end)):
            mask[i] = True
    return mask


# --- speakers and cues ------------------------------------------------------------------


def _is_cue(token: Token, lang: LangData) -> bool:
    # An adjectival participle ("so-called", "the said agreement") reports nothing.
    if token.dep_ in {"amod", "compound"} or (token.i > 0 and token.nbor(-1).text == "-"):
        return False
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {
        "VBD",
        "VBZ",
        "VBP",
        "VBN",
        "VBG",
        "VB",
    }:
        return False
    # "That said, ...": a discourse marker, not an attribution.
    if (
        0 < token.i < len(token.doc) - 1
        and token.nbor(1).text == ","
        and token.nbor(-1).lower_ in {"that", "this"}
        and token.nbor(-1).dep_ == "nsubj"
    ):
        return False
    lemma = token.lemma_.lower()
    if lemma in lang.reporting_verbs:
        return True
    return any(
        (lemma, child.lower_) in lang.phrasal_reporting_verbs
        for child in token.children
        if child.dep_ == "prt"
    )


def _char(span: Span | Token) -> tuple[int, int]:
    if isinstance(span, Token):
        return span.idx, span.idx + len(span.text)
    return span.start_char, span.end_char


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) without punctuation or spaces at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _subject(cue: Token) -> Token | None:
    """The grammatical subject of a reporting verb, looking up through coordination
    ("He smiled and said ..."), control and participles ("rejected it, saying ...",
    "responded by saying ..."); the agent of a passive ("was told by X")."""
    verb: Token | None = cue
    for _ in range(4):
        if verb is None:
            break
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if verb.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep"} and verb.head is not verb:
            verb = verb.head
        else:
            break
    return None


def _speaker_span(
    doc: Doc, head: Token, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int], str]:
    """The words naming the speaker whose head is ``head``, and their kind. A name in
    apposition wins over the noun it explains ("the bank's governor, Taleh Kazimov")."""
    mention = found.at(head.i, "PERSON") or found.at(head.i, "ORGANIZATION")
    if mention is None:
        for child in head.children:
            if child.dep_ == "appos" and (named := found.at(child.i, "PERSON")) is not None:
                mention = named
                break
    if mention is not None:
        return _char(doc[mention.start : mention.end]), "name"
    if head.lower_ in lang.person_pronouns or head.pos_ == "PRON":
        return _char(head), "pronoun"
    title = next((t for t in found.titles if t.core_start <= head.i < t.mention.end), None)
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"det", "compound", "amod", "poss", "nummod", "nmod"}:
            left = min(left, child.left_edge.i)
    if title is not None:
        left = min(left, title.mention.start)
        return _char(doc[left : max(head.i + 1, title.mention.end)]), "title"
    return _char(doc[left : head.i + 1]), "noun"


def _cue_near(
    doc: Doc, q: _Marked, marked: list[_Marked], cues: list[Token], lang: LangData
) -> Token | None:
    """The reporting verb that attributes quote ``q``: first after it, then before it,
    within its paragraph, not inside another quote, and near (a dozen words after:
    "..., said Sen. Elizabeth Warren, a Democrat from ..."; two dozen before)."""
    prev_end = max((m.end for m in marked if m.end <= q.open_at), default=-1)
    next_open = min((m.open_at for m in marked if m.open_at >= q.end), default=len(_text(doc)))
    window = 12
    starts = [t.idx for t in cues]
    first_after = bisect_left(starts, q.end)
    text = _text(doc)
    for token in cues[first_after:]:
        between = text[q.end : token.idx]
        # The quote's own final stop counts ('"... kidding." To which she said'), unless
        # only the speaker stands between ('"Why?" Graham asked').
        if (
            token.idx >= next_open
            or "\n" in between
            or (
                _sentence_ends(doc, max(q.start, q.end - 1), token.idx, lang)
                and not _only_subject_between(doc, q.close_end, token)
            )
        ):
            break
        words = between.split()
        # The cue after a quote is its own when it has its own subject ('"...," she
        # said'), not when it starts another act ('"...," adding that ...', '"..." and
        # 14 percent said "..."').
        own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        after = text[q.close_end : token.idx].split()
        joined = (bool(after) and after[0].strip(",;").lower() in lang.conjunctions) or any(
            c.dep_ in {"mark", "advmod"} and c.tag_ in {"IN", "WRB"} and q.close_end <= c.idx
            for c in token.lefts
        )
        if len(words) <= window and own and not joined:
            return token
        break
    for token in reversed(cues[:first_after]):
        between = text[token.idx : q.open_at]
        if token.idx <= prev_end or token.idx >= q.open_at or "\n" in between:
            break
        stop_check_end = min(len(text), q.start + 1)  # through the quote's first letter
        if (
            _sentence_ends(doc, token.idx, stop_check_end, lang)
            or len(between.split()) > 2 * window
        ):
            break
        return token
    return None


def _only_subject_between(doc: Doc, start: int, cue: Token) -> bool:
    """Whether nothing but the cue's subject (and punctuation) lies between ``start``
    and the cue."""
    subject = _subject(cue)
    if subject is None:
        return False
    between = doc.char_span(start, cue.idx, alignment_mode="expand") if start < cue.idx else None
    tokens = [t for t in between if t.i != cue.i] if between is not None else []
    return all(
        t.is_punct or t.is_space or subject.left_edge.i <= t.i <= subject.right_edge.i
        for t in tokens
    )


def _sentence_ends(doc: Doc, start: int, end: int, lang: LangData) -> bool:
    """Whether a sentence ends between two character offsets: a stop after a word that
    is no abbreviation or initial ("Sen. Warren", "Elijah E. Cummings" do not end one)."""
    text = _text(doc)
    for match in _SENTENCE_END.finditer(text, start, end):
        before = text[max(start, match.start() - 6) : match.start() + 1].split()
        word = before[-1].lower() if before else ""
        if word in lang.honorifics or word in lang.abbreviations:
            continue
        if len(word) == 2 and word[0].isalpha():
            continue  # an initial: "E."
        return True
    return False


def _dash_attribution(doc: Doc, q: _Marked, found: DocMentions) -> tuple[int, int] | None:
    """A name after a dash right after the quote: '"..." ― Karen Bobadilla'."""
    text = _text(doc)
    match = _DASH_NAME.match(text, q.close_end)
    if match is None:
        return None
    span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is None:
        return None
    person = found.at(span.start, "PERSON") or found.at(span.start, "ORGANIZATION")
    if person is not None and person.start == span.start:
        return _char(doc[person.start : person.end])
    name_end = span.start
    while name_end < len(doc) and name_end - span.start < 4 and doc[name_end].text[:1].isupper():
        name_end += 1
    if name_end - span.start >= 2 and "\n" not in doc[span.start : name_end].text:
        return _char(doc[span.start : name_end])
    return None


def _colon_intro(doc: Doc, q: _Marked, inside: list[bool], lang: LangData) -> Token | Span | None:
    """For a quote opened right after a colon: the cue of the introducing sentence, or
    the name/title before the colon in a "Name: quote" line."""
    k = q.open_at - 1
    while k >= 0 and _text(doc)[k].isspace():
        k -= 1
    if k < 0 or _text(doc)[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = _sentence(doc, colon.start)
    for token in reversed(list(sent)):
        if token.i < colon.start and not inside[token.i] and _is_cue(token, lang):
            return token
    return doc[sent.start : colon.start] if colon.start > sent.start else None


def _embedded_span(doc: Doc, cue: Token, q: _Marked, lang: LangData) -> tuple[int, int] | None:
    """Quoted words inside the complement of a cue before them, with no colon or comma
    between ("called the media 'dishonest'", "said at an event that 'a bomb' went off"):
    the content is that complement, quoted words included (a mixed quote)."""
    text = _text(doc)
    if cue.idx > q.open_at:
        return None
    between = text[cue.idx + len(cue.text) : q.open_at]
    if any(ch in between for ch in ":,\n") or not between.strip():
        return None
    inner = doc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None:
        return None
    first = inner.start
    part = next(
        (
            c
            for c in cue.rights
            if c.dep_ in {"dobj", "ccomp", "xcomp", "oprd", "attr", "prep", "dative"}
            and c.left_edge.i <= first <= c.right_edge.i
        ),
        None,
    )
    if part is None:
        return None
    # The object before the quoted complement belongs to it: "described the media as
    # '...'", "called Friday's decision 'a huge win'"; so does a "what" object before
    # the cue: "what he called a 'brazen breach'".
    # Not so the addressee before a reported clause: "told supporters that '...'".
    start_tok = part.left_edge.i
    for c in cue.children:
        if (
            part.dep_ != "ccomp"
            and c.dep_ in {"dobj", "dative"}
            and c.i < part.i
            and (c.i > cue.i or c.lower_ in {"what", "which"})
        ):
            start_tok = min(start_tok, c.left_edge.i)
        # A relative pronoun as subject is the speaker inside the content, as with
        # moved words: "a bill that described young men as 'super predators'".
        if (
            cue.dep_ == "relcl"
            and c.dep_ in {"nsubj", "nsubjpass"}
            and c.i < cue.i
            and c.lower_ in lang.relative_pronouns
        ):
            start_tok = min(start_tok, c.i)
    while start_tok < first and doc[start_tok].dep_ == "mark":
        start_tok += 1
    right = doc[part.right_edge.i]
    end = max(q.close_end, right.idx if right.is_punct else right.idx + len(right.text))
    start = doc[start_tok].idx
    return (start, end) if start < q.open_at else None


def _complete_fragment(
    doc: Doc, fq: FoundQuote, marked: list[_Marked], lang: LangData
) -> FoundQuote:
    """A direct quote of a few words inside a sentence becomes the mixed quote of the
    clause they complete."""
    if fq.kind != "direct" or fq.pieces:
        return fq
    q = next((m for m in marked if m.start == fq.start and m.end == fq.end), None)
    if q is None:
        return fq
    span = _fragment_span(doc, q, marked, lang)
    if span is None:
        return fq
    return replace(
        fq,
        start=span[0],
        end=span[1],
        kind="mixed",
        confidence=_confidence("mixed", fq.speaker_kind),
    )


def _fragment_span(
    doc: Doc, q: _Marked, marked: list[_Marked], lang: LangData
) -> tuple[int, int] | None:
    """Quoted words that are a fragment of a sentence ("his prediction that Trump would
    be 'the healthiest individual ever elected'"): the content is the clause they
    complete, from the complement of the noun or verb that reports it."""
    text = _text(doc)
    inner = text[q.start : q.end].lstrip()
    k = q.open_at - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    if not inner[:1].islower() or k < 0 or not text[k].isalnum():
        return None
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    # The predicate of a naming verb is its own content: called them "lone wolves".
    if span is None or span.root.head.i == span.root.i or span.root.dep_ == "oprd":
        return None
    token = span.root.head

    def inside_quote(t: Token) -> bool:
        return any(m.open_at <= t.idx < m.close_end for m in marked)

    for _ in range(4):
        if _is_cue(token, lang) or token.lemma_.lower() in lang.object_reporting_verbs:
            return _embedded_span(doc, token, q, lang)
        head = token.head
        clause = token.pos_ in {"VERB", "AUX"}
        if (
            clause
            and head.i != token.i
            and (
                _is_cue(head, lang)
                or (token.dep_ in {"acl", "ccomp"} and head.pos_ in {"NOUN", "PROPN"})
            )
        ):
            start = token.left_edge.i
            while (doc[start].is_punct and not _opening_mark(doc, start, span.end)) or (
                doc[start].is_space or doc[start].dep_ == "mark"
            ):
                start += 1
            # The clause goes on after the quoted words up to its next coordinated part.
            end, k = q.close_end, span.end
            while k <= token.right_edge.i and not (
                doc[k].is_punct or doc[k].dep_ in {"cc", "conj"} or inside_quote(doc[k])
            ):
                end = _char(doc[k])[1]
                k += 1
            return (doc[start].idx, end) if doc[start].idx < q.open_at else None
        if head.i == token.i:
            return None
        token = head
    return None


def _sentence_subject(
    doc: Doc, intro: Span, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int], str] | None:
    """The named subject of a sentence introducing a quote with a colon and no
    reporting verb: "Obama is rolling out a new message: '...'"."""
    for token in intro:
        if token.dep_ == "nsubj" and (token.head.dep_ == "ROOT" or token.head.head.i >= intro.end):
            speaker, kind = _speaker_span(doc, token, found, lang)
            return (speaker, kind) if kind == "name" else None
    return None


def _attribute_direct(
    doc: Doc,
    q: _Marked,
    marked: list[_Marked],
    inside: list[bool],
    cues: list[Token],
    found: DocMentions,
    lang: LangData,
    previous: FoundQuote | None,
) -> FoundQuote | None:
    words = len(_text(doc)[q.start : q.end].split())
    cue = _cue_near(doc, q, marked, cues, lang)
    shape = "direct"
    if cue is None:
        intro = _colon_intro(doc, q, inside, lang)
        if isinstance(intro, Token):
            cue, shape = intro, "colon"
        elif isinstance(intro, Span):
            prefix = _name_prefix(doc, intro, found, lang) or _sentence_subject(
                doc, intro, found, lang
            )
            if prefix is not None:
                conf = _confidence("colon", prefix[1])
                return FoundQuote(q.start, q.end, "direct", None, prefix[0], prefix[1], conf)
        dashed = _dash_attribution(doc, q, found)
        if dashed is not None:
            return FoundQuote(
                q.start, q.end, "direct", None, dashed, "name", _confidence("dash", "name")
            )
    if cue is not None:
        subject = _subject(cue)
        speaker: tuple[int, int] | None = None
        kind: str | None = None
        if subject is not None:
            speaker, kind = _speaker_span(doc, subject, found, lang)
        embedded = _embedded_span(doc, cue, q, lang) if shape == "direct" else None
        if embedded is not None:
            start, end = embedded
            return FoundQuote(
                start, end, "mixed", _char(cue), speaker, kind, _confidence("mixed", kind)
            )
        return FoundQuote(
            q.start, q.end, "direct", _char(cue), speaker, kind, _confidence(shape, kind)
        )
    text = _text(doc)[q.start : q.end].rstrip()
    sentence_like = text[-1:] in ".!?…" or text[-2:-1] in ".!?"
    if previous is not None and sentence_like and _starts_paragraph_or_sentence(doc, q):
        gap = _text(doc)[previous.end : q.open_at]
        if gap.count("\n") <= 4 and previous.speaker_kind is not None:
            return FoundQuote(
                q.start,
                q.end,
                "direct",
                None,
                previous.speaker,
                previous.speaker_kind,
                _confidence("follow-on", previous.speaker_kind),
            )
    if words >= MIN_UNATTRIBUTED_WORDS and sentence_like:
        return FoundQuote(
            q.start, q.end, "direct", None, None, None, _confidence("unattributed", None)
        )
    return None


def _names_a_work(doc: Doc, q: _Marked, lang: LangData) -> bool:
    """Quoted words that name a show, book or article rather than say something:
    a few capitalized words after a possessive, article or preposition (MSNBC's
    "Morning Joe", on "Meet the Press", the book "Fire and Fury")."""
    words = [w.strip(".,!?:;") for w in _text(doc)[q.start : q.end].split()]
    if not words or len(words) > 6:
        return False
    if not all(w[:1].isupper() or w.lower() in lang.name_connectors or not w for w in words):
        return False
    before = doc.char_span(q.open_at, q.open_at + 1, alignment_mode="expand")
    if before is None or before.start == 0:
        return False
    previous = doc[before.start - 1]
    possessive = previous.tag_ in {"POS", "PRP$"} or previous.lower_ in {"'s", "’s"}
    return (possessive or previous.tag_ in {"DT", "IN"}) and not _is_cue(previous, lang)


def _starts_paragraph_or_sentence(doc: Doc, q: _Marked) -> bool:
    k = q.open_at - 1
    while k >= 0 and _text(doc)[k] in " \t\xa0":
        k -= 1
    return k < 0 or _text(doc)[k] in "\n.!?"


# --- indirect quotes --------------------------------------------------------------------


def _clause_span(doc: Doc, cue: Token, clause: Token, lang: LangData) -> tuple[int, int] | None:
    """Token range of a reported clause, without complementizer and final punctuation.

    After its cue ("X said that ...") the parser often cuts a long complement into
    several complements of the cue: the clause runs through all of them. A reporting
    verb coordinated inside it ("he respects Clinton and calls her ...") starts another
    attribution, and is cut off.
    """
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    sent = _sentence(doc, cue.i)
    if clause.i > cue.i:
        start = max(start, cue.i + 1)
        for other in cue.children:
            if other.dep_ == "ccomp" and other.i > clause.i:
                end = max(end, other.right_edge.i + 1)
        moved = _extracted_start(doc, cue, clause, lang)
    else:
        # "A, but B, sources said": what precedes the attribution is all reported.
        start, moved = sent.start, None
    # "X said A, but B": a clause coordinated after the reported one is reported too,
    # unless it is the speaker's next act of speech ("... and added that ...").
    k = end
    while k < sent.end and (doc[k].text == "," or doc[k].is_space):
        k += 1
    if k < sent.end and doc[k].dep_ == "cc":
        conj = next(
            (
                t
                for t in doc[k + 1 : sent.end]
                if t.dep_ == "conj" and (t.head.i == cue.i or start <= t.head.i < end)
            ),
            None,
        )
        if conj is not None and not _new_act(conj, lang) and conj.pos_ in {"VERB", "AUX"}:
            end = max(end, conj.right_edge.i + 1)
    for k in range(start + 1, end):
        token = doc[k]
        # A semicolon or an opening parenthesis ends the reported clause; a short
        # bracketed name inside it does not ("the Organization of Turkic States (OTS)").
        closing = next((j for j in range(k + 1, min(k + 5, end)) if doc[j].text == ")"), None)
        if token.text == ";" or (token.text == "(" and closing is None):
            end = k
            break
        # "..., telling reporters that ...", "... and calls her ...": another attribution.
        if (
            start <= token.head.i < k
            and token.dep_ in {"conj", "advcl", "dep"}
            and _new_act(token, lang)
        ):
            end = token.left_edge.i
            break
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
        if _opening_mark(doc, start, end):
            break
        start += 1
    start = start if moved is None else moved
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if end - start < 3 or not any(doc[k].pos_ in {"VERB", "AUX"} for k in range(start, end)):
        return None
    return start, end


def _opening_mark(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i`` is a quote mark opening quoted words (attached to the next)."""
    token = doc[i]
    return (
        token.is_quote
        and i + 1 < end
        and not doc[i + 1].is_punct
        and doc[i + 1].idx == token.idx + len(token.text)
    )


def _new_act(token: Token, lang: LangData) -> bool:
    """Whether a reporting verb inside a reported clause reports something of its own
    ("..., adding that ...", "and she told reporters ..."), rather than being used
    for its object ("would add $84 billion", "to assert their rights") or as a passive
    participle ("when asked to")."""
    if not _is_cue(token, lang):
        return False
    deps = {c.dep_ for c in token.children}
    # An act aimed at someone ("blasted him for ...") is an act of its own.
    aimed = any(
        c.dep_ == "dobj"
        and (c.pos_ in {"PRON", "PROPN"} or c.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"})
        for c in token.children
    )
    if (
        not aimed
        and "dobj" in deps
        and not deps & {"ccomp", "xcomp", "oprd"}
        and token.lemma_.lower() != "tell"
        and not any(t.is_quote for t in token.subtree)
    ):
        return False
    return not (token.tag_ == "VBN" and token.dep_ == "advcl" and not deps & {"nsubj", "nsubjpass"})


def _extracted_start(doc: Doc, cue: Token, clause: Token, lang: LangData) -> int | None:
    """Where a reported clause starts when a word of it was moved in front of the
    attribution: "the fund, which the campaign says includes ...", "what Trump says his
    plan would do", "something aides argue is possible". The moved word is part of what
    was said, and so is the attribution it leaves inside the content."""
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > cue.i:
        return None
    # "that" before the speaker is the complementizer of the attribution's own clause
    # ("found that 30 percent said ..."), unless the attribution is a relative clause.
    moved = next(
        (
            c
            for c in (*cue.lefts, *clause.lefts)
            if c.i < subject.left_edge.i
            and c.lower_ in lang.relative_pronouns
            and (c.lower_ != "that" or cue.dep_ == "relcl")
            and c.dep_ in {"nsubj", "nsubjpass", "dobj", "mark", "attr", "pobj"}
        ),
        None,
    )
    if moved is not None:
        return moved.i
    gap = not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
    if cue.dep_ == "relcl" and gap and cue.head.i == subject.left_edge.i - 1:
        return cue.head.i  # "something aides argue is possible"
    return None


def _add_indirect(
    doc: Doc, quotes: list[FoundQuote], inside: list[bool], found: DocMentions, lang: LangData
) -> list[FoundQuote]:
    result = list(quotes)
    for token in doc:
        if inside[token.i]:
            continue
        if _is_cue(token, lang):
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            shape = "indirect"
            if clause is not None:
                rng = _clause_span(doc, token, clause, lang)
            else:
                rng = _parenthetical_span(doc, token)
                if rng is None and token.lemma_.lower() in lang.object_reporting_verbs:
                    rng, shape = _object_span(doc, token), "object"
            if rng is None:
                continue
            subject = _subject(token)
            if subject is None or subject.lower_ in {"it", "there"}:
                continue  # "It was announced that ...": reported, but by nobody named
            speaker, kind = _speaker_span(doc, subject, found, lang)
            _merge(doc, result, rng, _char(token), speaker, kind, shape)
        elif (source := _source_cue(doc, token, lang)) is not None:
            cue_span, speaker_token, rng = source
            speaker, kind = _speaker_span(doc, speaker_token, found, lang)
            _merge(doc, result, rng, cue_span, speaker, kind)
    return result


def _object_span(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """What a promise, demand or announcement is about: the verb's object and/or
    infinitive ("vowed to cut taxes", "urged Congress to act", "announced the pick")."""
    parts = [c for c in cue.rights if c.dep_ in {"dobj", "xcomp"}]
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    return start, end


def _parenthetical_span(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """The statement around an attribution set off by commas: "X, he said, Y" (the
    whole sentence) or "X, experts say." (what comes before)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ in {"dobj", "xcomp", "ccomp", "attr"} for c in cue.children):
        return None
    sent = _sentence(doc, cue.i)
    a = min(subject.left_edge.i, cue.i)
    b = max(subject.right_edge.i, cue.i) + 1
    # Adverbs and time phrases of the attribution ("said on Monday") belong to it.
    while b < sent.end and doc[b].head.i == cue.i and doc[b].dep_ in {"advmod", "npadvmod", "prep"}:
        b = doc[b].right_edge.i + 1
    before_comma = a > sent.start and doc[a - 1].text == ","
    after = b
    while after < sent.end and doc[after].is_space:
        after += 1
    at_end = after >= sent.end or all(doc[k].is_punct for k in range(after, sent.end))
    after_comma = after < sent.end and doc[after].text == ","
    if not before_comma or not (at_end or after_comma):
        return None
    # "At the same time, she added, '...'": the attribution introduces a direct quote.
    if after_comma and after + 1 < sent.end and doc[after + 1].is_quote:
        return None
    start, end = _trim(doc, sent.start, a - 1 if at_end else sent.end)
    if end - start < 3 or not any(doc[k].pos_ in {"VERB", "AUX"} for k in range(start, end)):
        return None
    return start, end


def _merge(
    doc: Doc,
    quotes: list[FoundQuote],
    rng: tuple[int, int],
    cue: tuple[int, int],
    speaker: tuple[int, int] | None,
    kind: str | None,
    shape: str = "indirect",
) -> None:
    """Add an indirect quote, or make it mixed when it holds quoted words."""
    start, end = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
    held = [q for q in quotes if start <= q.start and q.end <= end + 2 and q.kind == "direct"]
    overlapping = [q for q in quotes if q.start < end and start < q.end and q not in held]
    if overlapping:
        return  # the words already belong to a quote found with stronger evidence
    if held:
        quoted = sum(q.end - q.start for q in held)
        if quoted >= 0.9 * (end - start):
            for q in held:
                if q.speaker is None:
                    quotes[quotes.index(q)] = replace(
                        q,
                        cue=cue,
                        speaker=speaker,
                        speaker_kind=kind,
                        confidence=_confidence("direct", kind),
                    )
            return
        for q in held:
            quotes.remove(q)
        # The content runs through the closing mark of the quoted words it holds.
        text = _text(doc)
        for q in held:
            stop = q.end
            while stop < len(text) and stop - q.end < 2 and text[stop] in _CLOSERS:
                stop += 1
            end = max(end, stop)
        quotes.append(
            FoundQuote(start, end, "mixed", cue, speaker, kind, _confidence("mixed", kind))
        )
        return
    quotes.append(FoundQuote(start, end, "indirect", cue, speaker, kind, _confidence(shape, kind)))


def _source_cue(
    doc: Doc, token: Token, lang: LangData
) -> tuple[tuple[int, int], Token, tuple[int, int]] | None:
    """'according to X' and the like: (cue chars, speaker head, content tokens)."""
    if token.lower_ not in {words[0] for words in lang.source_cues}:
        return None
    for words in lang.source_cues:
        if token.i + len(words) > len(doc):
            continue
        if tuple(doc[token.i + k].lower_ for k in range(len(words))) != words:
            continue
        last = doc[token.i + len(words) - 1]
        source = next((c for c in last.children if c.dep_ == "pobj"), None)
        if source is None and token.i + len(words) < len(doc):
            source = doc[token.i + len(words)]
        if source is None:
            return None
        cue_span = (token.idx, last.idx + len(last.text))
        sent = _sentence(doc, token.i)
        phrase_end = max(source.right_edge.i + 1, token.i + len(words))
        before = (sent.start, token.i)
        after = (phrase_end, sent.end)
        side = before if before[1] - before[0] >= after[1] - after[0] else after
        start, end = _trim(doc, *side)
        if end - start < 3:
            return None
        return cue_span, source, (start, end)
    return None


# --- headlines --------------------------------------------------------------------------


def _name_prefix(
    doc: Doc, prefix: Span, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int], str] | None:
    """A "Name" or "Title" standing alone before a colon: its span and kind."""
    start, end = prefix.start, prefix.end
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    if not 1 <= end - start <= 5:
        return None
    for m in (*found.persons, *found.orgs):
        if m.start == start and m.end == end:
            return _char(doc[start:end]), "name"
    for t in found.titles:
        if t.mention.start <= start and end <= t.mention.end and t.core_start >= start:
            return _char(doc[start:end]), "title"
    return None


def _headlines(
    doc: Doc, found: DocMentions, lang: LangData, inside: list[bool]
) -> list[FoundQuote]:
    """Lines that open with a speaker and a colon: headlines ("Name: statement",
    "Title: statement") and transcripts ("TAPPER: ..."). The speaker is a name, a title
    or a speaker label of at most five words; after a title the statement is a
    headline's (3-30 words), after a name it may be a whole paragraph."""
    quotes: list[FoundQuote] = []
    offset = 0
    for line in _text(doc).splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        colon_at = line.find(":")
        if colon_at < 0 or any(ch in lang.quote_pairs for ch in line[:colon_at]):
            continue
        body = doc.char_span(line_start, line_start + len(line.rstrip()), alignment_mode="expand")
        colon = doc.char_span(
            line_start + colon_at, line_start + colon_at + 1, alignment_mode="expand"
        )
        if body is None or colon is None or inside[colon.start]:
            continue
        prefix = _name_prefix(doc, doc[body.start : colon.start], found, lang)
        statement = doc[colon.end : body.end]
        words = [t for t in statement if t.is_alpha]
        if prefix is None:
            continue
        longest = 30 if prefix[1] == "title" else 250
        if not 3 <= len(words) <= longest:
            continue
        speaker, kind = prefix
        s, e = statement.start_char, statement.end_char
        quotes.append(
            FoundQuote(s, e, "direct", None, speaker, kind, _confidence("headline", kind))
        )
    return quotes


# --- languages parsed without dependencies (our own NER-only pipelines) ----------------
#
# The Turkic languages put the reporting verb last and the speaker first: «...», - deyə
# Bağırov bildirib; Bağırov bildirib ki, ...; Bağırov ... töhfə verdiyini vurğulayıb;
# Bağırovun sözlərinə görə, ... . Without a parse, the words around the cue decide.


@cache
def _phrase_words(code: str) -> list[tuple[Words, ...]]:
    """Each cue phrase of a language as one word set per word (stems included)."""
    return [tuple(Words({w}) for w in phrase) for phrase in get_lang(code).cue_phrases]


@cache
def _source_words(code: str) -> list[tuple[Words, ...]]:
    """Each source cue ("по словам", "как заявил-") as one word set per word."""
    return [tuple(Words({w}) for w in cue) for cue in get_lang(code).source_cues]


def _flat_cues(doc: Doc, lang: LangData, inside: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of reporting cues outside quotes: one word or a phrase."""
    phrases = _phrase_words(lang.code)
    cues: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if inside[i] or not doc[i].text[:1].isalpha():
            i += 1
            continue
        size = next(
            (
                len(p)
                for p in phrases
                if i + len(p) <= len(doc)
                and all(doc[i + k].lower_ in words for k, words in enumerate(p))
            ),
            1 if doc[i].lower_ in lang.reporting_verbs else 0,
        )
        if size:
            cues.append((i, i + size))
            i += size
        else:
            i += 1
    return cues


def _flat_speaker(
    doc: Doc, found: DocMentions, lang: LangData, lo: int, hi: int, inside: list[bool]
) -> tuple[tuple[int, int], str] | None:
    """The speaker named in tokens [lo, hi): the last person or organization, else the
    last title, else a personal pronoun."""
    for pool, kind in ((found.persons, "name"), (found.orgs, "name")):
        hits = [m for m in pool if lo <= m.start and m.end <= hi and not inside[m.start]]
        if hits:
            best = max(hits, key=lambda m: m.start)
            return _char(doc[best.start : best.end]), kind
    titles = [t.mention for t in found.titles if lo <= t.mention.start and t.mention.end <= hi]
    if titles:
        best = max(titles, key=lambda m: m.start)
        return _char(doc[best.start : best.end]), "title"
    for k in range(hi - 1, lo - 1, -1):
        if not inside[k] and doc[k].lower_ in lang.person_pronouns:
            return _char(doc[k]), "pronoun"
    return None


# "— Мы продолжим, — сказал он." : the words between a paragraph's opening dash and
# the ", —" (or "! —", "? —") that hands over to the attribution.
_DASH_SPEECH = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<said>[^\n]+?[,!?…])[ \t]*[—–][ \t]*(?=\w)")


def _dash_speech(text: str, marked: list[_Marked]) -> list[_Marked]:
    found = []
    for m in _DASH_SPEECH.finditer(text):
        start, end = m.start("said"), m.end("said")
        if any(q.open_at < end and start < q.close_end for q in marked):
            continue
        said_end = end - 1 if text[end - 1] == "," else end  # the comma is no speech
        found.append(_Marked(m.start(), start, said_end, True, end))
    return found


def _find_quotes_flat(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundQuote]:
    text = _text(doc)
    marked = _speech_marks(doc, lang, found)
    if lang.dash_speech:
        marked = sorted([*marked, *_dash_speech(text, marked)], key=lambda q: q.open_at)
    inside = _token_mask(doc, marked)
    cues = _flat_cues(doc, lang, inside)
    used: set[tuple[int, int]] = set()
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    for q in marked:
        fq = _flat_direct(doc, q, marked, cues, found, lang, inside, previous, used)
        if fq is not None:
            quotes.append(fq)
            previous = fq if fq.speaker else previous
    quotes = _join_split(text, quotes)
    for cue in cues:
        if cue not in used:
            fq = _flat_indirect(doc, cue, found, lang, inside)
            if fq is not None and not any(fq.start < o.end and o.start < fq.end for o in quotes):
                quotes.append(fq)
    for i, token in enumerate(doc):
        if not inside[i] and any(token.lower_ in cue[-1] for cue in _source_words(lang.code)):
            fq = _flat_source(doc, i, found, lang, inside)
            if fq is not None and not any(fq.start < o.end and o.start < fq.end for o in quotes):
                quotes.append(fq)
    headlines = _headlines(doc, found, lang, inside)
    quotes = [
        q for q in quotes if not any(h.start <= q.start and q.end <= h.end for h in headlines)
    ]
    quotes.extend(headlines)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _flat_direct(
    doc: Doc,
    q: _Marked,
    marked: list[_Marked],
    cues: list[tuple[int, int]],
    found: DocMentions,
    lang: LangData,
    inside: list[bool],
    previous: FoundQuote | None,
    used: set[tuple[int, int]],
) -> FoundQuote | None:
    text = _text(doc)
    span = doc.char_span(q.open_at, q.close_end, alignment_mode="expand")
    inner = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or inner is None:
        return None
    # The quote's sentence is its words' (a sentencizer may leave an opening « with the
    # sentence before it).
    sent = _sentence(doc, inner.start)
    next_open = min((m.open_at for m in marked if m.open_at >= q.close_end), default=len(text))
    # The cue after the quote, in its sentence and before the next quote: speaker
    # between them ("«...», - deyə Bağırov bildirib") or right after the cue.
    after = next(
        (
            c
            for c in cues
            if span.end <= c[0]
            and doc[c[0]].idx < next_open
            and "\n" not in text[q.close_end : doc[c[0]].idx]
            and c[0] - span.end <= 12
        ),
        None,
    )
    cue: tuple[int, int] | None = None
    speaker: tuple[tuple[int, int], str] | None = None
    if after is not None:
        cue = after
        speaker = _flat_speaker(doc, found, lang, span.end, after[0], inside) or _flat_speaker(
            doc, found, lang, after[1], min(after[1] + 8, _sentence(doc, after[0]).end), inside
        )
        if speaker is None:
            speaker = _flat_speaker(doc, found, lang, sent.start, span.start, inside)
    else:
        # The cue before the quote in its sentence ("Bağırov bildirib ki, «...»",
        # "Fidan şunları söyledi: «...»").
        before = [c for c in cues if sent.start <= c[0] and c[1] <= span.start]
        if before:
            cue = before[-1]
            speaker = _flat_speaker(doc, found, lang, sent.start, cue[0], inside)
    if cue is not None:
        used.add(cue)
        speaker_span, kind = speaker if speaker else (None, None)
        return FoundQuote(
            q.start,
            q.end,
            "direct",
            _char(doc[cue[0] : cue[1]]),
            speaker_span,
            kind,
            _confidence("direct", kind),
        )
    intro = _colon_intro(doc, q, inside, lang)
    if isinstance(intro, Span):
        prefix = _name_prefix(doc, intro, found, lang)
        if prefix is not None:
            conf = _confidence("colon", prefix[1])
            return FoundQuote(q.start, q.end, "direct", None, prefix[0], prefix[1], conf)
    body = text[q.start : q.end].rstrip()
    sentence_like = body[-1:] in ".!?…" or body[-2:-1] in ".!?"
    if previous is not None and sentence_like and _starts_paragraph_or_sentence(doc, q):
        gap = text[previous.end : q.open_at]
        if gap.count("\n") <= 4 and previous.speaker_kind is not None:
            conf = _confidence("follow-on", previous.speaker_kind)
            return FoundQuote(
                q.start, q.end, "direct", None, previous.speaker, previous.speaker_kind, conf
            )
    if len(body.split()) >= MIN_UNATTRIBUTED_WORDS and sentence_like:
        return FoundQuote(
            q.start, q.end, "direct", None, None, None, _confidence("unattributed", None)
        )
    return None


def _flat_indirect(
    doc: Doc, cue: tuple[int, int], found: DocMentions, lang: LangData, inside: list[bool]
) -> FoundQuote | None:
    """ "X bildirib ki, <clause>" (content after "ki"), or "X <clause> bildirib" (content
    between the speaker and the cue)."""
    sent = _sentence(doc, cue[0])
    speaker = _flat_speaker(doc, found, lang, sent.start, cue[0], inside)
    if speaker is None:
        return None
    k = cue[1]
    while k < sent.end and doc[k].is_punct:
        k += 1
    # A clause opened by a complementizer or closed by a clause ending is speech however
    # short ("ki, inflyasiya azalır"); other words between speaker and cue need three to
    # be more than an object.
    shortest = 3
    if not lang.head_final:
        k = _addressee_end(doc, k, sent.end, lang, inside)
    if k < sent.end and doc[k].lower_ in lang.complementizers:
        start, end = _trim(doc, k + 1, sent.end)
        shortest = 2
    elif not lang.head_final:
        return None  # "Лавров на пресс-конференции заявил": no clause before the cue
    else:
        speaker_end = doc.char_span(*speaker[0], alignment_mode="expand")
        if speaker_end is None:
            return None
        start, end = _trim(doc, speaker_end.end, cue[0])
        if (
            lang.clause_endings
            and end > start
            and not doc[end - 1].lower_.endswith(lang.clause_endings)
        ):
            return None  # an announced object ("yeni kampanyasını duyurdu"), not speech
        if lang.clause_endings:
            shortest = 2  # a nominalized clause: "инфляция баяулағанын"
    if end - start < shortest or any(inside[i] for i in range(start, end)):
        return None
    return _flat_indirect_quote(doc, (start, end), cue, speaker)


def _addressee_end(doc: Doc, k: int, end: int, lang: LangData, inside: list[bool]) -> int:
    """Where the clause's complementizer stands after a few words naming whom or where
    the words were said to ("заявил журналистам, что", "сообщил в интервью РИА Новости,
    что"); ``k`` itself where there are none."""
    for j in range(k, min(k + 7, end - 1)):
        if inside[j] or doc[j].text in {".", "!", "?", ":", ";", "—"}:
            break
        if doc[j].text == "," and doc[j + 1].lower_ in lang.complementizers:
            return j + 1 if j > k else k
        if doc[j].text == ",":
            break
    return k


def _flat_source(
    doc: Doc, i: int, found: DocMentions, lang: LangData, inside: list[bool]
) -> FoundQuote | None:
    """An "according to" cue ending at token ``i``. Verb-final languages name the
    source before it ("Bağırovun sözlərinə görə, <content>"); Russian after it ("По
    словам Расима Багирова, <content>"), the content following the comma that closes
    the source (or, without one, preceding the cue)."""
    for words in _source_words(lang.code):
        first = i - len(words) + 1
        if first < 0 or not all(doc[first + k].lower_ in w for k, w in enumerate(words)):
            continue
        sent = _sentence(doc, i)
        shortest = 3
        if lang.head_final:
            speaker = _flat_speaker(doc, found, lang, max(sent.start, first - 4), first, inside)
            content = (i + 1, sent.end)
            # A clause the comma sets off is speech however short ("инфляция баяулайды").
            shortest = 2 if i + 1 < sent.end and doc[i + 1].text == "," else 3
        else:
            comma = next(
                (k for k in range(i + 1, min(i + 8, sent.end)) if doc[k].text == ","), None
            )
            stop = comma if comma is not None else min(i + 5, sent.end)
            speaker = _flat_speaker(doc, found, lang, i + 1, stop, inside)
            content = (comma + 1, sent.end) if comma is not None else (sent.start, first)
            # A clause set off by the comma is speech however short ("переговоры
            # продолжатся").
            shortest = 2 if comma is not None else 3
        start, end = _trim(doc, *content)
        if speaker is None or end - start < shortest:
            return None
        return _flat_indirect_quote(doc, (start, end), (first, i + 1), speaker)
    return None


def _flat_indirect_quote(
    doc: Doc,
    content: tuple[int, int],
    cue: tuple[int, int],
    speaker: tuple[tuple[int, int], str],
) -> FoundQuote:
    """An indirect quote from token ranges of its content and cue."""
    s, e = _char(doc[content[0] : content[1]])
    conf = _confidence("indirect", speaker[1])
    return FoundQuote(s, e, "indirect", _char(doc[cue[0] : cue[1]]), speaker[0], speaker[1], conf)
