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

from dataclasses import replace

from spacy.tokens import Doc, Span

from ..entities.base import DocMentions, Mention, case_marked, is_word
from ..entities.linking import known_organization
from ..language import LangData, Words
from .common import (
    FoundQuote,
    Marked,
    char_offsets,
    confidence_of,
    cue_length,
    phrase_words,
    sentence_at,
    source_words,
    trim,
)

Range = tuple[int, int]  # a token range [start, end)
Speaker = tuple[Range, str]  # the speaker's tokens and kind (name, title, pronoun, noun)


def reporting_cues(doc: Doc, lang: LangData, inside: list[bool]) -> list[Range]:
    """Token ranges of the reporting cues outside quote marks: a quotative with the
    verb after it ("деп хабарлады", "diye sordu"), a cue phrase ("atap öt-", "ifade
    et-"), or a reporting verb; none followed by a modal ("айтуға болады")."""
    cues: list[Range] = []
    i = 0
    while i < len(doc):
        if inside[i] or not doc[i].text[:1].isalpha():
            i += 1
            continue
        size = _cue_size(doc, i, lang)
        if size and (
            _blocked(doc, i, i + size, lang)
            # A verbal noun reports nothing itself ("açıklamaya hazırlandı", "айтуға").
            or doc[i + size - 1].lower_.endswith(lang.non_report_endings or ("\0",))
            # A document the words are in is no verb ("Bildiride", in the statement).
            or (size == 1 and document_at(doc, i, i + 1, lang) is not None)
            # in any case but a verb's ("bir bildiri yayınlayarak", a statement).
            or (
                size == 1
                and doc[i].lower_ in lang.document_nouns
                and not doc[i].lower_.endswith(lang.finite_endings or ("\0",))
            )
            # Nor is a nominalized one: it ends the content of another cue ("...
            # görüşlerini kamuoyuna duyuracağını | aktardı").
            or doc[i + size - 1].lower_.endswith(lang.clause_endings or ("\0",))
            or _describes_noun(doc, i + size, lang)
            or _whether_or_not(doc, i + size, lang)
            # A noun in the genitive that a verb's stem begins ("SSK açıklarının", of
            # the deficits; "açıkla-", explain): no verb.
            or doc[i + size - 1].lower_.endswith(
                tuple(e for e in lang.genitive_suffixes if len(e) >= 3) or ("\0",)
            )
        ):
            size = 0
        if size:
            cues.append((i, i + size))
            i += size
        else:
            i += 1
    return cues


def _whether_or_not(doc: Doc, k: int, lang: LangData) -> bool:
    """Whether the cue ending before token ``k`` is a converb that the same verb, negated,
    follows: "whether or not" ("talep edip etmeyeceklerine", whether they will charge
    or not; "açıklayıp açıklamayacağını"), a question, not a report."""
    if k >= len(doc) or not lang.either_converb_endings or not doc[k].is_alpha:
        return False
    verb, nxt = doc[k - 1].lower_, doc[k].lower_
    if not verb.endswith(lang.either_converb_endings):
        return False
    stem = verb[: -len(next(e for e in lang.either_converb_endings if verb.endswith(e)))]
    stem = stem.removesuffix("y")  # the buffer letter after a vowel ("söyleyip")
    # The stem's last letter may change before the negation ("edip" / "etme").
    shared = stem if nxt.startswith(stem) else stem[:-1]
    if len(shared) < 1 or not nxt.startswith(shared):
        return False
    rest = nxt[len(shared) :]
    return any(rest[skip:].startswith(lang.negation_infixes) for skip in (0, 1))


def _describes_noun(doc: Doc, k: int, lang: LangData) -> bool:
    """Whether the cue ending before token ``k`` is a passive participle describing the
    noun after it ("алдын ала жарияланған нәтижесімен", with the announced result),
    not a document it was said in ("vurgulanan tasarı")."""
    if k >= len(doc) or k == 0 or not lang.passive_participle_endings:
        return False
    nxt = doc[k]
    return (
        doc[k - 1].lower_.endswith(lang.passive_participle_endings)
        and ((nxt.is_alpha and nxt.text[:1].islower()) or nxt.like_num)  # "açıklanan 16.38"
        and nxt.lower_ not in lang.document_nouns
        and nxt.lower_ not in lang.auxiliaries
    )


def is_quotative(doc: Doc, i: int, lang: LangData) -> bool:
    """Whether token ``i`` is a quotative: one of the language's ("деп", "diye"), or
    one that quotes right after a closing mark ('"…" şeklinde')."""
    word = doc[i].lower_
    return word in lang.quotatives or (
        word in lang.mark_quotatives and i > 0 and doc[i - 1].is_quote
    )


def _cue_size(doc: Doc, i: int, lang: LangData) -> int:
    if is_quotative(doc, i, lang):
        # The quotative and the verb after it are one cue, whatever the verb ("деп
        # хабарлады", "diye konuştu", "деп еркелетеді"); a name between them is the
        # speaker ("deyə Rasim Bağırov vurğulayıb").
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or nxt.is_sent_start or not nxt.is_alpha or not nxt.text[:1].islower():
            return 1
        if nxt.lower_ in lang.quotative_non_reports:
            return 0  # naming or thinking: "деп аталады", "diye düşünüyor"
        if nxt.lower_ in lang.quotative_auxiliaries:
            return 2  # "«…» , — деп отыр" (they are saying)
        size = cue_length(doc, i + 1, lang)
        if size:
            return 1 + size
        # Any verb of speech, or a noun and a light verb: "diye konuştu", "деп
        # еркелетеді", "deyə şikayət edirlər".
        for n in (1, 2):
            verb = doc[i + n] if i + n < len(doc) else None
            if verb is None or not verb.is_alpha or not verb.text[:1].islower():
                break
            if n == 1 and _speaker_word(doc, i + 1, lang, len(doc)):
                continue  # the speaker between them ("deyə nazir vurğulayıb")
            if verb.lower_.endswith(lang.finite_endings or ("\0",)):
                return 1 + n
        # No verb follows: a purpose ("gecikməsinlər deyə avtobus tez gəlir", so that).
        return 0
    return cue_length(doc, i, lang)


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
    previous report ends) and the cue, with its speaker; or the sentence before it,
    where an anaphor stands for it ("осылай деді", "Бұл туралы X мәлімдеді")."""
    sent = sentence_at(doc, cue[0])
    if all(doc[k].is_punct for k in range(sent.start, cue[0])):
        said = _said_before(doc, cue, sent, found, lang, marked, inside)
        if said is not None:
            return said
    clause = _complementizer_clause(doc, cue, sent.end, lang)
    if clause is not None:
        # "X bildirib ki, <clause>": the clause after the cue, the subject before it.
        opening = _skip_openers(doc, lo, cue[0], lang)
        # (After a phrase of time or place: "Bu gün | Con Vayda bildirib ki".)
        subject = subject_at(doc, opening, cue[0], found, lang) or first_subject(
            doc, opening, cue[0], found, lang
        )
        return _quote(doc, clause, cue, subject, marked, inside, shortest=2)
    first = _skip_openers(doc, lo, cue[0], lang)
    opening = _after_source(doc, first, cue[0], lang)
    end = _content_end(doc, cue, lo, lang)
    if end is not None:
        opening = _after_finite_clause(doc, opening, end, lang)
    last_subject = None
    if end is None:
        # Object first, subject last: "Баламның құлағанын | бақша меңгерушісі айтты".
        last_subject = _subject_before(doc, cue[0], opening, found, lang)
        if last_subject is not None:
            end = _content_end(doc, cue, lo, lang, at=last_subject[0][0])
    elif end < cue[0]:
        # The subject between the clause and the cue: "Баламның құлағанын | бақша
        # меңгерушісі | айтты" (not an addressee: "... makamlarına bildirmişti").
        last_subject = _subject_before(doc, cue[0], end, found, lang)
    anaphor = _anaphor(doc, opening, end if end is not None else cue[0], lang)
    if (
        end is None
        and anaphor is None
        and last_subject is not None
        and doc[opening].lower_ in lang.anaphors_alone
        and opening < last_subject[0][0]
    ):
        # An object pronoun opening the sentence, its subject right before the cue: "Мұны
        # еліміздің Сыртқы істер министрлігі хабарлады", "Bunu Bakan Yılmaz açıkladı".
        anaphor = opening, opening + 1
    if end is None and anaphor is None:
        return None
    if end is None:
        # "Бұл туралы X мәлімдеді", "Күләш Шәмшидинова бүгін осыны кесіп айтты",
        # "Осылай деген Елбасы ...": the anaphor stands for what was said.
        assert anaphor is not None
        speaker = (
            (
                _speaker_after(doc, cue, sent.end, found, lang)
                if is_participle(doc, cue, lang)
                else None
            )
            or last_subject
            or subject_at(doc, opening, anaphor[0], found, lang)
            or first_subject(doc, opening, anaphor[0], found, lang)
            or first_subject(doc, anaphor[1], cue[0], found, lang)
        )
        return _anaphoric_quote(doc, anaphor, cue, speaker, marked, inside, lang)
    speaker = subject_at(doc, opening, end, found, lang)
    if speaker is not None and _possessor(doc, speaker, cue, found, lang):
        # The title before a possessor is the subject: "Nazir | Prezident İlham Əliyevin
        # dəvətini ... qəbul etdiyini bildirib".
        speaker = subject_at(doc, opening, speaker[0][0], found, lang)
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
    if after is not None and (speaker is None or is_participle(doc, cue, lang)):
        speaker, start = after, opening
    if speaker is None and last_subject is not None:
        speaker = last_subject
    if speaker is None:
        # A subject after a phrase of time, place or purpose ("Аймаққа жасаған сапары
        # кезінде Президент Қасым-Жомарт Тоқаев ...").
        speaker = first_subject(doc, opening, end, found, lang)
        if speaker is not None and _possessor(doc, speaker, cue, found, lang):
            speaker = None
        if speaker is not None:
            start = _after_subject(doc, speaker[0][1], end, lang)
            if end - start < 2 and anaphor is None:
                # The subject of the reported clause's own verb, not the speaker: "...
                # жанашыры Абай | екендігін айтты" (that the one who cares is Abai).
                speaker, start = None, opening
    if speaker is None and lang.relative_endings:
        # "Akyüz 'ün bomba bulunduğunu iddia ettiği poşet": the relative participle's
        # subject, in the genitive, opens the clause.
        m = next((p for p in found.persons if p.start == opening), None)
        if m is not None and m.end < end and _relative_subject(doc, m, cue, lang):
            speaker = (m.start, m.end), "name"
            start = _after_subject(doc, m.end, end, lang)
    if speaker is not None and is_passive(doc, cue, lang) and speaker[1] != "noun":
        speaker, start = None, opening  # "X-in ... olduğu belirtildi": X is no speaker
    if speaker is None or speaker[1] == "noun":
        # The document the words are said in: "Açıklamada, ... kaydedildi" (opening this
        # clause, or the sentence whose first report it continues).
        source = document_at(doc, opening, end, lang)
        if source is None and speaker is None:
            source = _document_subject(doc, opening, end, lang)
        authored = _authored_document_at(doc, opening, end, lang) if source is None else None
        if source is not None:
            speaker, start = (source, "document"), _after_subject(doc, source[1], end, lang)
        elif authored is not None and speaker is None:
            # "Valiliğin yaptığı yazılı açıklamada, ...": the author of the statement.
            author, document_end = authored
            speaker, start = (author, "noun"), _after_subject(doc, document_end, end, lang)
        elif speaker is None and sent.start < opening:
            first = _skip_openers(doc, sent.start, opening, lang)
            source = document_at(doc, first, opening, lang)
            speaker = (source, "document") if source is not None else None
    start = _past_speech_event(doc, start, end, lang)
    words = [t for t in doc[start:end] if not t.is_punct and t.lower_ not in lang.time_adverbs]
    if anaphor is not None and (
        (start <= anaphor[0] and len(words) <= 2) or doc[anaphor[0]].lower_ in lang.anaphors_alone
    ):
        # "Елбасы бүгін осылай деді": the anaphor stands for what was said.
        return _anaphoric_quote(doc, anaphor, cue, speaker, marked, inside, lang)
    if speaker is None and first < opening and is_passive(doc, cue, lang):
        # A passive after an "according to" phrase says what its source said: "Kocaeli
        # Üniversitesi'nden yapılan açıklamaya göre, … belirtildi".
        speaker = _source_of(doc, first, opening, found, lang)
    unnamed = speaker is None and is_passive(doc, cue, lang)
    return _quote(doc, (start, end), cue, speaker, marked, inside, shortest=2, unnamed=unnamed)


def _said_before(
    doc: Doc,
    cue: Range,
    sent: Span,
    found: DocMentions,
    lang: LangData,
    marked: list[Marked],
    inside: list[bool],
) -> FoundQuote | None:
    """A sentence that is only a verb of saying and its speaker ("… ziyaret ediyorum.
    dedi Leive.", "… dedi."): what was said is the sentence before, in the same
    paragraph (an archive that lost the quote marks)."""
    if doc[cue[0]].lower_ not in lang.say_verbs or sent.start == 0:
        return None
    speaker = _speaker_after(doc, cue, sent.end, found, lang)
    rest = speaker[0][1] if speaker is not None else cue[1]
    if any(not doc[k].is_punct for k in range(rest, sent.end)):
        return None
    if "\n" in doc[sent.start - 1].text_with_ws:
        return None
    before = sentence_at(doc, sent.start - 1)
    if any(inside[k] for k in range(before.start, before.end)):
        return None  # quoted words: their own quote
    return _quote(doc, (before.start, before.end), cue, speaker, marked, inside, shortest=2)


def _after_finite_clause(doc: Doc, start: int, end: int, lang: LangData) -> int:
    """Where a reported clause starts after a finite clause of its own, a comma and a
    conjunction ("… danışmanlarla görüşüyordu, ama | onu en çok rahatlatan şeyin …
    olduğunu söyledi": the students met counsellors, but she said that ...): a
    nominalized clause holds no finite verb."""
    for j in range(end - 3, start - 1, -1):
        if (
            doc[j].is_alpha
            and doc[j].lower_.endswith(lang.finite_endings or ("\0",))
            and doc[j + 1].text == ","
            and doc[j + 2].lower_ in lang.conjunctions
        ):
            return j + 3
    return start


def _source_of(doc: Doc, k: int, hi: int, found: DocMentions, lang: LangData) -> Speaker | None:
    """The source an "according to" phrase in tokens [k, hi) names: its first person
    or organization, else the document it ends in ("açıklamaya göre")."""
    names = [m for m in [*found.persons, *found.orgs] if k <= m.start and m.end <= hi]
    if names:
        m = min(names, key=lambda m: m.start)
        return (m.start, m.end), "name"
    for j in range(k, hi):
        if doc[j].lower_ in lang.document_nouns:
            return (k, j + 1), "document"
    return None


def _after_source(doc: Doc, k: int, hi: int, lang: LangData) -> int:
    """Where the clause starts after an "according to" phrase that opens it and a
    comma: "Moscow Times gazetesinin haberine göre , | Züganov , ... söyledi" (the
    channel the report came through, not its speaker)."""
    lasts = [cue[-1] for cue in source_words(lang.code)]
    for j in range(k, hi - 1):
        if doc[j].is_punct and doc[j].text != "'":
            break
        if not any(doc[j].lower_ in words for words in lasts):
            continue
        after = j + 1
        while after < hi and doc[after].lower_ in lang.subject_particles:
            after += 1  # "araştırmaya göre de ,"
        if after < hi and doc[after].text == ",":
            return _skip_openers(doc, after, hi, lang)
        if j > k and doc[j - 1].lower_ in lang.document_nouns:
            # No comma needed after a statement's: "açıklamaya göre | aynı gün ...".
            return _skip_openers(doc, after, hi, lang)
    return k


def document_at(doc: Doc, k: int, hi: int, lang: LangData) -> Range | None:
    """A statement, report or law named at token ``k`` (before ``hi``) as the place
    words are said in, with no author: up to four words ending in a document noun in
    the locative ("Açıklamada", "Tasarının gerekçesinde", "Basına yapılan
    açıklamada"). One a participle makes someone's ("yaptığı açıklamada", the
    statement he made) names no source of its own."""
    for j in range(k, min(k + 4, hi)):
        word = doc[j].lower_
        if not doc[j].is_alpha or word.endswith(lang.clause_endings_bare or ("\0",)):
            return None
        if word in lang.document_nouns and word.endswith(lang.locative_endings or ("\0",)):
            return k, j + 1
    return None


def _document_subject(doc: Doc, k: int, hi: int, lang: LangData) -> Range | None:
    """A law, report or statement that is the subject, set off by a comma: up to three
    words at token ``k`` ending in a document noun with no case ending ("Yeni yasa ,
    ... öngörüyor", the new law provides)."""
    for j in range(k, min(k + 3, hi - 1)):
        word = doc[j].lower_
        if not doc[j].is_alpha:
            return None
        stem = lang.document_nouns.stem_of(word) if isinstance(lang.document_nouns, Words) else None
        if word in lang.document_nouns and doc[j + 1].text == ",":
            rest = word[len(stem) :] if stem else ""
            oblique = bool(rest) and rest.endswith(lang.oblique_endings or ("\0",))
            return None if oblique or place_case(word, lang) else (k, j + 1)
    return None


def _past_speech_event(doc: Doc, k: int, hi: int, lang: LangData) -> int:
    """Past the statement a report opens with, which is when and where it was said, not
    what ("Yaptığı açıklamada, | ...", in the statement he made; "dün bir bildiri
    yayınlayarak, | ...", issuing a statement yesterday), and a comma."""
    when = k
    while when < hi and doc[when].lower_ in lang.time_adverbs:
        when += 1  # "dün | yaptığı açıklamada"
    after = (
        _statement_made(doc, when, hi, lang)
        or _converb_phrase(doc, k, hi, lang)
        or _occasion(doc, k, hi, lang)
    )
    if after is None:
        return k
    while after < hi and doc[after].is_punct and not doc[after].is_quote:
        after += 1
    return after if after < hi else k


def _occasion(doc: Doc, k: int, hi: int, lang: LangData) -> int | None:
    """Where a longer phrase naming the statement ends, when one opens at token ``k``:
    words of its own, a relative participle and a document in the locative, set off by
    a comma ("Hükümetin ekonomi politikası ile başladığı konuşmasında ,", in his speech
    that he began with the government's economic policy)."""
    for j in range(k + 1, min(k + 10, hi - 1)):
        if doc[j].is_punct:
            return None
        word = doc[j].lower_
        if (
            doc[j + 1].text == ","
            and word in lang.document_nouns
            and word.endswith(lang.locative_endings or ("\0",))
            and doc[j - 1].lower_.endswith(lang.clause_endings_bare or ("\0",))
        ):
            return j + 1
    return None


def _converb_phrase(doc: Doc, k: int, hi: int, lang: LangData) -> int | None:
    """Where a phrase of up to five words ending in a converb ends, when one opens at
    token ``k``: set off by a comma ("dün bir bildiri yayınlayarak ,") or a speech
    act's phrase ("bir açıklama yaparak", making a statement)."""
    if not lang.converb_endings:
        return None
    for j in range(k, min(k + 5, hi - 1)):
        if not doc[j].is_alpha:
            return None
        if not doc[j].lower_.endswith(lang.converb_endings):
            continue
        if doc[j + 1].text == ",":
            return j + 1
        if any(cue_length(doc, i, lang) == j + 1 - i for i in range(max(k, j - 2), j)):
            return j + 1
    return None


def _authored_document_at(doc: Doc, k: int, hi: int, lang: LangData) -> tuple[Range, int] | None:
    """A statement someone made, named at token ``k`` as the place words are said in:
    "Valiliğin | yaptığı yazılı açıklamada" (the author in the genitive before it). The
    author's range and where the phrase ends."""
    if k >= hi or not doc[k].lower_.endswith(lang.genitive_suffixes or ("\0",)):
        return None
    end = _statement_made(doc, k + 1, hi, lang)
    return ((k, k + 1), end) if end is not None else None


def _statement_made(doc: Doc, k: int, hi: int, lang: LangData) -> int | None:
    """Where a statement someone made ends when one is named at token ``k``: a
    participle and up to two words ending in a document noun in the locative
    ("yaptığı yazılı açıklamada")."""
    if k >= hi or not doc[k].lower_.endswith(lang.clause_endings_bare or ("\0",)):
        return None
    for j in range(k + 1, min(k + 3, hi)):
        word = doc[j].lower_
        if not doc[j].is_alpha:
            return None
        if word in lang.document_nouns and word.endswith(lang.locative_endings or ("\0",)):
            return j + 1
    return None


def _anaphor(doc: Doc, opening: int, end: int, lang: LangData) -> Range | None:
    """An anaphor standing for what was said: right before the cue, up to two words
    apart ("осылай деді", "осыны кесіп айтты"), or opening the sentence with a
    postposition ("Бұл туралы ...", "Bu konuda ...")."""
    for j in range(end - 1, max(opening, end - 3) - 1, -1):
        if doc[j].is_punct or doc[j].lower_.endswith(lang.clause_endings or ("\0",)):
            break  # (the object of a clause's verb: "Bunu yapmayacağımızı söyledi")
        if doc[j].lower_ in lang.anaphors_alone:
            return j, j + 1
    if (
        opening + 1 < end
        and doc[opening].lower_ in lang.anaphors
        and doc[opening + 1].lower_ in lang.clause_postpositions
    ):
        return opening, opening + 1
    return None


def _anaphoric_quote(
    doc: Doc,
    anaphor: Range,
    cue: Range,
    speaker: Speaker | None,
    marked: list[Marked],
    inside: list[bool],
    lang: LangData,
) -> FoundQuote | None:
    """A report whose content an anaphor stands for: the sentence before, in the same
    paragraph, where there is one; the anaphor itself where the sentence stands alone."""
    sent = sentence_at(doc, anaphor[0])
    if sent.start > 0 and "\n" not in doc[sent.start - 1].text_with_ws:
        previous = sentence_at(doc, sent.start - 1)
        return _quote(doc, (previous.start, previous.end), cue, speaker, marked, inside, 2)
    return _quote(doc, anaphor, cue, speaker, marked, inside, shortest=1)


def _subject_before(
    doc: Doc, k: int, lo: int, found: DocMentions, lang: LangData
) -> Speaker | None:
    """A subject ending right before token ``k`` (the cue, a particle between them
    allowed, and an adverb of time): "... бақша меңгерушісі айтты", "... Нұрсұлтан
    Назарбаев осылай деді", "... Maliye Bakanı Mehmet Şimşek dün açıkladı"."""
    while k > lo and (
        doc[k - 1].lower_ in lang.subject_particles or doc[k - 1].lower_ in lang.time_adverbs
    ):
        k -= 1
    if k - 1 > lo and doc[k - 1].lower_ in lang.reflexives:
        # "Анардың өзі" (Anar herself): the name in the genitive before the reflexive.
        named = next((m for m in [*found.persons, *found.orgs] if m.end == k - 1), None)
        if named is not None and named.start >= lo and _genitive(doc, named, lang):
            return (named.start, named.end), "name"
    for start in range(max(lo, k - 5), k):
        speaker = subject_at(doc, start, k, found, lang)
        if speaker is None or speaker[0][1] != k:
            continue
        if speaker[1] == "noun" and doc[start].is_sent_start:
            continue
        return speaker
    return None


def _quote(
    doc: Doc,
    content: Range,
    cue: Range,
    speaker: Speaker | None,
    marked: list[Marked],
    inside: list[bool],
    shortest: int,
    unnamed: bool = False,
) -> FoundQuote | None:
    """A report of the words in ``content`` (trimmed): mixed where it holds quoted
    words, else indirect; none shorter than ``shortest`` words unless quoted. With no
    speaker, ``unnamed`` marks an impersonal report ("belirtildi")."""
    start, end = trim(doc, *content)
    if end - start < shortest and not _quoted(doc, start, end, inside):
        return None
    s, e = char_offsets(doc[start:end])
    quoted = any(s <= m.open_at and m.close_end <= e + 1 for m in marked)
    kind = "mixed" if quoted else "indirect"
    speaker_span, speaker_kind = (
        (char_offsets(doc[speaker[0][0] : speaker[0][1]]), speaker[1])
        if speaker
        else (None, "unnamed" if unnamed else None)
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


def _content_end(
    doc: Doc, cue: Range, lo: int, lang: LangData, at: int | None = None
) -> int | None:
    """Where the reported clause before a cue (or before token ``at``) ends, or None
    when the words before it are no report (an object: "yeni kampanyasını duyurdu")."""
    k = cue[0] if at is None else at
    if at is None and is_quotative(doc, k, lang):
        return k  # "... деп хабарлады": a clause of any form
    while k > lo and doc[k - 1].lower_ in lang.subject_particles:
        k -= 1  # "... берілетінін де мәлімдеді"
    if at is None and doc[cue[0]].lower_ in lang.say_verbs and ends_clause(doc, cue[1]):
        return k  # "Ал шаруалар шығынға шаш етектен баттық дейді."
    while k > lo and doc[k - 1].lower_ in lang.clause_postpositions:
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
    if is_passive(doc, cue, lang) and last.endswith(lang.clause_endings_bare):
        return k  # "... bulduğu belirtildi"
    # An addressee or an adverb between the clause and the cue ("... yer alacağını
    # ittifak makamlarına bildirmişti", "... olduklarını açıkça ifade etmektedir").
    for j in range(k - 1, max(lo, k - 4), -1):
        if doc[j].is_punct:
            break
        if doc[j - 1].lower_.endswith(lang.clause_endings) and doc[j - 1].is_alpha:
            return j
    return None


def ends_clause(doc: Doc, k: int) -> bool:
    """Whether token ``k`` ends a clause: the end of the text or a punctuation mark."""
    return k >= len(doc) or doc[k].is_punct or bool(doc[k].is_sent_start)


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
    Volski", "Соның бас директоры Арнұр Нұртаев"), else its title or organization; a
    personal pronoun; up to four words ending in a noun that names people ("жауапты
    мамандар", "Төтенше жағдайлар қызметі мамандары"); or up to four capitalized words
    set off by a comma ("Akşener, ...", "Açıklamada, ..."). A subject is in the
    nominative: a name or pronoun with a case ending is none ("Путинмен", "оны")."""
    if k >= hi:
        return None
    if doc[k].like_num and k + 1 < hi and _named_at(found, k + 1, hi):
        k += 1  # "1907 Fenerbahçe Derneği": the year is part of the name
    person, title, org, run_end = _name_run(doc, k, hi, found)
    if person is not None and _dative(doc[person.end - 1].lower_, lang):
        # Whom they told, after who told them: "Dmitri Peskov | Vladimir Putinə
        # bildirib" (Peskov told Putin).
        earlier = next((m for m in found.persons if m.end == person.start and m.start >= k), None)
        if earlier is not None and _nominative(doc, earlier, lang):
            return (earlier.start, earlier.end), "name"
    if run_end > k and run_end < hi and doc[run_end].lower_ in lang.postpositions:
        return None  # "Arda için ...", for Arda: no subject
    if person is None and org is not None and title is None and not _nominative(doc, org, lang):
        owned = _owned_person(doc, run_end, hi, found, lang)
        if owned is not None:
            return owned
    if person is None and title is not None and title.end == run_end:
        # A title and a name the model did not read as one ("Teknik Direktör Toshack
        # 'ın"): the capitalized words after the title, in the nominative or genitive.
        end, suffix = run_end, ""
        while end < min(run_end + 3, hi) and not suffix:
            word, suffix = _split_suffix(doc[end].text, lang)
            if not word.isalpha() or not word[:1].isupper():
                suffix = ""
                break
            end += 1
        if not suffix and end < hi and doc[end].text[:1] in lang.name_suffix_apostrophes:
            suffix = doc[end].text[1:]
        if end > run_end and (not suffix or suffix.lower() in lang.genitive_suffixes):
            return (title.start, end), "name"
    if person is None:
        # A description before the name: "Соның бас директоры | Арнұр Нұртаев",
        # "Müdafiə Nazirliyinin | mətbuat xidmətinin rəhbəri | Vaqif Dərgahlı".
        owner = org is not None and title is None and not _nominative(doc, org, lang)
        start = run_end if owner else k
        phrase_end = _people_noun_phrase(doc, start, hi, lang)
        if phrase_end is not None and doc[phrase_end - 1].lower_.endswith(
            lang.genitive_suffixes or ("\0",)
        ):
            # An institution the model did not name: "Ұлттық кәсіпкерлер палатасының
            # мүшесі | Ерлан Қошанов".
            owned = _owned_person(doc, phrase_end, hi, found, lang)
            if owned is not None:
                return owned
        if phrase_end is not None:
            after = _name_run(doc, phrase_end, hi, found)[0]
            if after is not None and _nominative(doc, after, lang):
                return (after.start, after.end), "name"
            if (
                after is not None
                and doc[phrase_end - 1].lower_ in lang.title_heads
                and not _plural_noun(doc[phrase_end - 1].lower_, lang.title_heads, lang)
            ):
                # "başbakan Mesut Yılmaz 'a": his title, and to him (not "Avukatlar
                # Erbakan 'ın ...", the lawyers, of Erbakan).
                return None
            if title is None and org is not None and phrase_end > org.end >= start:
                # People of an institution: "Мәжіліс депутаттары", "Еңбек ...
                # министрлігінің қызметкерлері" (its deputies, its staff), the first
                # such word ("... қызметкерлері | кей тұрғындар ...": of whom they
                # speak).
                first = next(
                    j for j in range(org.end, phrase_end) if _speaker_word(doc, j, lang, hi)
                )
                return (org.start, first + 1), "noun"
            if title is None and org is None:
                # Past a participle that describes them ("Raporu inceleyen | uzmanlar");
                # a name is none ("Yunanistan hükümeti").
                named = {t for m in (*found.countries, *found.orgs) for t in range(m.start, m.end)}
                first = k
                for j in range(k, phrase_end - 1):
                    if j not in named and doc[j].lower_.endswith(
                        lang.participle_endings or ("\0",)
                    ):
                        first = j + 1
                return (first, phrase_end), "noun"
    if person is not None and _nominative(doc, person, lang):
        return (person.start, person.end), "name"
    if person is not None and title is None and _genitive(doc, person, lang):
        # Whose party, lawyers or family speak: "Ahmet Yılmaz 'ın partisi".
        phrase_end = _people_noun_phrase(doc, run_end, min(run_end + 2, hi), lang)
        if phrase_end is not None:
            return (person.start, phrase_end), "noun"
    if person is not None and title is not None and title.end <= person.start:
        # A titled person in a case: the subject of a nominalized clause in the
        # genitive ("Teknik Direktör Toshack'ın ... dediği"), else no subject ("...
        # Toshack'a", to him).
        return ((person.start, person.end), "name") if _genitive(doc, person, lang) else None
    if (
        title is not None
        and not place_case(doc[title.end - 1].lower_, lang)
        and not _oblique_title(doc[title.end - 1].lower_, lang)
    ):
        # (Not to or from whom: "Журналистерге берген сұхбатында ол ...".)
        return (title.start, title.end), "title"
    if title is not None:
        return None
    if org is not None and _nominative(doc, org, lang):
        return (org.start, org.end), "name"
    # A country speaks by its government ("Türkiye ... bildirmişti"), in the nominative:
    # no case ending, fused ("Қазақстанда") or after an apostrophe ("Türkiye 'de").
    country = _mention_at(found.countries, k, hi)
    if (
        person is None
        and title is None
        and org is None
        and country is not None
        and country.name is None  # set where the name was inflected
        and not (country.end < hi and doc[country.end].text[:1] in lang.name_suffix_apostrophes)
    ):
        return (country.start, country.end), "name"
    word = doc[k].lower_
    if (
        (word in lang.person_pronouns or word in lang.pronouns)
        and not case_marked(word, lang)
        and not _oblique_pronoun(word, lang)
    ):
        return (k, k + 1), "pronoun"
    run = _capitalized_run(doc, k, hi, found, lang)
    if run is not None:
        return (k, run), "noun"
    comma = next((j for j in range(k, min(k + 5, hi)) if doc[j].text == ","), None)
    if comma is not None and comma > k and doc[k].text[:1].isupper():
        words = doc[k:comma]
        # Not a clause of its own ("Dünyada mayınlı sınır kalmadığını ,"), nor a phrase
        # capitalized only by opening the sentence ("Қорыта келе ,", in conclusion).
        if (
            all(t.is_alpha or t.text in lang.name_suffix_apostrophes for t in words)
            and (
                len(words) == 1
                or not doc[k].is_sent_start
                or all(t.text[:1].isupper() for t in words if t.is_alpha)
            )
        ) and not any(
            t.lower_.endswith((*lang.clause_endings, *lang.clause_endings_bare) or ("\0",))
            for t in words
        ):
            return (k, comma), "noun"
    return None


def _oblique_pronoun(word: str, lang: LangData) -> bool:
    """Whether a pronoun is another of the language's pronouns with a case ending
    ("onu", "ona", "onun" of "o"; "kendisinin" of "kendisi"; "оған" of "ол"): whom,
    not who. (The plain pronouns are none: "onlar", "олар".)"""
    return word not in lang.pronouns and any(
        word != p
        and (
            word.startswith(p)
            # a stem that changes: "оған", "оны" of "ол"
            or (word in lang.person_pronouns and p[0] == word[0] and len(p) < len(word))
        )
        for p in (*lang.person_pronouns, *lang.pronouns)
    )


def _possessor(doc: Doc, speaker: Speaker, cue: Range, found: DocMentions, lang: LangData) -> bool:
    """Whether a name a finite cue follows is in the genitive: whose something is in
    the reported clause ("төраға Си Цзиньпиннің шақыруын қабыл алғанын жеткізді", that
    he accepted Xi Jinping's invitation), not who reports it."""
    m = next((p for p in found.persons if (p.start, p.end) == speaker[0]), None)
    if m is None and speaker[1] == "title":
        # A title in the genitive: "... oyuncunun ceza alması gerektiğini" (the player's).
        m = next(
            (t.mention for t in found.titles if (t.mention.start, t.mention.end) == speaker[0]),
            None,
        )
    if m is None or not _genitive(doc, m, lang) or _relative_subject(doc, m, cue, lang):
        return False
    # Inflected, as the entity rules read it, or in a case no name ends in: a suffix set
    # off by an apostrophe, or a fused one of three letters where names take none
    # ("Макронның"; not "Lenin", "Ergün").
    last = doc[m.end - 1].lower_
    return (
        m.name is not None
        or m.label == "TITLE"
        or bool(_split_suffix(doc[m.end - 1].text, lang)[1])
        or (
            not lang.name_suffix_apostrophes
            and any(last.endswith(e) and len(e) >= 3 for e in lang.genitive_suffixes)
        )
    )


def _relative_subject(doc: Doc, m: Mention, cue: Range, lang: LangData) -> bool:
    """Whether a name in the genitive is the subject of a cue that is a relative
    participle ("Kutan 'ın "…" dediği", what Kutan said)."""
    return bool(lang.relative_endings) and (
        doc[cue[1] - 1].lower_.endswith(lang.relative_endings) and _genitive(doc, m, lang)
    )


def _capitalized_run(doc: Doc, k: int, hi: int, found: DocMentions, lang: LangData) -> int | None:
    """The end of two or three capitalized words at ``k`` the model named nothing, then a
    word in lower case: a name it does not know opening its clause ("Vladislava Çelaxa
    jurnalistlərə bildirib"). Not a title, an institution, people or a country, and the
    last word in the nominative."""
    end = k
    while end < min(k + 3, hi) and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    if end - k < 2 or end >= hi or not doc[end].text[:1].islower():
        return None
    if any(m.start < end and k < m.end for m in found.all()):
        return None
    for j in range(k, end):
        word = doc[j].lower_
        if doc[j].text.isupper() or _speaker_word(doc, j, lang, hi) or word in lang.openers:
            return None
    if case_marked(doc[end - 1].lower_, lang) or place_case(doc[end - 1].lower_, lang):
        return None
    return end


def _genitive(doc: Doc, m: Mention, lang: LangData) -> bool:
    """Whether a name is in the genitive: a suffix after an apostrophe, in its last
    word or the token after it ("Toshack'ın", "Toshack 'ın"), or fused ("Тоқаевтың")."""
    suffix = _split_suffix(doc[m.end - 1].text, lang)[1]
    if not suffix and m.end < len(doc) and doc[m.end].text[:1] in lang.name_suffix_apostrophes:
        suffix = doc[m.end].text[1:]
    if suffix:
        return suffix.lower() in lang.genitive_suffixes
    word = doc[m.end - 1].lower_
    return any(word.endswith(e) and len(e) >= 2 for e in lang.genitive_suffixes)


def _split_suffix(word: str, lang: LangData) -> tuple[str, str]:
    """A word and the case suffix an apostrophe sets off in it ("Toshack'ın")."""
    for k, ch in enumerate(word):
        if k and ch in lang.name_suffix_apostrophes:
            return word[:k], word[k + 1 :]
    return word, ""


def _owned_person(doc: Doc, k: int, hi: int, found: DocMentions, lang: LangData) -> Speaker | None:
    """The person an institution's post names after it, up to three lower-case words
    from token ``k`` (the institution in the genitive before it): "Орталық сайлау
    комиссиясының | мүшесі | Ләззат Сүлеймен" (of the commission, its member, ...)."""
    for j in range(k + 1, min(k + 4, hi)):
        if not doc[j - 1].is_alpha or doc[j - 1].text[:1].isupper():
            break
        after = _mention_at(found.persons, j, hi)
        # (Uninflected as the entity rules read it: "Сүлеймен" only looks like "with".)
        if after is not None and after.name is None:
            return (after.start, after.end), "name"
    return None


def first_subject(doc: Doc, k: int, hi: int, found: DocMentions, lang: LangData) -> Speaker | None:
    """The first person, title or organization in the nominative in tokens [k, hi), for
    a subject after a phrase of time, place or company ("Мәскеуде Владимир Путинмен
    кездесу кезінде | Нұрсұлтан Назарбаев осылай деді")."""
    starts = sorted(
        m.start
        for m in [*found.persons, *found.orgs, *(t.mention for t in found.titles)]
        if k <= m.start < hi
    )
    for start in starts:
        speaker = subject_at(doc, start, hi, found, lang)
        if speaker is not None and speaker[1] != "noun":
            return speaker
    return None


def _name_run(
    doc: Doc, k: int, hi: int, found: DocMentions
) -> tuple[Mention | None, Mention | None, Mention | None, int]:
    """The run of names, titles, organizations and countries at token ``k``: its last
    person, last title, first organization, and where it ends."""
    person: Mention | None = None
    title: Mention | None = None
    org: Mention | None = None
    j = k
    while j < hi:
        here = (
            _mention_at(found.persons, j, hi)
            or _mention_at([t.mention for t in found.titles], j, hi)
            or _mention_at(found.orgs, j, hi)
            or _mention_at(found.countries, j, hi)
        )
        if here is None:
            break
        if here.label == "PERSON":
            person = here
        elif here.label == "TITLE":
            title = here
        elif here.label == "ORGANIZATION":
            org = org or here
        j = here.end
    return person, title, org, j


def _people_noun_phrase(doc: Doc, k: int, hi: int, lang: LangData) -> int | None:
    """The end of up to four words at ``k`` ending in a noun that names people, none in
    a place case ("Салтанатты шарада" is where, not who)."""
    last = None
    for j in range(k, min(k + 4, hi)):
        if not is_word(doc[j]) and "-" not in doc[j].text:
            break
        if place_case(doc[j].lower_, lang):
            break
        if j > k and doc[j].lower_ in lang.reporting_verbs and not _speaker_word(doc, j, lang, hi):
            break  # a verb between: "тілегін жеткізді | дәрігерлер"
        if _speaker_word(doc, j, lang, hi):
            last = j
    return last + 1 if last is not None else None


def _nominative(doc: Doc, m: Mention, lang: LangData) -> bool:
    """Whether a name's last word has no case ending ("Владимир Путинмен", with Putin;
    "Орталық сайлау комиссиясының", of the commission). In the languages that mark an
    addressee (``dative_endings``), a person's name that only ends like a case
    ("Putin", "Braun", "Vayda") is in the nominative where the reporting verb, a comma,
    or an addressee and the verb follow it ("Vladimir Putin jurnalistlərə bildirib
    ki")."""
    if m.name is not None:
        return False
    last = doc[m.end - 1].lower_
    # A known organization's own name ends as it ends ("Ақорда", not "Ақор" + "-да").
    if not case_marked(last, lang) or known_organization(doc[m.start : m.end].text):
        return True
    if m.label != "PERSON" or not lang.dative_endings:
        return False
    after = m.end
    if after < len(doc) and doc[after].text == ",":
        return True
    if after + 1 < len(doc) and doc[after].is_alpha and _dative(doc[after].lower_, lang):
        after += 1  # the addressee
    return after < len(doc) and _cue_size(doc, after, lang) > 0


def _dative(word: str, lang: LangData) -> bool:
    return any(word.endswith(e) and len(word) > len(e) + 2 for e in lang.dative_endings)


def place_case(word: str, lang: LangData) -> bool:
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in lang.place_case_endings)


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
    # (In the nominative: "жауапты қызметті атқара отырып ," is whom or what.)
    for pool, kind in ((found.persons, "name"), ([t.mention for t in found.titles], "title")):
        m = next((m for m in pool if m.end == k and m.start >= lo), None)
        if m is not None and not case_marked(doc[m.end - 1].lower_, lang):
            return (m.start, m.end), kind
    org = next((m for m in found.orgs if m.end == k and m.start >= lo), None)
    if org is not None and _nominative(doc, org, lang):
        return (org.start, org.end), "name"
    country = next((m for m in found.countries if m.end == k and m.start >= lo), None)
    if country is not None and country.name is None:
        return (country.start, country.end), "name"  # "... rol oynayan ABD ,"
    # Capitalized words the model did not name, after a participle or a noun of people
    # that describes them: "... söyleyen Sabancı ,", "PTT emeklisi Akyüz ,".
    run = k
    while run > max(lo, k - 3) and doc[run - 1].is_alpha and doc[run - 1].text[:1].isupper():
        run -= 1
    if (
        lo < run < k
        and not case_marked(doc[k - 1].lower_, lang)
        and doc[run - 1].is_alpha
        and (
            doc[run - 1].lower_.endswith(lang.participle_endings or ("\0",))
            or _speaker_word(doc, run - 1, lang, run)
        )
    ):
        return (run, k), "name"
    # People described, not named, where the clause names no one before them: "...
    # yazısını gören bazı vatandaşlar ,".
    if any(lo <= m.start < k for m in [*found.persons, *(t.mention for t in found.titles)]):
        return None
    for start in range(max(lo, k - 3), k):
        if doc[start].lower_.endswith(lang.participle_endings or ("\0",)):
            continue  # the participle describing them ("gören")
        if _people_noun_phrase(doc, start, k, lang) == k and _speaker_word(doc, k - 1, lang, k):
            return (start, k), "noun"
    return None


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
    """A noun naming people (or an institution), not a word derived from one
    ("мамандық", profession, from "маман", specialist)."""
    word = doc[j].lower_
    if j >= hi or not is_word(doc[j]):
        return False
    if any(word.endswith(e) and len(word) > len(e) + 2 for e in lang.people_suffixes):
        return True  # "әкімдіктегілер", those at the akimat
    for words in (lang.speaker_nouns, lang.title_heads, lang.org_heads):
        if word in words:
            stem = words.stem_of(word) if isinstance(words, Words) else None
            rest = word[len(stem) :] if stem else ""
            derived = rest.startswith(lang.derivational_suffixes) and not rest.startswith(
                lang.plural_suffixes
            )
            # "meclise" (to the parliament), "dergide" (in the magazine): no subject.
            oblique = bool(rest) and rest.endswith(lang.oblique_endings or ("\0",))
            if not derived and not oblique:
                return True
    return False


def _oblique_title(word: str, lang: LangData) -> bool:
    """Whether a title's head word has a case ending after its stem ("Cumhurbaşkanını",
    the president, as an object)."""
    stem = lang.title_heads.stem_of(word) if isinstance(lang.title_heads, Words) else None
    rest = word[len(stem) :] if stem else ""
    return bool(rest) and rest.endswith(lang.oblique_endings or ("\0",))


def _plural_noun(word: str, words: frozenset[str], lang: LangData) -> bool:
    """Whether a word of ``words`` is in the plural ("avukatlar" of "avukat-")."""
    stem = words.stem_of(word) if isinstance(words, Words) else None
    return stem is not None and word[len(stem) :].startswith(lang.plural_suffixes)


def _named_at(found: DocMentions, k: int, hi: int) -> bool:
    return any(_mention_at(pool, k, hi) is not None for pool in (found.persons, found.orgs))


def _mention_at(mentions: list[Mention], k: int, hi: int) -> Mention | None:
    return next((m for m in mentions if m.start == k and m.end <= hi), None)


def _after_subject(doc: Doc, k: int, hi: int, lang: LangData) -> int:
    """Where the reported clause starts after its subject: past a particle ("Volski
    de"), a comma, and an addressee in the dative right after them ("жас сарбаздарға")."""
    # (Not past an opening quote mark: 'Bakan, "Kuruluş Osman" dizisini ...'.)
    while k < hi and (
        (doc[k].is_punct and not doc[k].is_quote) or doc[k].lower_ in lang.subject_particles
    ):
        k += 1
    # A place of the saying right after the subject ("Əli Əsədov iclasda ...",
    # "Қорғаушысы сотта ...") belongs to the verb, not to what was said.
    if k + 1 < hi and doc[k].is_alpha and doc[k].lower_.endswith(lang.locative_endings or ("\0",)):
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
    if is_participle(doc, cue, lang) and doc[k].text == ",":
        # Participles in a row describe one speaker, named after the last: '"…" diyen ,
        # … belirten Toshack'.
        for j in range(k + 1, min(k + 30, sent_end)):
            size = cue_length(doc, j, lang)
            if size and is_participle(doc, (j, j + size), lang):
                return _speaker_after(doc, (j, j + size), sent_end, found, lang)
    speaker = subject_at(doc, k, sent_end, found, lang)
    if speaker is None and is_participle(doc, cue, lang):
        # The noun a participle describes is its speaker, whatever it names: "...
        # kaydeden dergi , ...", "... belirten bazı vatandaşlar , ...", "... belirten
        # Terim "…" diye konuştu".
        comma = next(
            (
                j
                for j in range(k, min(k + 4, sent_end))
                if doc[j].text == "," or (doc[j].is_quote and j > k)
            ),
            None,
        )
        words = doc[k:comma] if comma is not None else doc[k:k]
        if (
            comma is not None
            and len(words) > 0
            and all(t.is_alpha for t in words)
            and not case_marked(words[-1].lower_, lang)
            and words[-1].lower_ not in lang.reporting_verbs
        ):
            return (k, comma), "noun"
    if speaker is None:
        # "— дейді бас онколог, дәрігер Диляра Қайдарова.": the name ends the sentence.
        people = [m for m in found.persons if k <= m.start and m.end <= sent_end]
        tail = [t for t in doc[people[-1].end : sent_end] if not t.is_punct] if people else []
        if people and not tail and people[-1].start - k <= 6:
            return (people[-1].start, people[-1].end), "name"
        # "— дейді жазасын өтеуші .": a few plain words after a verb of saying that
        # ends the sentence are who said it, the last in the nominative.
        plain = [t for t in doc[k:sent_end] if not t.is_punct]
        if (
            doc[cue[1] - 1].lower_ in lang.say_verbs
            and 0 < len(plain) <= 3
            and all(t.is_alpha for t in plain)
            and not any(t.lower_ in lang.time_adverbs | lang.openers for t in plain)
            and not any(
                t.lower_.endswith(lang.finite_endings or ("\0",))
                or t.lower_ in lang.reporting_verbs
                or case_marked(t.lower_, lang)
                for t in plain
            )
            and plain[-1].i - k == len(plain) - 1
        ):
            return (k, plain[-1].i + 1), "noun"
        # "— деді « Нұр Отан » партиясы төрағасының бірінші орынбасары .": a title
        # or a noun of people in the nominative ends the sentence.
        if (
            doc[cue[1] - 1].lower_ in lang.say_verbs
            and 0 < len(plain) <= 8
            and _speaker_word(doc, plain[-1].i, lang, sent_end)
            and not any(
                t.lower_.endswith(lang.finite_endings or ("\0",))
                or t.lower_ in lang.reporting_verbs
                for t in plain
            )
        ):
            return (k, plain[-1].i + 1), "noun"
        return None
    # (To a dash that resumes the quote: "«A, – деді министр X, – B»".)
    stop = next((t.i for t in doc[speaker[0][1] : sent_end] if t.text in "–—"), sent_end)
    rest = [
        t
        for t in doc[speaker[0][1] : stop]
        if not t.is_punct and not t.is_space and t.lower_ not in lang.subject_particles
    ]
    # Nothing after the speaker but the end of the sentence, or the verb a quotative
    # introduces ("deyə Rasim Bağırov vurğulayıb").
    verb_only = (
        is_quotative(doc, cue[0], lang)
        and len(rest) <= 2
        and all(t.is_alpha and t.text[:1].islower() for t in rest)
    )
    if is_participle(doc, cue, lang) or not rest or verb_only:
        return speaker
    return None


def is_participle(doc: Doc, cue: Range, lang: LangData) -> bool:
    return bool(lang.participle_endings) and doc[cue[1] - 1].lower_.endswith(
        lang.participle_endings
    )


def is_passive(doc: Doc, cue: Range, lang: LangData) -> bool:
    """Whether the cue's verb is a passive ("belirtildi", "хабарланды"). A passive in
    -n- ("açıklandı") is one only where the verb's stem comes before it: "kullandı"
    (used) is "kullan-" and active."""
    word = doc[cue[1] - 1].lower_
    ending = next((e for e in lang.passive_endings if word.endswith(e)), None)
    if ending is None:
        return False
    if ending[0] not in "nн" or len(word) == len(ending):
        return True
    stem = word[: -len(ending)]
    return stem in lang.reporting_verbs or any(
        stem in phrase[-1] for phrase in phrase_words(lang.code)
    )


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
        if speaker is None and is_quotative(doc, cue[0], lang) and cue[1] - cue[0] >= 3:
            # Between the quotative and its verb: '"Biz hazırıq", - deyə | nazir |
            # vurğulayıb'.
            speaker = subject_at(doc, cue[0] + 1, cue[1] - 1, found, lang)
        if speaker is None:
            speaker = _speaker_after(doc, cue, sentence_at(doc, cue[0]).end, found, lang)
    first = min(quote[0], cue[0])
    if speaker is None:
        speaker = _name_before(doc, quote[0], sent_start, found)
    if speaker is None and cue[0] >= quote[1]:
        # A name in the nominative right before the quote, with its particle: "...
        # dönmek isteyen Adile Kaya da "…" dedi".
        j = quote[0]
        if j > sent_start and doc[j - 1].lower_ in lang.subject_particles:
            j -= 1
        named = next((p for p in [*found.persons, *found.orgs] if p.end == j), None)
        if (
            named is not None
            and named.start >= sent_start
            and (_nominative(doc, named, lang) or _relative_subject(doc, named, cue, lang))
        ):
            speaker = (named.start, named.end), "name"
    if speaker is None and cue[1] <= quote[0]:
        # The genitive subject of a relative participle before the quote: "Narayanan
        # 'ın belirttiği gibi , '…'" (as Narayanan stated).
        named = next(
            (p for p in found.persons if sent_start <= p.start and cue[0] - 1 <= p.end <= cue[0]),
            None,
        )
        if named is not None and _relative_subject(doc, named, cue, lang):
            speaker = (named.start, named.end), "name"
    if speaker is None and first > sent_start:
        opening = _skip_openers(doc, sent_start, first, lang)
        if doc[first - 1].text == ":":
            # The subject right before a colon that opens the quote, after words of its
            # own: "Самитті ашқан Ұйымның Бас хатшысы : «…» , — деді".
            speaker = _subject_before(doc, first - 1, opening, found, lang)
        speaker = (
            speaker
            or subject_at(doc, opening, first, found, lang)
            or _subject_before_comma(doc, opening, first, found, lang)
        )
        if speaker is None and cue[0] >= quote[1]:
            # The sentence's subject after words of its own ("Hack Forums'ın kurucusu
            # | Jesse LaBrocca … bir mesajda "…" diye yazdı").
            speaker = first_subject(doc, opening, first, found, lang)
        source = document_at(doc, opening, first, lang)
        if source is not None and (speaker is None or speaker[1] == "noun"):
            speaker = source, "document"  # "Bildiride ... yer verildi: "...""
        if speaker is None and doc[first - 1].text == ":":
            # A pronoun after a phrase of time or place introduces the quote:
            # "Журналистерге берген сұхбатында ол әрдайым : «…»".
            speaker = next(
                (
                    ((j, j + 1), "pronoun")
                    for j in range(first - 1, opening - 1, -1)
                    if (doc[j].lower_ in lang.person_pronouns or doc[j].lower_ in lang.pronouns)
                    and not case_marked(doc[j].lower_, lang)
                ),
                None,
            )
    if speaker is None:
        return None
    return char_offsets(doc[speaker[0][0] : speaker[0][1]]), speaker[1]


def inherit_speakers(doc: Doc, quotes: list[FoundQuote], lang: LangData) -> list[FoundQuote]:
    """A report with no subject of its own after another report of the same sentence
    has that report's speaker: "X, A belirterek, B söyledi", "X «A» dedi ve «B»
    bildirdi" (not a passive, which names none); one a converb cues before its main
    verb's subject, that subject ("A söyleyerek ... Adile Kaya "B" dedi")."""
    out: list[FoundQuote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        cue = doc.char_span(*q.cue, alignment_mode="expand") if q.cue else None
        if (
            q.speaker is None
            and cue is not None
            and not is_passive(doc, (cue.start, cue.end), lang)
        ):
            # The sentence the report starts in: a sentencizer may split a quote.
            first = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
            sent = sentence_at(doc, min(cue.start, first.start if first else cue.start))
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
    # A converb's subject is its main verb's, named after it: "A söyleyerek ... Adile
    # Kaya da "B" dedi".
    for n, q in enumerate(out):
        cue = doc.char_span(*q.cue, alignment_mode="expand") if q.cue else None
        if q.speaker is not None or cue is None or not lang.converb_endings:
            continue
        if not cue[-1].lower_.endswith(lang.converb_endings):
            continue
        sent = sentence_at(doc, cue.start)
        later = [
            o
            for o in out[n + 1 :]
            if o.speaker is not None
            and o.cue is not None
            and cue.end_char <= o.cue[0] < sent.end_char
            and o.speaker[0] > cue.end_char
        ]
        if later:
            kind = later[0].speaker_kind
            out[n] = replace(
                q,
                speaker=later[0].speaker,
                speaker_kind=kind,
                confidence=confidence_of(q.kind, kind),
            )
    return out
