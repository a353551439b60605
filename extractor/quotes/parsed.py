"""The finder for dependency-parsed text (English), after the quotation rules of news
style guides (AP, Reuters) and the attribution categories of PARC/PolNeAR:
- direct: words inside quote marks, attributed by a reporting verb in the same
  paragraph ("'...,' she said"), by a sentence ending in a colon that introduces the
  quote, or inherited by a follow-on quoted paragraph from the previous quote's speaker;
- indirect: a reporting verb with a clausal complement ("X noted that ..."), or a
  source cue ("according to X") attached to a clause;
- mixed: an indirect complement that contains quoted words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..entities.base import DocMentions
from ..language import LangData
from .common import (
    FoundQuote,
    Marked,
    char_offsets,
    confidence_of,
    doc_text,
    head_word,
    institution_word,
    join_split,
    sentence_at,
    source_words,
    trim,
    unattributed,
)
from .headlines import find_headlines, name_prefix, with_headlines
from .marks import dash_speech, speech_marks, token_mask
from .speakers import colon_intro, is_cue, phrasal_noun, source_of, speaker_of, subject_of


def find_quotes_parsed(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundQuote]:
    """Every quote in a dependency-parsed ``doc``, in text order."""
    marked = speech_marks(doc, lang, found)
    if lang.dash_speech:
        marked = sorted([*marked, *dash_speech(doc_text(doc), marked)], key=lambda q: q.open_at)
    inside = token_mask(doc, marked)
    cues = [t for t in doc if not inside[t.i] and is_cue(t, lang)]
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    for q in marked:
        fq = _attribute_direct(doc, q, marked, inside, cues, found, lang, previous)
        if fq is not None:
            quotes.append(fq)
            previous = fq if fq.speaker else previous
    quotes = join_split(doc_text(doc), quotes)
    quotes.extend(_colon_blocks(doc, cues, quotes, found, lang))
    quotes = _add_indirect(doc, quotes, inside, found, lang)
    quotes = [_complete_fragment(doc, q, marked, lang) for q in quotes]
    return with_headlines(quotes, find_headlines(doc, found, lang, inside))


def _colon_blocks(
    doc: Doc, cues: list[Token], quotes: list[FoundQuote], found: DocMentions, lang: LangData
) -> list[FoundQuote]:
    """A block of speech without quote marks: the paragraph after a line that a cue and
    a colon end ("Анна говорит:\n...", "В канцелярии сообщили вчера:\n...")."""
    text = doc_text(doc)
    blocks = []
    for cue in cues:
        sent = sentence_at(doc, cue.i)
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text != ":" or last.i < cue.i:
            continue
        if cue.dep_ in {"acl", "relcl", "acl:relcl"}:
            continue  # "region, part of whose people considers itself a state:"
        after = text[last.idx + 1 :]
        gap = len(after) - len(after.lstrip())
        if "\n" not in after[:gap]:
            continue  # a colon before words on its own line only
        start = last.idx + 1 + gap
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".…"):
            end -= 1
        if end - start < 3 or text[start] in lang.quote_pairs:
            continue  # quoted words are found by their marks
        if any(q.start < end and start < q.end for q in quotes):
            continue
        subject = source_of(cue, lang) or _name_before(doc, cue, found)
        speaker, kind = (
            speaker_of(doc, subject, found, lang)
            if subject is not None
            else _document_source(doc, cue, found, lang)
        )
        conf = confidence_of("colon", kind)
        blocks.append(FoundQuote(start, end, "direct", char_offsets(cue), speaker, kind, conf))
    return blocks


def _attribute_direct(
    doc: Doc,
    q: Marked,
    marked: list[Marked],
    inside: list[bool],
    cues: list[Token],
    found: DocMentions,
    lang: LangData,
    previous: FoundQuote | None,
) -> FoundQuote | None:
    cue = _cue_near(doc, q, marked, cues, lang)
    shape = "direct"
    if cue is None:
        intro = colon_intro(doc, q, inside, lang)
        if isinstance(intro, Token):
            cue, shape = intro, "colon"
        elif isinstance(intro, Span):
            prefix = name_prefix(doc, intro, found, lang) or _sentence_subject(
                doc, intro, found, lang
            )
            if prefix is not None:
                conf = confidence_of("colon", prefix[1])
                return FoundQuote(q.start, q.end, "direct", None, prefix[0], prefix[1], conf)
        dashed = _dash_attribution(doc, q, found)
        if dashed is not None:
            return FoundQuote(
                q.start, q.end, "direct", None, dashed, "name", confidence_of("dash", "name")
            )
    if cue is not None:
        subject = source_of(cue, lang)
        speaker: tuple[int, int] | None = None
        kind: str | None = None
        if subject is not None:
            speaker, kind = speaker_of(doc, subject, found, lang)
        elif lang.unnamed_reports:
            speaker, kind = _document_source(doc, cue, found, lang)
        embedded = _embedded_span(doc, cue, q, lang) if shape == "direct" else None
        if embedded is not None:
            start, end = embedded
            return FoundQuote(
                start, end, "mixed", char_offsets(cue), speaker, kind, confidence_of("mixed", kind)
            )
        return FoundQuote(
            q.start, q.end, "direct", char_offsets(cue), speaker, kind, confidence_of(shape, kind)
        )
    return unattributed(doc, q, previous)


def _cue_near(
    doc: Doc, q: Marked, marked: list[Marked], cues: list[Token], lang: LangData
) -> Token | None:
    """The reporting verb that attributes quote ``q``: first after it, then before it,
    within its paragraph, not inside another quote, and near (a dozen words after:
    "..., said Sen. Elizabeth Warren, a Democrat from ..."; two dozen before)."""
    prev_end = max((m.end for m in marked if m.end <= q.open_at), default=-1)
    next_open = min((m.open_at for m in marked if m.open_at >= q.end), default=len(doc_text(doc)))
    window = 12
    starts = [t.idx for t in cues]
    first_after = bisect_left(starts, q.end)
    text = doc_text(doc)
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
        after = text[q.close_end : token.idx].split()
        own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children) or (
            # A report with no subject right after the quote ("«...», — говорится в
            # заявлении полиции").
            lang.unnamed_reports and not "".join(after).strip(",;—–-")
        )
        joined = (bool(after) and after[0].strip(",;").lower() in lang.conjunctions) or any(
            c.dep_ in {"mark", "advmod"} and c.tag_ in {"IN", "WRB"} and q.close_end <= c.idx
            for c in token.lefts
        )
        # One in the next sentence with a clause of its own reports that ('«…».
        # Каспаров считает, что …').
        clause = any(c.dep_ == "ccomp" and c.i > token.i for c in token.children) and (
            _sentence_ends(doc, max(q.start, q.end - 1), token.idx, lang)
        )
        if len(words) <= window and own and not joined and not clause:
            return token
        break
    for token in reversed(cues[:first_after]):
        between = text[token.idx : q.open_at]
        if token.idx <= prev_end or token.idx >= q.open_at or "\n" in between:
            break
        if subject_of(token) is None and any(a.i < token.i and a in cues for a in token.ancestors):
            # A cue with no speaker of its own inside what an earlier cue reports: the
            # quoted words are the earlier one's ("говорится, что ... признали
            # виновным в «...»").
            continue
        if _in_clause_between(doc, q, token, lang):
            break
        stop_check_end = min(len(text), q.start + 1)  # through the quote's first letter
        if (
            _sentence_ends(doc, token.idx, stop_check_end, lang)
            or len(between.split()) > 2 * window
        ):
            break
        return token
    return None


def _in_clause_between(doc: Doc, q: Marked, cue: Token, lang: LangData) -> bool:
    """Whether quoted words are part of a relative clause that stands between the cue
    and them, with a verb that reports nothing ("сообщили в музее, который открыл
    неделю «русского искусства»": the week's name, not what was said)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        cue.i < verb.i < span.start
        and verb.dep_ in {"relcl", "acl:relcl"}
        and verb.pos_ in {"VERB", "AUX"}
        and not is_cue(verb, lang)
        for verb in span.root.ancestors
    )


def _only_subject_between(doc: Doc, start: int, cue: Token) -> bool:
    """Whether nothing but the cue's subject (and punctuation) lies between ``start``
    and the cue."""
    subject = subject_of(cue)
    if subject is None:
        return False
    between = doc.char_span(start, cue.idx, alignment_mode="expand") if start < cue.idx else None
    tokens = [t for t in between if t.i != cue.i] if between is not None else []
    return all(
        t.is_punct or t.is_space or subject.left_edge.i <= t.i <= subject.right_edge.i
        for t in tokens
    )


# A sentence ends between a cue and a quote: "... said. Next sentence "quote"" (Latin
# or Cyrillic capitals: the parsed languages).
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’»]|'')?\s+(?:[\"“‘«„]|'')?[A-ZА-ЯЁ0-9]")


def _sentence_ends(doc: Doc, start: int, end: int, lang: LangData) -> bool:
    """Whether a sentence ends between two character offsets: a stop after a word that
    is no abbreviation or initial ("Sen. Warren", "Elijah E. Cummings" do not end one)."""
    text = doc_text(doc)
    for match in _SENTENCE_END.finditer(text, start, end):
        before = text[max(start, match.start() - 6) : match.start() + 1].split()
        word = before[-1].lower() if before else ""
        if word in lang.honorifics or word in lang.abbreviations:
            continue
        if len(word) == 2 and word[0].isalpha():
            continue  # an initial: "E."
        return True
    return False


_DASH_NAME = re.compile(r"[ \t\xa0]*[―—–][ \t\xa0]*(?=[A-Z])")


def _dash_attribution(doc: Doc, q: Marked, found: DocMentions) -> tuple[int, int] | None:
    """A name after a dash right after the quote: '"..." ― Karen Bobadilla'."""
    text = doc_text(doc)
    match = _DASH_NAME.match(text, q.close_end)
    if match is None:
        return None
    span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is None:
        return None
    person = found.at(span.start, "PERSON") or found.at(span.start, "ORGANIZATION")
    if person is not None and person.start == span.start:
        return char_offsets(doc[person.start : person.end])
    name_end = span.start
    while name_end < len(doc) and name_end - span.start < 4 and doc[name_end].text[:1].isupper():
        name_end += 1
    if name_end - span.start >= 2 and "\n" not in doc[span.start : name_end].text:
        return char_offsets(doc[span.start : name_end])
    return None


def _sentence_subject(
    doc: Doc, intro: Span, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int], str] | None:
    """The named subject of a sentence introducing a quote with a colon and no
    reporting verb: "Obama is rolling out a new message: '...'"."""
    for token in intro:
        if token.dep_ == "nsubj" and (token.head.dep_ == "ROOT" or token.head.head.i >= intro.end):
            speaker, kind = speaker_of(doc, token, found, lang)
            return (speaker, kind) if kind == "name" else None
    return None


def _embedded_span(doc: Doc, cue: Token, q: Marked, lang: LangData) -> tuple[int, int] | None:
    """Quoted words inside the complement of a cue before them, with no colon or comma
    between ("called the media 'dishonest'", "said at an event that 'a bomb' went off"):
    the content is that complement, quoted words included (a mixed quote)."""
    text = doc_text(doc)
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
    doc: Doc, fq: FoundQuote, marked: list[Marked], lang: LangData
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
        confidence=confidence_of("mixed", fq.speaker_kind),
    )


def _fragment_span(
    doc: Doc, q: Marked, marked: list[Marked], lang: LangData
) -> tuple[int, int] | None:
    """Quoted words that are a fragment of a sentence ("his prediction that Trump would
    be 'the healthiest individual ever elected'"): the content is the clause they
    complete, from the complement of the noun or verb that reports it."""
    text = doc_text(doc)
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
        if is_cue(token, lang) or token.lemma_.lower() in lang.object_reporting_verbs:
            return _embedded_span(doc, token, q, lang)
        head = token.head
        clause = token.pos_ in {"VERB", "AUX"}
        if (
            clause
            and head.i != token.i
            and (
                is_cue(head, lang)
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
                end = char_offsets(doc[k])[1]
                k += 1
            return (doc[start].idx, end) if doc[start].idx < q.open_at else None
        if head.i == token.i:
            return None
        token = head
    return None


def _add_indirect(
    doc: Doc, quotes: list[FoundQuote], inside: list[bool], found: DocMentions, lang: LangData
) -> list[FoundQuote]:
    result = list(quotes)
    for token in doc:
        if inside[token.i]:
            continue
        if is_cue(token, lang):
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            noun = phrasal_noun(token, lang)
            if clause is None and noun is not None:
                # "выразил надежду, что ...", "выразил желание сложить полномочия".
                clause = next(
                    (c for c in noun.children if c.dep_ in {"ccomp", "acl", "xcomp"}), None
                )
            shape = "indirect"
            if clause is not None:
                # (A parse that cut the clause short: the complementizer's clause.)
                rng = _clause_span(doc, token, clause, lang) or _complementizer_after(
                    doc, token, lang, inside
                )
            else:
                rng = (
                    _complementizer_after(doc, token, lang, inside)
                    or _parenthetical_span(doc, token, lang)
                    or _anaphoric_span(doc, token, lang)
                    or _topic_span(doc, token, lang, inside)
                    or (_topic_span(doc, noun, lang, inside) if noun is not None else None)
                )
                if rng is None and token.lemma_.lower() in lang.object_reporting_verbs:
                    rng, shape = _object_span(doc, token, lang), "object"
            if rng is None:
                continue
            if rng[1] <= sentence_at(doc, token.i).start:
                rng = _reported_in(doc, result, rng)
            subject = source_of(token, lang) or _name_before(doc, token, found)
            if subject is not None and subject.lower_ in lang.anaphors_alone:
                subject = None  # "Об этом говорится в сообщении дворца": no speaker
            speaker: tuple[int, int] | None
            kind: str | None
            if subject is not None and subject.lower_ not in {"it", "there"}:
                speaker, kind = speaker_of(doc, subject, found, lang)
            elif lang.unnamed_reports:
                # "Сообщается, что ...", "В заявлении полиции подчёркивается, что ...":
                # the document it is said in, or nobody named.
                speaker, kind = _document_source(doc, token, found, lang)
            else:
                continue  # "It was announced that ...": reported, but by nobody named
            _merge(doc, result, rng, char_offsets(token), speaker, kind, lang, shape)
        elif (source := _source_cue(doc, token, lang)) is not None:
            cue_span, speaker_token, rng = source
            if speaker_token is None:
                speaker, kind = None, "unnamed"
            else:
                if speaker_token.lower_ in lang.document_nouns:
                    # The author of the document: "Как следует из заявления МИД" (not its
                    # topic: "Согласно указу о проведении выборов").
                    speaker_token = next(
                        (
                            c
                            for c in speaker_token.children
                            if c.dep_ == "nmod" and not any(g.dep_ == "case" for g in c.children)
                        ),
                        speaker_token,
                    )
                speaker, kind = speaker_of(doc, speaker_token, found, lang)
                if kind == "noun" and speaker_token.lower_ in lang.document_nouns:
                    kind = "document"  # "Как отмечается в документе", "Согласно закону"
            _merge(doc, result, rng, cue_span, speaker, kind, lang)
    return result


def _complementizer_after(
    doc: Doc, cue: Token, lang: LangData, inside: list[bool]
) -> tuple[int, int] | None:
    """The clause a complementizer opens right after a cue the parse gave no clause:
    "заявил в понедельник, что знает, ... и надеется, ..." (the parser hung the clause
    on a later verb), to the end of the sentence. Only a few words with no verb may
    stand between the cue and the comma (when, where, to whom)."""
    sent = cue.sent
    for j in range(cue.i + 1, min(cue.i + 8, sent.end - 2)):
        token = doc[j]
        if token.pos_ in {"VERB", "AUX"} or inside[j] or token.text in {".", "!", "?", ":", ";"}:
            return None
        if token.text == "," and doc[j + 1].lower_ in lang.complementizers:
            start, end = trim(doc, j + 2, sent.end)
            return (start, end) if end - start >= 2 and not inside[start] else None
    return None


def _clause_span(doc: Doc, cue: Token, clause: Token, lang: LangData) -> tuple[int, int] | None:
    """Token range of a reported clause, without complementizer and final punctuation.

    After its cue ("X said that ...") the parser often cuts a long complement into
    several complements of the cue: the clause runs through all of them. A reporting
    verb coordinated inside it ("he respects Clinton and calls her ...") starts another
    attribution, and is cut off.
    """
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    sent = sentence_at(doc, cue.i)
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
    # A clause the language's complementizer opens is speech however short
    # ("заявил, что переговоры продолжатся").
    shortest = 3
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
        if _opening_mark(doc, start, end):
            break
        if doc[start].lower_ in lang.complementizers:
            shortest = 2
        start += 1
    start = start if moved is None else moved
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        if doc[end - 1].is_quote and any(doc[j].is_quote for j in range(start + 1, end - 1)):
            break  # the closing mark of quoted words inside ("веществом «Новичок»")
        end -= 1
    # A clause after a complementizer needs no verb ("что всё готово"): Russian has
    # no copula in the present.
    verbless = shortest == 2 and not lang.head_final
    if end - start < shortest or not (
        verbless or any(doc[k].pos_ in {"VERB", "AUX"} for k in range(start, end))
    ):
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
    if not is_cue(token, lang):
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


def _name_before(doc: Doc, cue: Token, found: DocMentions) -> Token | None:
    """A name opening the clause right before a cue with no subject, which the parser
    took for something else ("Б.Обама охарактеризовал ...")."""
    k = cue.i
    while k > 0 and doc[k - 1].pos_ == "ADV":
        k -= 1
    if k == 0:
        return None
    m = found.at(k - 1, "PERSON") or found.at(k - 1, "ORGANIZATION")
    if m is None or m.end != k:
        return None
    if m.start > 0 and not doc[m.start].is_sent_start and not doc[m.start - 1].is_punct:
        return None
    return doc[m.end - 1]


def _anaphoric_span(doc: Doc, cue: Token, lang: LangData, depth: int = 0) -> tuple[int, int] | None:
    """The sentence before a report whose content an anaphor stands for ("Об этом
    сообщила пресс-служба", "X подтвердил это", "эту информацию подтвердили в МВД"),
    or None. Where that sentence is itself such a report ("A. Об этом говорится в
    сообщении дворца. Полиция подтвердила эту информацию."), what it reported."""
    if not _has_anaphor(cue, lang):
        return None
    sent = sentence_at(doc, cue.i)
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[sent.start : cue.left_edge.i]):
        if cue.dep_ == "advcl" and sent.start <= cue.head.i < cue.i:
            # A gerund's "об этом" is its main clause: "Джобс покинул пост, сообщив об
            # этом в письме".
            start, end = trim(doc, sent.start, cue.left_edge.i)
            return (start, end) if end - start >= 2 else None
        return None  # "A сообщали о X, однако МЧС опровергли эту информацию": not before
    k = sent.start
    while k > 0 and (doc[k - 1].is_space or not doc[k - 1].text.strip()):
        k -= 1
    if k == 0:
        return None
    previous = sentence_at(doc, k - 1)
    if depth == 0:
        for token in previous:
            if is_cue(token, lang) and _has_anaphor(token, lang):
                return _anaphoric_span(doc, token, lang, depth + 1)
    start, end = trim(doc, previous.start, previous.end)
    return (start, end) if end - start >= 3 else None


def _reported_in(doc: Doc, quotes: list[FoundQuote], rng: tuple[int, int]) -> tuple[int, int]:
    """What an anaphor stands for in the sentence ``rng`` before it: the words a report
    there reported ("X заявил, что A. Позже эту версию подтвердил Y": A), else all of
    it."""
    start, end = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
    inside = [q for q in quotes if start <= q.start and q.end <= end]
    if not inside:
        return rng
    q = max(inside, key=lambda q: q.end - q.start)
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else rng


def _has_anaphor(cue: Token, lang: LangData) -> bool:
    """Whether a cue's dependents include a word standing for what was said before:
    "об этом", "это", a demonstrative with a noun of news ("эту информацию")."""
    return any(c.lower_ in lang.anaphors_alone or _anaphoric_noun(c, lang) for c in cue.children)


def _anaphoric_noun(token: Token, lang: LangData) -> bool:
    """A verb's object that stands for news told before: "эту информацию"."""
    return (
        token.dep_ == "dobj"
        and token.lower_ in lang.anaphoric_nouns
        and any(d.dep_ in {"det", "amod"} and d.lower_ in lang.determiners for d in token.children)
    )


def _document_source(
    doc: Doc, cue: Token, found: DocMentions, lang: LangData
) -> tuple[tuple[int, int] | None, str | None]:
    """The source of a report with no subject: the author of the document it is said
    in ("в заявлении полиции" -> "полиции"), the document itself ("В заявлении
    подчёркивается"), or none ("Сообщается, что ...")."""
    places = [
        c
        for c in cue.children
        if c.dep_ == "obl" and c.i < cue.i + 6 and c.lower_ not in lang.anaphors_alone
    ]
    # One after the cue first: "«... в Следственном управлении ...», - говорится в
    # заявлении полиции" is said in the statement, not the office the quote names.
    place = next((c for c in places if c.i > cue.i), places[0] if places else None)
    if place is None:
        return None, "unnamed"
    if place.pos_ == "PRON" and cue.dep_ in {"relcl", "acl:relcl", "acl"} and cue.head.i < cue.i:
        # "распространила заявление, в котором говорится, что ...": the relative
        # pronoun is the document the clause describes.
        place = cue.head
    # The author of a document ("в заявлении полиции", or who issued it: "Канцелярия
    # распространила заявление, в котором ..."); a place that is no document speaks
    # itself, with whose it is ("в министерстве энергетики").
    author = (
        next((c for c in place.children if c.dep_ == "nmod"), None)
        if place.lower_ in lang.document_nouns
        else None
    )
    if author is None and place.lower_ in lang.document_nouns and place.dep_ == "dobj":
        author = subject_of(place.head)
    speaker, kind = speaker_of(doc, author if author is not None else place, found, lang)
    if author is None and kind == "noun" and place.lower_ in lang.document_nouns:
        kind = "document"
    return speaker, kind


def _topic_span(doc: Doc, cue: Token, lang: LangData, inside: list[bool]) -> tuple[int, int] | None:
    """What a report is about where the language names it with a preposition or a
    pronoun: the clause after "о том, что" / "на то, что" ("рассказали о том, что
    ..."), or the noun phrase after "о" ("сообщила о смерти Мендонсы", "объявил о
    капитуляции")."""
    for child in cue.children:
        if inside[child.i]:
            continue  # a parse that runs into quoted words
        if child.lower_ in lang.clause_pronouns and not any(
            c.dep_ == "case" and c.lower_ not in lang.topic_prepositions for c in child.children
        ):
            # (Not after another preposition: "После того как ...", after.)
            clause = next(
                (c for c in child.children if c.dep_ in {"relcl", "acl", "ccomp", "advcl"}), None
            )
            if clause is not None:
                start, end = trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
                while start < end and doc[start].lower_ in lang.complementizers:
                    start += 1
                if end - start >= 2:
                    return start, end
        if child.dep_ == "obl" and any(
            c.dep_ == "case" and c.lower_ in lang.topic_prepositions for c in child.children
        ):
            start = child.left_edge.i
            while doc[start].lower_ in lang.topic_prepositions:
                start += 1
            start, end = trim(doc, start, child.right_edge.i + 1)
            # A personal pronoun is about someone or something, not what was said
            # ("сообщили о ней").
            if end - start == 1 and doc[start].pos_ == "PRON":
                continue
            if end - start >= 1:
                return start, end
    return None


def _object_span(doc: Doc, cue: Token, lang: LangData) -> tuple[int, int] | None:
    """What a promise, demand or announcement is about: the verb's object and/or
    infinitive ("vowed to cut taxes", "urged Congress to act", "announced the pick").
    A request or an order needs its infinitive: "попросил слова" asks for nothing
    reported."""
    # (Russian: "охарактеризовал X как Y", an oblique after the object.)
    parts = [c for c in cue.rights if c.dep_ in {"dobj", "xcomp"}]
    if any(_anaphoric_noun(c, lang) for c in parts):
        return None  # "опровергли эту информацию": what it stands for, or nothing
    if cue.lemma_.lower() in lang.directive_verbs:
        # What was asked or ordered, not of whom: "попросил депутатов дать время".
        # Someone must have asked: "по закону обязана сделать", "предложение обязать
        # платить" report no request.
        parts = [c for c in parts if c.dep_ == "xcomp"]
        if (
            not parts
            or "Pass" in cue.morph.get("Voice", [])
            or cue.morph.get("VerbForm", []) in (["Inf"], ["Part"])
        ):
            return None
    if cue.lemma_.lower() in lang.denial_verbs and not any(
        c.dep_ == "xcomp" or c.lemma_.lower() in lang.statement_nouns for c in parts
    ):
        return None  # "denied any involvement": a thing denied, no words reported
    if parts:
        # Only one that goes on from them ("охарактеризовал X как Y"), not a clause
        # after a comma.
        reach = max(c.right_edge.i for c in parts) + 1
        parts += [
            c
            for c in cue.rights
            if c.dep_ in {"obl", "advcl"}
            and c.i > parts[0].i
            and c.left_edge.i == reach
            and not doc[reach].is_punct
        ]
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    return start, end


def _parenthetical_span(doc: Doc, cue: Token, lang: LangData) -> tuple[int, int] | None:
    """The statement around an attribution set off by commas: "X, he said, Y" (the
    whole sentence) or "X, experts say." (what comes before); in a language that
    reports with no subject, also "X, сообщили в ведомстве", "X, говорится в
    заявлении полиции" (a finite verb)."""
    # The subject after the cue where the parse gives it two ("Мэром избран баскетболист
    # X, сообщило агентство AP": the player is the content's).
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    subject = next((c for c in subjects if c.i > cue.i), subjects[0] if subjects else None)
    # (A possessive right before the subject parsed as an object is the subject's: "...,
    # заявил её премьер-министр".)
    if any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "attr"}
        and not (
            subject is not None
            and c.pos_ == "PRON"
            and c.i + 1 == subject.left_edge.i
            and c.lower_ in lang.person_pronouns
        )
        for c in cue.children
    ):
        return None
    if subject is None and not (lang.unnamed_reports and "Fin" in cue.morph.get("VerbForm", [])):
        return None
    sent = sentence_at(doc, cue.i)
    a = min(subject.left_edge.i, cue.i) if subject is not None else cue.i
    if subject is not None and subject.i > cue.i:
        a = cue.i  # (words the parse hangs on a subject after the cue are not its)
    b = max(subject.right_edge.i, cue.i) + 1 if subject is not None else cue.i + 1
    # Adverbs and time phrases of the attribution ("said on Monday") belong to it.
    # ("сообщают СМИ со ссылкой на ...": an oblique of the verb; "сообщили «Интерфаксу»
    # в ведомстве": the addressee).
    trailing = {"advmod", "npadvmod", "prep", "obl", "iobj", "dative"}
    while b < sent.end:
        phrase = next((c for c in cue.rights if c.left_edge.i == b and c.dep_ in trailing), None)
        if phrase is None:
            break
        b = phrase.right_edge.i + 1
    # Set off by a comma, or a comma and a dash ("..., — заявил источник").
    k = a - 1
    if k > sent.start and doc[k].text in {"—", "–"}:
        k -= 1
    before_comma = k >= sent.start and a > sent.start and doc[k].text == ","
    a = k + 1 if before_comma else a
    after = b
    while after < sent.end and doc[after].is_space:
        after += 1
    # (A few words of when or where after the subject belong to the attribution:
    # "..., сообщили итальянские СМИ в конце ноября.")
    rest = [t for t in doc[after : sent.end] if not (t.is_punct or t.is_space)]
    at_end = not rest or (
        len(rest) <= 5
        and doc[after].text != ","
        and not any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in doc[after : sent.end])
    )
    after_comma = after < sent.end and doc[after].text == ","
    if not before_comma or not (at_end or after_comma):
        return None
    # "At the same time, she added, '...'": the attribution introduces a direct quote.
    if after_comma and after + 1 < sent.end and doc[after + 1].is_quote:
        return None
    start, end = trim(doc, sent.start, a - 1 if at_end else sent.end)
    if end - start < 3 or not any(doc[k].pos_ in {"VERB", "AUX"} for k in range(start, end)):
        return None
    # An adverbial clause before the verb is no statement ("But when Congress cut
    # funding ..., Mexico said enough", "Speaking to students ..., Biden responded").
    # Nor is a comment clause that a subordinator opens ("Кроме того, как стало
    # известно, двое сенаторов заявили о ...", as it became known).
    if at_end and any(
        doc[k].head.i == cue.i
        and (
            doc[k].dep_ == "advcl"
            or (doc[k].dep_ == "parataxis" and any(c.dep_ == "mark" for c in doc[k].children))
        )
        for k in range(start, end)
    ):
        return None
    return start, end


# The closing marks a mixed quote's content runs through.
_CLOSERS = frozenset("\"”’»“'")


def _merge(
    doc: Doc,
    quotes: list[FoundQuote],
    rng: tuple[int, int],
    cue: tuple[int, int],
    speaker: tuple[int, int] | None,
    kind: str | None,
    lang: LangData,
    shape: str = "indirect",
) -> None:
    """Add an indirect quote, or make it mixed when it holds quoted words."""
    start, end = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
    held = [q for q in quotes if start <= q.start and q.end <= end + 2 and q.kind == "direct"]
    overlapping = [q for q in quotes if q.start < end and start < q.end and q not in held]
    text = doc_text(doc)
    if overlapping and not all(
        (q.start, q.end) == (start, end)
        and q.cue is not None
        and q.cue != cue
        and speaker is not None
        and (q.speaker is None or text[slice(*q.speaker)] != text[slice(*speaker)])
        and (kind == "name" or institution_word(head_word(doc, *speaker), lang))
        for q in overlapping
    ):
        # The words already belong to a quote found with stronger evidence. (The
        # same words told by another source, named, in a sentence of its own, are
        # another report: "A. Об этом говорится в сообщении X. Полиция подтвердила эту
        # информацию."; the same source again is not: "Об этом он сказал в интервью",
        # "певица сообщила об этом в Instagram".)
        return
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
                        confidence=confidence_of("direct", kind),
                    )
            return
        for q in held:
            quotes.remove(q)
        # The content runs through the closing mark of the quoted words it holds.
        for q in held:
            stop = q.end
            while stop < len(text) and stop - q.end < 2 and text[stop] in _CLOSERS:
                stop += 1
            end = max(end, stop)
        quotes.append(
            FoundQuote(start, end, "mixed", cue, speaker, kind, confidence_of("mixed", kind))
        )
        return
    quotes.append(
        FoundQuote(start, end, "indirect", cue, speaker, kind, confidence_of(shape, kind))
    )


def _statement_in_source(doc: Doc, source: Token) -> int:
    """Where the statement starts that a parse with no comma to go by hung on the source
    ("По словам очевидцев пешеходы стояли ...": the witnesses' phrase ends before the
    subject of "стояли"): the first subject in the nominative, or the finite verb,
    after the source; else past the source's words."""
    end = source.right_edge.i + 1
    verb = next(
        (
            t
            for t in source.subtree
            if t.i > source.i
            and "Fin" in t.morph.get("VerbForm", [])
            and not any(a.dep_ in {"relcl", "acl:relcl", "acl"} for a in [t, *t.ancestors])
        ),
        None,
    )
    if verb is None:
        return end
    for k in range(source.i + 1, verb.i + 1):
        word = doc[k]
        if k == verb.i or (
            "Nom" in word.morph.get("Case", [])
            and (word.pos_ in {"NOUN", "PROPN", "PRON"} or word.morph.get("Animacy", []))
        ):
            return k
    return end


def _source_cue(
    doc: Doc, token: Token, lang: LangData
) -> tuple[tuple[int, int], Token | None, tuple[int, int]] | None:
    """'according to X' and the like ("по словам X", "как пишет X", "согласно X"):
    (cue chars, speaker head, content tokens)."""
    cues = source_words(lang.code)
    if not any(token.lower_ in words[0] for words in cues):
        return None
    for words in cues:
        if token.i + len(words) > len(doc):
            continue
        if not all(doc[token.i + k].lower_ in w for k, w in enumerate(words)):
            continue
        last = doc[token.i + len(words) - 1]
        # The source: the object of "according to", the genitive of "по словам", the
        # subject of "как пишет".
        source = next((c for c in last.children if c.dep_ in {"pobj", "nmod", "nsubj"}), None)
        if source is None and len(words) == 1 and last.dep_ == "case" and last.head.i > last.i:
            source = last.head  # a preposition hangs on its noun ("Согласно ... закону")
        if source is None:
            # The possessive inside the cue ("По её словам") is the source.
            inner = doc[token.i + 1 : token.i + len(words) - 1]
            source = next(
                (
                    t
                    for t in inner
                    if t.pos_ == "PRON"
                    or (
                        t.dep_ == "det"
                        and (t.lower_ in lang.person_pronouns or t.lower_ in lang.pronouns)
                    )
                ),
                None,
            )
        if source is None and last.pos_ == "VERB":
            # "Как сообщили в пресс-службе МЧС": where it was said names who said it.
            source = next((c for c in last.children if c.dep_ == "obl"), None)
        if source is None and token.i + len(words) < len(doc):
            source = doc[token.i + len(words)]
            if source.dep_ == "case" and source.head.i > source.i:
                source = source.head  # the noun, not its preposition
        if source is None or source.is_punct:
            if not (
                lang.unnamed_reports
                and (
                    last.pos_ == "VERB"
                    # (Not data a relative clause gives the source of: "По данным,
                    # которые приводит агентство, ...".)
                    or (
                        last.lower_ in lang.data_nouns
                        and not any(c.dep_ in {"relcl", "acl:relcl", "acl"} for c in last.children)
                    )
                )
                and source is not None
                and source.text == ","
            ):
                return None
            # "Как сообщается, ...", "По предварительным данным, ...": an impersonal
            # report names nobody.
            source = None
        cue_span = (token.idx, last.idx + len(last.text))
        sent = sentence_at(doc, token.i)
        phrase_end = max(source.right_edge.i + 1 if source is not None else 0, token.i + len(words))
        if source is not None:
            phrase_end = max(
                token.i + len(words), min(phrase_end, _statement_in_source(doc, source))
            )
        root = sent.root
        if source is not None and source.i < root.i < phrase_end:
            # The sentence's own verb is no part of the source: "по словам X, который
            # возил ..., агенты сделали ..." (a parse that hangs the rest on the clause
            # that describes X) ends the source at the last comma before that verb.
            commas = [k for k in range(source.i, root.i) if doc[k].text == ","]
            if commas:
                phrase_end = commas[-1]
        before = (sent.start, token.i)
        after = (phrase_end, sent.end)
        side = before if before[1] - before[0] >= after[1] - after[0] else after
        if (
            sent.start < token.i - 1
            and doc[token.i - 1].text == ","
            and phrase_end + 1 < sent.end
            and doc[phrase_end].text == ","
            and any(t.is_alpha for t in doc[phrase_end + 1 : sent.end])
            and not any(t.pos_ in {"VERB", "AUX"} for t in doc[sent.start : token.i])
            # (Words of the statement before the cue, not an opening "Однако,".)
            and any(
                t.is_alpha and t.lower_ not in lang.conjunctions and t.lower_ not in lang.openers
                for t in doc[sent.start : token.i]
            )
        ):
            # Set off by commas inside the statement, its verb after the cue: "Это
            # решение, по его мнению, ошибочно" (the whole sentence, the cue inside it;
            # not "X contributes to Y, according to Z, head of ...": X contributes ...).
            side = (sent.start, sent.end)
        start, end = trim(doc, *side)
        # A clause the source's comma sets off is speech however short ("Как заявил X,
        # переговоры продолжатся").
        set_off = side == after and phrase_end < len(doc) and doc[phrase_end].text == ","
        if end - start < (2 if set_off else 3):
            return None
        return cue_span, source, (start, end)
    return None
