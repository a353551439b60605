"""The finder for languages parsed without dependencies (our own NER-only pipelines,
natasha): the words around a reporting cue decide.

The Turkic languages put the reporting verb last and the speaker first: «...», - deyə
Bağırov bildirib; Bağırov bildirib ki, ...; Bağırov ... töhfə verdiyini vurğulayıb;
Bağırovun sözlərinə görə, ... . Russian puts the cue after the speaker and before a
clause ("Лавров заявил, что ..."), or after the speech ("«...», — сказал он", "— Мы
продолжим, — сказал он")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ..entities.base import DocMentions, is_cap, is_word
from ..language import LangData
from .common import (
    FoundQuote,
    Marked,
    char_offsets,
    confidence_of,
    cue_length,
    doc_text,
    join_split,
    sentence_at,
    source_lasts,
    source_words,
    trim,
    unattributed,
)
from .headlines import find_headlines, name_prefix, with_headlines
from .marks import dash_speech, quote_marks, speech_marks, token_mask
from .speakers import colon_intro
from .verb_final import (
    clause_quote,
    direct_speaker,
    document_at,
    embedded,
    inherit_speakers,
    is_participle,
    is_passive,
    quote_then_cue,
    reporting_cues,
)
from .verb_final import (
    place_case as _place_case,
)


def find_quotes_flat(doc: Doc, found: DocMentions, lang: LangData) -> list[FoundQuote]:
    """Every quote in an unparsed ``doc``, in text order: quoted words with the cue
    after or before them, clauses a cue ends or a complementizer opens, "according to"
    cues, and headlines."""
    text = doc_text(doc)
    marks = quote_marks(text, lang)
    marked = speech_marks(doc, lang, found, marks)
    if lang.dash_speech:
        marked = sorted([*marked, *dash_speech(text, marked)], key=lambda q: q.open_at)
    inside = token_mask(doc, marked)
    # A person named only inside quote marks (the words of a sign, a title the model
    # took for a name: '" Satılık Kasaba " yazısını gören bazı vatandaşlar') speaks none
    # of the words around them.
    quoted = token_mask(doc, [m for m in marks if m.closed])
    found = replace(
        found,
        persons=[m for m in found.persons if not all(quoted[m.start : m.end])],
    )
    cues = reporting_cues(doc, lang, inside) if lang.head_final else _flat_cues(doc, lang, inside)
    used: set[tuple[int, int]] = set()
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    for q in marked:
        fq = _flat_direct(doc, q, marked, cues, found, lang, inside, previous, used)
        if fq is not None:
            quotes.append(fq)
            previous = fq if fq.speaker else previous
    quotes = join_split(text, quotes)
    # The cues that close a clause: all but a converb's that closed no report ("Bakan,
    # bir açıklama yaparak | ...", making a statement, is how the words were said).
    reported = [cue for cue in cues if cue in used or not _converb(doc, cue, lang)]
    for cue in cues:
        if cue in used:
            continue
        if lang.head_final:
            fq = clause_quote(
                doc, cue, _clause_start(doc, reported, cue), found, lang, inside, marked
            )
        else:
            fq = _flat_indirect(doc, cue, found, lang, inside)
        if fq is not None and not any(fq.start < o.end and o.start < fq.end for o in quotes):
            quotes.append(fq)
            reported.append(cue)
    lasts = source_lasts(lang.code)
    for i, token in enumerate(doc):
        if not inside[i] and token.lower_ in lasts:
            fq = _flat_source(doc, i, found, lang, inside)
            if fq is not None and not any(fq.start < o.end and o.start < fq.end for o in quotes):
                quotes.append(fq)
    if lang.head_final:
        quotes = inherit_speakers(doc, quotes, lang)
    return with_headlines(quotes, find_headlines(doc, found, lang, inside))


def _speaking_before(doc: Doc, k: int, lo: int, lang: LangData) -> list[tuple[int, int]]:
    """A verb of speaking right before quoted words at token ``k``, a comma or a colon
    between them ("Kohl seçmene seslenirken, '…'"), as their cue."""
    j = k
    while j > lo and doc[j - 1].is_punct and not doc[j - 1].is_quote:
        j -= 1
    if j > lo and j < k and doc[j - 1].is_alpha and doc[j - 1].lower_ in lang.speaking_verbs:
        return [(j - 1, j)]
    return []


def _closes_words(doc: Doc, cue: tuple[int, int], lang: LangData) -> bool:
    """Whether a cue of a verb-final language closes words said before it: a quote
    ('" … " diyerek') or a reported clause ("… olduğunu ileri süren")."""
    if not lang.head_final or cue[0] == 0:
        return False
    last = doc[cue[0] - 1]
    return last.is_quote or (last.is_alpha and last.lower_.endswith(lang.clause_endings or ("\0",)))


def _converb(doc: Doc, cue: tuple[int, int], lang: LangData) -> bool:
    return bool(lang.converb_endings) and doc[cue[1] - 1].lower_.endswith(lang.converb_endings)


def _clause_start(doc: Doc, reported: list[tuple[int, int]], cue: tuple[int, int]) -> int:
    """Where the clause a verb-final cue closes may start: at its sentence's start, or
    after the previous cue of the sentence that closed a report ("A dedi ve B
    bildirdi"; not "Bakan, bir açıklama yaparak B söyledi", making a statement)."""
    sent = sentence_at(doc, cue[0])
    previous = [c[1] for c in reported if sent.start <= c[0] and c[1] <= cue[0]]
    return max([sent.start, *previous])


def _flat_direct(
    doc: Doc,
    q: Marked,
    marked: list[Marked],
    cues: list[tuple[int, int]],
    found: DocMentions,
    lang: LangData,
    inside: list[bool],
    previous: FoundQuote | None,
    used: set[tuple[int, int]],
) -> FoundQuote | None:
    text = doc_text(doc)
    span = doc.char_span(q.open_at, q.close_end, alignment_mode="expand")
    inner = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or inner is None:
        return None
    if q.continues and previous is not None and 0 <= q.open_at - previous.end <= 150:
        # The rest of a quote split around its attribution: the cue before it is the
        # first piece's ("«A, – деді министр X, – B»").
        return unattributed(doc, q, previous)
    # The quote's sentence is its words' (a sentencizer may leave an opening « with the
    # sentence before it).
    sent = sentence_at(doc, inner.start)
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
    if after is not None and lang.head_final:
        if embedded(doc, span.end, after, lang) or not quote_then_cue(
            doc, span.end, after, found, lang
        ):
            return None  # "«...» екенін айтты": the clause the cue closes is mixed
        cue = after
        # (A participle with no words of its own describes a noun and ends no clause:
        # "... sebebini açıklayan bir mesajda "…" diye yazdı".)
        lo = max(
            [
                sent.start,
                *(
                    c[1]
                    for c in cues
                    if sent.start <= c[0]
                    and c[1] <= span.start
                    and (_closes_words(doc, c, lang) or not is_participle(doc, c, lang))
                ),
            ]
        )
        speaker = direct_speaker(doc, (span.start, span.end), after, lo, found, lang, inside)
    elif after is not None:
        cue = after
        speaker = _flat_speaker(doc, found, lang, span.end, after[0], inside) or _flat_speaker(
            doc, found, lang, after[1], min(after[1] + 8, sentence_at(doc, after[0]).end), inside
        )
        if speaker is None:
            speaker = _flat_speaker(doc, found, lang, sent.start, span.start, inside)
    else:
        # The cue before the quote in its sentence ("Bağırov bildirib ki, «...»",
        # "Fidan şunları söyledi: «...»"), unless the cue closes words of its own (a
        # quote or a reported clause right before it: '" … " olduğunu ileri süren SPD,
        # … koz olarak " yenilik " ve …').
        before = [
            c
            for c in cues
            if sent.start <= c[0] and c[1] <= span.start and not _closes_words(doc, c, lang)
        ] or _speaking_before(doc, span.start, sent.start, lang)
        if before:
            cue = before[-1]
            if lang.head_final:
                speaker = direct_speaker(
                    doc, (span.start, span.end), cue, sent.start, found, lang, inside
                )
            else:
                speaker = _flat_speaker(doc, found, lang, sent.start, cue[0], inside)
    if cue is not None:
        used.add(cue)
        impersonal = lang.head_final and is_passive(doc, cue, lang)
        speaker_span, kind = speaker if speaker else (None, "unnamed" if impersonal else None)
        return FoundQuote(
            q.start,
            q.end,
            "direct",
            char_offsets(doc[cue[0] : cue[1]]),
            speaker_span,
            kind,
            confidence_of("direct", kind),
        )
    intro = colon_intro(doc, q, inside, lang)
    if isinstance(intro, Span):
        prefix = name_prefix(doc, intro, found, lang)
        if prefix is not None:
            conf = confidence_of("colon", prefix[1])
            return FoundQuote(q.start, q.end, "direct", None, prefix[0], prefix[1], conf)
        source = document_at(doc, intro.start, intro.end, lang) if lang.head_final else None
        if source is not None:
            # "Bildiride şu görüşlere yer verildi: "..."": the document says it.
            conf = confidence_of("colon", "document")
            speaker_span = char_offsets(doc[source[0] : source[1]])
            return FoundQuote(q.start, q.end, "direct", None, speaker_span, "document", conf)
    return unattributed(doc, q, previous)


def _flat_indirect(
    doc: Doc, cue: tuple[int, int], found: DocMentions, lang: LangData, inside: list[bool]
) -> FoundQuote | None:
    """ "X bildirib ki, <clause>" (content after "ki"), or "X <clause> bildirib" (content
    between the speaker and the cue)."""
    sent = sentence_at(doc, cue[0])
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
        start, end = trim(doc, k + 1, sent.end)
        shortest = 2
    elif not lang.head_final:
        return None  # "Лавров на пресс-конференции заявил": no clause before the cue
    else:
        speaker_end = doc.char_span(*speaker[0], alignment_mode="expand")
        if speaker_end is None:
            return None
        start, end = trim(doc, speaker_end.end, cue[0])
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
    # The longest cue first: "açıklamasına göre" before "göre".
    for words in sorted(source_words(lang.code), key=len, reverse=True):
        first = i - len(words) + 1
        if first < 0 or not all(doc[first + k].lower_ in w for k, w in enumerate(words)):
            continue
        sent = sentence_at(doc, i)
        shortest = 3
        if lang.head_final:
            speaker = _flat_speaker(doc, found, lang, max(sent.start, first - 4), first, inside)
            before = doc[first - 1] if first > sent.start else None
            if speaker is not None and doc[i].lower_ in lang.source_postpositions and before:
                # A bare postposition follows its source: "Bakan 'a göre", not "DİE 'nin
                # faiz oranlarına göre" (by the rates).
                touch = before
                if before.text[:1] in lang.name_suffix_apostrophes and before.i > sent.start:
                    touch = doc[before.i - 1]
                if speaker[0][1] < touch.idx:
                    speaker = None
            if (
                speaker is None
                and before is not None
                and before.is_alpha
                and doc[i].lower_ in lang.source_postpositions
                and any(before.lower_ in w for w in (lang.speaker_nouns, lang.org_heads))
            ):
                # "Uzmanlara göre", according to experts.
                speaker = (char_offsets(before), "noun")
            if (
                speaker is None
                and before is not None
                and is_word(before)
                and doc[i].lower_ in lang.source_postpositions
                and before.lower_ in lang.document_nouns
            ):
                # "Siyasi Partiler Kanunu'na göre", according to the law: the document
                # with the capitalized words of its name.
                run = before.i
                while run > sent.start and doc[run - 1].is_alpha and is_cap(doc[run - 1]):
                    run -= 1
                if run < before.i:
                    speaker = (char_offsets(doc[run : before.i + 1]), "document")
            if (
                speaker is None
                and before is not None
                and before.is_alpha
                and doc[i].lower_ in lang.source_postpositions
                and before.lower_ in lang.data_nouns
            ):
                # "genetik bir araştırmaya göre", "dpa'dan gelen bilgilere göre": the
                # study, poll or news is the source, with the words that describe it.
                start = before.i
                while (
                    start > max(sent.start, before.i - 4)
                    and doc[start - 1].is_alpha
                    and doc[start - 1].text != ","
                ):
                    start -= 1
                speaker = (char_offsets(doc[start : before.i + 1]), "document")
            if (
                speaker is None
                and before is not None
                and before.is_alpha
                and before.lower_.endswith(lang.genitive_suffixes or ("\0",))
            ):
                # "Bakanlığın açıklamasına göre", "Сарапшылардың пікірінше": whose
                # statement or opinion it is, with the words before it that name
                # them ("Әуекөлігі халықаралық қауымдастығының есебінше").
                owner = _owner_phrase(doc, sent.start, before.i, lang)
                speaker = (char_offsets(doc[owner : before.i + 1]), "noun")
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
        start, end = trim(doc, *content)
        if end - start < shortest:
            return None
        if speaker is None and lang.head_final and len(words) >= 2:
            # The cue names its source ("Соңғы деректерге сай", according to the
            # latest data): a report from no one named.
            s, e = char_offsets(doc[start:end])
            conf = confidence_of("indirect", "unnamed")
            cue = char_offsets(doc[first : i + 1])
            return FoundQuote(s, e, "indirect", cue, None, "unnamed", conf)
        if speaker is None:
            return None
        return _flat_indirect_quote(doc, (start, end), (first, i + 1), speaker)
    return None


def _owner_phrase(doc: Doc, lo: int, k: int, lang: LangData) -> int:
    """Where the noun phrase ending in the genitive at token ``k`` begins, where it opens
    its clause: up to four plain words before it back to the sentence start or a comma,
    past an opening conjunction or time adverb ("Мемлекеттік қызмет істері агенттігі
    төрағасының"); else ``k`` alone ("Енді 2030 жылы , сәулетшілердің": the year is
    when, not whose)."""
    start = k
    while start > lo and doc[start - 1].text != "," and k - start < 4:
        start -= 1
    if start > lo and doc[start - 1].text != ",":
        return k  # longer than a name: a clause of its own before the owner
    while start < k and (
        doc[start].lower_ in lang.openers
        or doc[start].lower_ in lang.time_adverbs
        or doc[start].lower_ in lang.conjunctions
    ):
        start += 1
    words = doc[start:k]
    if not all(t.is_alpha or "-" in t.text for t in words) or any(
        t.like_num
        or _place_case(t.lower_, lang)
        or t.lower_.endswith((*lang.clause_endings, *lang.clause_endings_bare) or ("\0",))
        or t.lower_ in lang.reporting_verbs
        for t in words
    ):
        return k
    return start


def _flat_indirect_quote(
    doc: Doc,
    content: tuple[int, int],
    cue: tuple[int, int],
    speaker: tuple[tuple[int, int], str],
) -> FoundQuote:
    """An indirect quote from token ranges of its content and cue."""
    s, e = char_offsets(doc[content[0] : content[1]])
    conf = confidence_of("indirect", speaker[1])
    return FoundQuote(
        s, e, "indirect", char_offsets(doc[cue[0] : cue[1]]), speaker[0], speaker[1], conf
    )


def _flat_cues(doc: Doc, lang: LangData, inside: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of reporting cues outside quotes: one word or a phrase."""
    cues: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if inside[i] or not doc[i].text[:1].isalpha():
            i += 1
            continue
        size = cue_length(doc, i, lang)
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
            return char_offsets(doc[best.start : best.end]), kind
    titles = [t.mention for t in found.titles if lo <= t.mention.start and t.mention.end <= hi]
    if titles:
        best = max(titles, key=lambda m: m.start)
        return char_offsets(doc[best.start : best.end]), "title"
    for k in range(hi - 1, lo - 1, -1):
        if not inside[k] and doc[k].lower_ in lang.person_pronouns:
            return char_offsets(doc[k]), "pronoun"
    return None
