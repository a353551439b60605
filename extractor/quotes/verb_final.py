"""The finder for the verb-final (Turkic) languages, which our pipelines read without a
parser: the shape of the clause around a reporting verb decides.

A Turkic report puts the speaker first and the verb last; the reported words come
between them, closed by a quotative ("деп", "diye", "deyə") or nominalized ("...
өткенін", "... olduğunu", "... etdiyini"), or stand in quote marks before the verb:
- "Бағыров «…» , — деп бiлдiрдi", "«…», — дейді дәрігер Диляра Қайдарова" (direct; the
  speaker before the quote, between it and the verb, or after the verb);
- "Hakan Fidan, iki ülke arasındaki ilişkilerin güçlü olduğunu söyledi" (indirect: a
  nominalized clause before the verb, the subject before it);
- "Ал шаруалар шығынға шаш етектен баттық дейді" (indirect: a clause before a verb of
  saying or a quotative);
- "... bırakacağını belirten Akşener" (a participle: the speaker after it);
- "... belirtildi", "хабарланды" (a passive: no speaker named);
- a subject left out ("... баратынын айтты"): a report with no speaker.
Sentences that report nothing look alike: a reporting verb with a modal after it ("деп
айтуға болады", one may say) or an announced object ("yeni kampanyasını duyurdu") is no
report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..entities.base import DocMentions, Mention
from ..language import LangData
from .common import FoundQuote, Marked, char_offsets, confidence_of, sentence_at, trim

Range = tuple[int, int]  # a token range [start, end)
Speaker = tuple[Range, str]  # the speaker's tokens and kind (name, title, pronoun, noun)


def reporting_cues(
    doc: Doc, lang: LangData, inside: list[bool], phrases: Sequence[tuple[frozenset[str], ...]]
) -> list[Range]:
    """Token ranges of the reporting cues outside quote marks: a quotative with the
    verb after it ("деп хабарлады", "diye sordu"), a cue phrase ("atap öt-", "ifade
    et-"), or a reporting verb; none followed by a modal ("айтуға болады")."""
    cues: list[Range] = []
    i = 0
    while i < len(doc):
        if inside[i] or not doc[i].text[:1].isalpha():
            i += 1
            continue
        size = _cue_size(doc, i, lang, phrases)
        if size and (
            _blocked(doc, i, i + size, lang)
            # A verbal noun reports nothing itself ("açıklamaya hazırlandı", "айтуға").
            or doc[i + size - 1].lower_.endswith(lang.non_report_endings or ("\0",))
        ):
            size = 0
        if size:
            cues.append((i, i + size))
            i += size
        else:
            i += 1
    return cues


def _cue_size(
    doc: Doc, i: int, lang: LangData, phrases: Sequence[tuple[frozenset[str], ...]]
) -> int:
    def phrase_at(k: int) -> int:
        return next(
            (
                len(p)
                for p in phrases
                if k + len(p) <= len(doc)
                and all(doc[k + j].lower_ in words for j, words in enumerate(p))
            ),
            1 if k < len(doc) and doc[k].lower_ in lang.reporting_verbs else 0,
        )

    if doc[i].lower_ in lang.quotatives:
        # The quotative and the verb after it are one cue, whatever the verb ("деп
        # хабарлады", "diye konuştu", "деп еркелетеді"); a name between them is the
        # speaker ("deyə Rasim Bağırov vurğulayıb").
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or nxt.is_sent_start or not nxt.is_alpha or not nxt.text[:1].islower():
            return 1
        return 1 + max(1, phrase_at(i + 1))
    return phrase_at(i)


def _blocked(doc: Doc, i: int, k: int, lang: LangData) -> bool:
    """Whether the cue ``[i, k)`` is no report: a modal or a conditional in it or in the
    three words after it ("деп толықтай айтуға болады", one may fully say; "дер едім", I
    would say; "деп жатқан", intending to)."""
    end = k
    while end < min(k + 3, len(doc)) and doc[end].is_alpha:
        end += 1
    return any(doc[j].lower_ in lang.cue_blockers for j in range(i + 1, end))


def clause_quote(
    doc: Doc,
    cue: Range,
    lo: int,
    found: DocMentions,
    lang: LangData,
    inside: list[bool],
    marked: list[Marked],
) -> FoundQuote | None:
    """The report a cue closes: the clause between ``lo`` (where the sentence or the
    previous report ends) and the cue, with its speaker."""
    sent = sentence_at(doc, cue[0])
    clause = _complementizer_clause(doc, cue, sent.end, lang)
    if clause is not None:
        # "X bildirib ki, <clause>": the clause after the cue, the subject before it.
        opening = _skip_openers(doc, lo, cue[0], lang)
        subject = subject_at(doc, opening, cue[0], found, lang)
        return _quote(doc, clause, cue, subject, marked, inside, shortest=2)
    end = _content_end(doc, cue, lo, lang)
    if end is None:
        return None
    opening = _skip_openers(doc, lo, end, lang)
    speaker = subject_at(doc, opening, end, found, lang)
    start = opening
    if speaker is not None:
        start = _after_subject(doc, speaker[0][1], end, lang)
    before_comma = _subject_before_comma(doc, opening, end, found, lang)
    if before_comma is not None and (speaker is None or start <= before_comma[0][0]):
        # The subject set off by the first comma, after a phrase of time, place or
        # reason ("Mahkumiyet kararı üzerine İstanbul'a gelen ... Melih Gökçek, ...").
        speaker = before_comma
        start = _after_subject(doc, speaker[0][1], end, lang)
    after = _speaker_after(doc, cue, sent.end, found, lang)
    if after is not None and (speaker is None or _is_participle(doc, cue, lang)):
        speaker, start = after, opening
    if speaker is not None and _is_passive(doc, cue, lang) and speaker[1] != "noun":
        speaker, start = None, opening  # "X-in ... olduğu belirtildi": X is no speaker
    return _quote(doc, (start, end), cue, speaker, marked, inside, shortest=2)


def _quote(
    doc: Doc,
    content: Range,
    cue: Range,
    speaker: Speaker | None,
    marked: list[Marked],
    inside: list[bool],
    shortest: int,
) -> FoundQuote | None:
    """A report of the words in ``content`` (trimmed): mixed where it holds quoted
    words, else indirect; none shorter than ``shortest`` words unless quoted."""
    start, end = trim(doc, *content)
    if end - start < shortest and not _quoted(doc, start, end, inside):
        return None
    s, e = char_offsets(doc[start:end])
    quoted = any(s <= m.open_at and m.close_end <= e + 1 for m in marked)
    kind = "mixed" if quoted else "indirect"
    speaker_span, speaker_kind = (
        (char_offsets(doc[speaker[0][0] : speaker[0][1]]), speaker[1]) if speaker else (None, None)
    )
    return FoundQuote(
        s,
        e,
        kind,
        char_offsets(doc[cue[0] : cue[1]]),
        speaker_span,
        speaker_kind,
        confidence_of(kind, speaker_kind),
    )


def _complementizer_clause(doc: Doc, cue: Range, sent_end: int, lang: LangData) -> Range | None:
    """The clause a complementizer opens after the cue ("bildirib ki, ...", "dedi ki,
    ...") to the end of the sentence, or None."""
    k = cue[1]
    while k < sent_end and doc[k].is_punct:
        k += 1
    if k < sent_end and doc[k].lower_ in lang.complementizers:
        return k + 1, sent_end
    return None


def _quoted(doc: Doc, start: int, end: int, inside: list[bool]) -> bool:
    return end > start and all(inside[k] for k in range(start, end))


def _content_end(doc: Doc, cue: Range, lo: int, lang: LangData) -> int | None:
    """Where the reported clause before a cue ends, or None when the words before the
    cue are no report (an object: "yeni kampanyasını duyurdu")."""
    k = cue[0]
    if doc[k].lower_ in lang.quotatives:
        return k  # "... деп хабарлады": a clause of any form
    while k > lo and (doc[k - 1].lower_ in lang.clause_postpositions):
        k -= 1  # "... салатыны туралы мәлімдеді"
    if k <= lo:
        return None
    last = doc[k - 1].lower_
    # A bare nominalized clause before a postposition or a speech noun of a cue phrase
    # ("... salatyny туралы", "... akabileceği uyarısında bulundu").
    bare_allowed = k < cue[0] or cue[1] - cue[0] >= 2
    if last.endswith(lang.clause_endings) or (
        bare_allowed and last.endswith(lang.clause_endings_bare)
    ):
        return k
    if _is_passive(doc, cue, lang) and last.endswith(lang.clause_endings_bare):
        return k  # "... bulduğu belirtildi"
    return None


def _skip_openers(doc: Doc, lo: int, hi: int, lang: LangData) -> int:
    """The first word after the punctuation, conjunctions, adverbs of time and discourse
    words that open a sentence before its subject ("Ал", "Ancak", "Бүгін")."""
    k = lo
    while k < hi and (
        (doc[k].is_punct and not doc[k].is_quote)
        or doc[k].is_space
        or doc[k].lower_ in lang.openers
        or doc[k].lower_ in lang.conjunctions
        or doc[k].lower_ in lang.time_adverbs
    ):
        k += 1
    return k


def subject_at(doc: Doc, k: int, hi: int, found: DocMentions, lang: LangData) -> Speaker | None:
    """The speaker named at token ``k`` (before ``hi``): the person at the end of a run
    of names and titles ("Rusya Sanayiciler ve İşadamları Derneği Başkanı Arkadi
    Volski"), else its title or organization; a personal pronoun; up to four words
    ending in a noun that names people ("жауапты мамандар", "Төтенше жағдайлар қызметі
    мамандары"); or up to four capitalized words set off by a comma ("Akşener, ...",
    "Açıklamada, ...")."""
    if k >= hi:
        return None
    if doc[k].like_num and k + 1 < hi and _named_at(found, k + 1, hi):
        k += 1  # "1907 Fenerbahçe Derneği": the year is part of the name
    person: Mention | None = None
    title: Mention | None = None
    org: Mention | None = None
    j = k
    while j < hi:
        found_here = (
            _mention_at(found.persons, j, hi)
            or _mention_at([t.mention for t in found.titles], j, hi)
            or _mention_at(found.orgs, j, hi)
            or _mention_at(found.countries, j, hi)
        )
        if found_here is None:
            break
        if found_here.label == "PERSON":
            person = found_here
        elif found_here.label == "TITLE":
            title = found_here
        elif found_here.label == "ORGANIZATION":
            org = org or found_here
        j = found_here.end
    if person is not None:
        return (person.start, person.end), "name"
    if title is not None:
        return (title.start, title.end), "title"
    if org is not None:
        return (org.start, org.end), "name"
    if doc[k].lower_ in lang.person_pronouns or doc[k].lower_ in lang.pronouns:
        return (k, k + 1), "pronoun"
    last = None
    for j in range(k, min(k + 4, hi)):
        if not doc[j].is_alpha and "-" not in doc[j].text:
            break
        if _speaker_word(doc, j, lang, hi):
            last = j
    if last is not None:
        return (k, last + 1), "noun"
    comma = next((j for j in range(k, min(k + 5, hi)) if doc[j].text == ","), None)
    if comma is not None and comma > k and doc[k].text[:1].isupper():
        words = doc[k:comma]
        if all(t.is_alpha or t.text in lang.name_suffix_apostrophes for t in words):
            return (k, comma), "noun"
    return None


def _name_before(doc: Doc, k: int, lo: int, found: DocMentions) -> Speaker | None:
    """A person or organization set off by a comma or a colon right before token ``k``
    (a quote's opening mark): "Seba, 'Geçen sezon ...'", "başkan Özata, '...'"."""
    j = k
    while j > lo and doc[j - 1].text in {",", ":", "—", "-", "–"}:
        j -= 1
    if j == k:
        return None
    m = next((m for m in [*found.persons, *found.orgs] if m.end == j and m.start >= lo), None)
    return ((m.start, m.end), "name") if m is not None else None


def _subject_before_comma(
    doc: Doc, lo: int, hi: int, found: DocMentions, lang: LangData
) -> Speaker | None:
    """A person, title or organization that ends right before the first comma of the
    clause (a particle between them allowed: "Volski de ,")."""
    comma = next((k for k in range(lo, hi) if doc[k].text == ","), None)
    if comma is None:
        return None
    k = comma
    while k > lo and doc[k - 1].lower_ in lang.subject_particles:
        k -= 1
    for pool, kind in ((found.persons, "name"), ([t.mention for t in found.titles], "title")):
        m = next((m for m in pool if m.end == k and m.start >= lo), None)
        if m is not None:
            return (m.start, m.end), kind
    org = next((m for m in found.orgs if m.end == k and m.start >= lo), None)
    return ((org.start, org.end), "name") if org is not None else None


def quote_then_cue(
    doc: Doc, quote_end: int, cue: Range, found: DocMentions, lang: LangData
) -> bool:
    """Whether only punctuation and the speaker stand between quoted words and the cue
    after them ("«…», — деп Бағыров бiлдiрдi", '"…" dedi'); other words make the quoted
    words part of a longer clause the cue closes ('hükümetin, "çok geç olmadan", 7
    Ekim öncesinde ... ödemesini istedi')."""
    words = [t.i for t in doc[quote_end : cue[0]] if not t.is_punct and not t.is_space]
    if not words:
        return True
    speaker = subject_at(doc, words[0], cue[0], found, lang)
    if speaker is None:
        return False
    rest = [k for k in words if k >= speaker[0][1] and doc[k].lower_ not in lang.subject_particles]
    return not rest


def _speaker_word(doc: Doc, j: int, lang: LangData, hi: int) -> bool:
    return (
        j < hi
        and doc[j].is_alpha
        and (
            doc[j].lower_ in lang.speaker_nouns
            or doc[j].lower_ in lang.title_heads
            or doc[j].lower_ in lang.org_heads
        )
    )


def _named_at(found: DocMentions, k: int, hi: int) -> bool:
    return any(_mention_at(pool, k, hi) is not None for pool in (found.persons, found.orgs))


def _mention_at(mentions: list[Mention], k: int, hi: int) -> Mention | None:
    return next((m for m in mentions if m.start == k and m.end <= hi), None)


def _after_subject(doc: Doc, k: int, hi: int, lang: LangData) -> int:
    """Where the reported clause starts after its subject: past a particle ("Volski
    de"), a comma, and an addressee in the dative right after them ("жас сарбаздарға")."""
    while k < hi and (doc[k].is_punct or doc[k].lower_ in lang.subject_particles):
        k += 1
    return k


def _speaker_after(
    doc: Doc, cue: Range, sent_end: int, found: DocMentions, lang: LangData
) -> Speaker | None:
    """A speaker named right after the cue: after a participle ("belirten Akşener") or
    after a verb of saying that ends the sentence ("— дейді жауапты мамандар.")."""
    k = cue[1]
    if k >= sent_end:
        return None
    speaker = subject_at(doc, k, sent_end, found, lang)
    if speaker is None:
        return None
    rest = [t for t in doc[speaker[0][1] : sent_end] if not t.is_punct and not t.is_space]
    # Nothing after the speaker but the end of the sentence, or the verb a quotative
    # introduces ("deyə Rasim Bağırov vurğulayıb").
    verb_only = (
        doc[cue[0]].lower_ in lang.quotatives
        and len(rest) <= 2
        and all(t.is_alpha and t.text[:1].islower() for t in rest)
    )
    if _is_participle(doc, cue, lang) or not rest or verb_only:
        return speaker
    return None


def _is_participle(doc: Doc, cue: Range, lang: LangData) -> bool:
    return bool(lang.participle_endings) and doc[cue[1] - 1].lower_.endswith(
        lang.participle_endings
    )


def _is_passive(doc: Doc, cue: Range, lang: LangData) -> bool:
    return bool(lang.passive_endings) and doc[cue[1] - 1].lower_.endswith(lang.passive_endings)


def embedded(doc: Doc, k: int, cue: Range, lang: LangData) -> bool:
    """Whether quoted words ending before token ``k`` are part of a nominalized clause
    that the cue closes ("«Отан қорғау — абыройлы міндет» екенін айтты"): a
    nominalized word stands between them and the cue."""
    words = [t for t in doc[k : cue[0]] if not t.is_punct]
    return bool(words) and words[-1].lower_.endswith(lang.clause_endings) and cue[0] - k <= 3


def direct_speaker(
    doc: Doc,
    quote: Range,
    cue: Range,
    sent_start: int,
    found: DocMentions,
    lang: LangData,
    inside: list[bool],
) -> tuple[tuple[int, int], str] | None:
    """The speaker of quoted words: named between the quote and the cue after it
    ("«…», — деп Бағыров бiлдiрдi"), right after that cue ("«…», — дейді жауапты
    мамандар"), or opening the quote's sentence ("Сала мамандары: «…», — дейді",
    "Seydaoğlu, … belirterek "…"")."""
    speaker: Speaker | None = None
    if cue[0] >= quote[1]:
        between = [
            m
            for m in [*found.persons, *found.orgs]
            if quote[1] <= m.start and m.end <= cue[0] and not inside[m.start]
        ]
        if between:
            m = max(between, key=lambda x: x.start)
            speaker = (m.start, m.end), "name"
        if speaker is None:
            speaker = _speaker_after(doc, cue, sentence_at(doc, cue[0]).end, found, lang)
    first = min(quote[0], cue[0])
    if speaker is None:
        speaker = _name_before(doc, quote[0], sent_start, found)
    if speaker is None and first > sent_start:
        opening = _skip_openers(doc, sent_start, first, lang)
        speaker = subject_at(doc, opening, first, found, lang)
    if speaker is None:
        return None
    return char_offsets(doc[speaker[0][0] : speaker[0][1]]), speaker[1]


def inherit_speakers(doc: Doc, quotes: list[FoundQuote], lang: LangData) -> list[FoundQuote]:
    """A report with no subject of its own after another report of the same sentence
    has that report's speaker: "X, A belirterek, B söyledi", "X «A» dedi ve «B»
    bildirdi" (not a passive, which names none)."""
    out: list[FoundQuote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        cue = doc.char_span(*q.cue, alignment_mode="expand") if q.cue else None
        if (
            q.speaker is None
            and cue is not None
            and not _is_passive(doc, (cue.start, cue.end), lang)
        ):
            sent = sentence_at(doc, cue.start)
            earlier = [
                o
                for o in out
                if o.speaker is not None
                and o.cue is not None
                and sent.start_char <= o.cue[0] < cue.start_char
            ]
            if earlier:
                source = earlier[-1]
                kind = source.speaker_kind
                q = replace(
                    q,
                    speaker=source.speaker,
                    speaker_kind=kind,
                    confidence=confidence_of(q.kind, kind),
                )
        out.append(q)
    return out
