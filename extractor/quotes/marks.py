"""Quote marks and their pairing: the quoted stretches of a text (outermost only,
across paragraphs that re-open the quote), less the quoted names of works and
organizations, and which tokens they cover."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..entities.base import DocMentions
from ..language import LangData
from .common import Marked, doc_text, phrase_firsts
from .speakers import is_cue


def quote_marks(text: str, lang: LangData) -> list[Marked]:
    """Quoted stretches of ``text``, outermost only.

    A quote runs to its closing mark within the paragraph. An opening mark left open at
    a paragraph's end continues when the next paragraph opens with the same mark (the
    convention for quotes of several paragraphs); otherwise it ends with its paragraph.
    Marks may be several characters long (the ''doubled apostrophes'' of some archives).
    """
    marks = sorted(lang.quote_pairs, key=len, reverse=True)
    found: list[Marked] = []
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
                (
                    c
                    for c in closers
                    if text.startswith(c, j) and _closes(text, j, mark, c, lang.head_final)
                ),
                None,
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
            found.extend(
                _split_at_attribution(text, Marked(i, start, stop, close_end > 0, close_end or end))
            )
        i = close_end or end
    if lang.head_final:
        found.extend(_opening_lost(text, found, lang))
        found.sort(key=lambda q: q.open_at)
    return found


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _opening_lost(text: str, found: list[Marked], lang: LangData) -> list[Marked]:
    """Quotes whose opening mark an archive lost: a symmetric closing mark that closes
    nothing, right before a verb of saying ('Toshack , Beşiktaş geçen sezon başarısız
    olmadı ... " dedi'). The quoted words start after the speaker's comma, in the
    paragraph or since the last quote."""
    lost: list[Marked] = []
    taken = [(q.open_at, q.close_end) for q in found]
    for mark, closers in lang.quote_pairs.items():
        if len(mark) != 1 or closers[0] != mark:
            continue
        for j in (m.start() for m in re.finditer(re.escape(mark), text)):
            if any(a <= j < b for a, b in taken) or j == 0 or text[j + 1 : j + 2].isalnum():
                continue
            after = _WORD.search(text, j + 1)
            if after is None or text[j + 1 : after.start()].strip():
                continue
            verb = after.group().lower()
            if (
                verb not in lang.say_verbs
                and verb not in lang.quotatives
                and verb not in lang.mark_quotatives
            ):
                continue
            lo = max([text.rfind("\n", 0, j) + 1, *(b for a, b in taken if b <= j)])
            start = _after_speaker_comma(text, lo, j, lang)
            if start is None:
                continue
            stop = j
            while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ",."):
                stop -= 1
            if stop > start:
                lost.append(Marked(start, start, stop, True, j + 1))
                taken.append((start, j + 1))
    return lost


def _after_speaker_comma(text: str, lo: int, hi: int, lang: LangData) -> int | None:
    """Where the words after the speaker's comma start, between ``lo`` and ``hi``: the
    first comma before a capital letter after the last report of its own ('"…" diyen ,
    Ohen 'in … belirten Toshack , Ayhan …')."""
    cues = [
        m.end() for m in _WORD.finditer(text, lo, hi) if m.group().lower() in lang.reporting_verbs
    ]
    if cues:
        lo = cues[-1]
    for comma in (m.start() for m in re.finditer(",", text[lo:hi])):
        k = lo + comma
        start = k + 1
        while start < hi and text[start].isspace():
            start += 1
        if start < hi and text[start].isupper():
            return start
    return None


# An attribution set in a quote between dashes: "«A, — сказал Песков. — B»", "«A, —
# деді ол, — B»": a comma, "!" or "?", a dash, a few words that start lower-case, a
# full stop or a comma, and a dash.
_INNER_ATTRIBUTION = re.compile(
    r"(?P<end>[,!?…]|\.\.\.)[ \t\xa0]*[—–][ \t\xa0]+(?=[^\W\d_])(?=[^A-ZА-ЯЁƏÇĞİÖŞÜҚҒҮҰӘІҢӨҺ])"
    r"[^—–«»\"“”\n]{3,120}?[.,:][ \t\xa0]*[—–][ \t\xa0]+"
)


def _split_at_attribution(text: str, q: Marked) -> list[Marked]:
    """The pieces of a closed quote that holds its attribution between dashes, each a
    quote of its own whose marks are the dashes ("«A, — сказал X. — B»" reads like
    "«A», — сказал X. — «B»"); the quote itself where it holds none."""
    if not q.closed:
        return [q]
    m = _INNER_ATTRIBUTION.search(text, q.start, q.end)
    if m is None:
        return [q]
    first_end = m.end("end") if m.group("end") in "!?…" else m.start("end")
    rest = _split_at_attribution(text, Marked(m.end(), m.end(), q.end, True, q.close_end, True))
    return [Marked(q.open_at, q.start, first_end, True, m.start("end") + 1), *rest]


def _opens(text: str, i: int, mark: str, closer: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if after.isspace():
        return False
    if mark == closer or mark[0] in "‘'":
        # Symmetric or apostrophe-like marks open only after a space or opening punctuation.
        return before.isspace() or before in "([{—–-:/"
    return True


def _closes(text: str, j: int, mark: str, closer: str, suffixed: bool = False) -> bool:
    """Whether the mark at ``j`` closes the quote ``mark`` opened. A symmetric mark
    closes after a letter and before none, or, where case endings follow the words
    they end (``suffixed``: the Turkic languages), before a lower-case ending
    ('"Güney Denizi"ni keşfettiler', they discovered the "South Sea")."""
    after = text[j + len(closer)] if j + len(closer) < len(text) else " "
    before = text[j - 1] if j > 0 else " "
    if closer in "’'":
        # "don’t" is an apostrophe, not a closing mark.
        return not after.isalnum()
    if mark == closer:
        return not before.isspace() and (not after.isalnum() or (suffixed and after.islower()))
    return True


def _mark_at(text: str, i: int, marks: list[str]) -> str | None:
    return next((m for m in marks if text.startswith(m, i)), None)


def speech_marks(
    doc: Doc, lang: LangData, found: DocMentions, marks: list[Marked] | None = None
) -> list[Marked]:
    """Quoted words in ``doc`` (of ``marks``, its :func:`quote_marks` where the caller has
    them), less the names of works (MSNBC's "Morning Joe") and of organizations
    ("«Azəriqaz» İstehsalat Birliyi", "радиостанции «Спутник»")."""
    named = [(doc[o.start].idx, doc[o.end - 1].idx + len(doc[o.end - 1])) for o in found.orgs]
    text = doc_text(doc)
    # A quote that is exactly a name the text gives, inside a sentence ("пишет
    # «Российская газета»"); one that opens a sentence is what someone says.
    names = {
        (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
        for m in [*found.orgs, *found.persons]
    }

    def names_an_organization(q: Marked) -> bool:
        words = text[q.start : q.end].split()
        # A few capitalized words an organization's name holds or is.
        a_name = 0 < len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        return any(
            (a <= q.open_at and q.close_end <= b) or (a_name and a <= q.start and q.end <= b)
            for a, b in named
        )

    return [
        q
        for q in (quote_marks(text, lang) if marks is None else marks)
        if not _names_a_work(doc, q, lang)
        and not names_an_organization(q)
        and not ((q.start, q.end) in names and _inside_sentence(text, q))
        and not _names_a_thing(doc, q)
        and not _gloss(text, q)
        and not (lang.head_final and _names_the_noun_after(doc, q, lang))
    ]


def _inside_sentence(text: str, q: Marked) -> bool:
    """Whether a word comes before the quote in its sentence."""
    before = text[: q.open_at].rstrip()
    return bool(before) and before[-1].isalnum()


def _gloss(text: str, q: Marked) -> bool:
    """Quoted words in parentheses right after other quoted words: their gloss in
    another language ('роман "Шербенпарк" ("Scherbenpark")'), not words said again."""
    before = text[: q.open_at].rstrip()
    if not before.endswith("("):
        return False
    before = before[:-1].rstrip()
    return bool(before) and before[-1] in "»\"”“'’"


def _names_a_thing(doc: Doc, q: Marked) -> bool:
    """Quoted words that name a thing or qualify one rather than say something, where
    the morphology tells: a few words right after a noun or adjective in a case
    ("произведение Комитаса «Журавль»", "с подписью «Карантинные дневники»"), or one
    word before one ("«политическая» статья")."""
    text = doc_text(doc)
    words = text[q.start : q.end].split()
    if not words or len(words) > 6 or text[q.start : q.end].rstrip()[-1:] in ".!?…":
        return False
    span = doc.char_span(q.open_at, q.close_end, alignment_mode="expand")
    if span is None:
        return False

    def nominal(token: Token) -> bool:
        return bool(token.morph.get("Case", [])) and token.pos_ != "PRON"

    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and nominal(before) and words[0][:1].isupper():
        return True
    return len(words) == 1 and after is not None and nominal(after) and words[0][:1].islower()


def _names_the_noun_after(doc: Doc, q: Marked, lang: LangData) -> bool:
    """In a language that puts the head last: a short capitalized name in quote marks
    right before the noun it names ("«Абай жолы» романын", the novel; '"Kuruluş
    Osman" dizisini', the series; "«Нұрлы жол» деген бағдарлама", the programme so
    named), not before a cue ('"Evet" dedi')."""
    text = doc_text(doc)
    body = text[q.start : q.end].strip()
    if not q.closed or not body[:1].isupper() or len(body.split()) > 5 or body[-1:] in ".!?…":
        return False
    after = doc.char_span(q.close_end, len(text), alignment_mode="expand")
    if after is None or not len(after):
        return False
    word = after[0]
    if word.lower_ in lang.say_verbs and len(after) > 1 and after[1].lower_ in lang.naming_nouns:
        return True  # "« Нұрлы жол » деген бағдарлама", the programme named so
    return (
        word.is_alpha
        and word.text[:1].islower()
        and word.lower_ not in lang.reporting_verbs
        and word.lower_ not in lang.quotatives
        and word.lower_ not in lang.mark_quotatives
        and word.lower_ not in lang.subject_particles
        and word.lower_ not in lang.conjunctions
        and word.lower_ not in phrase_firsts(lang.code)
    )


def _names_a_work(doc: Doc, q: Marked, lang: LangData) -> bool:
    """Quoted words that name a show, book or article rather than say something:
    a few capitalized words after a possessive, article or preposition (MSNBC's
    "Morning Joe", on "Meet the Press", the book "Fire and Fury")."""
    words = [w.strip(".,!?:;") for w in doc_text(doc)[q.start : q.end].split()]
    if not words or len(words) > 6:
        return False
    if not all(w[:1].isupper() or w.lower() in lang.name_connectors or not w for w in words):
        return False
    before = doc.char_span(q.open_at, q.open_at + 1, alignment_mode="expand")
    if before is None or before.start == 0:
        return False
    previous = doc[before.start - 1]
    possessive = previous.tag_ in {"POS", "PRP$"} or previous.lower_ in {"'s", "’s"}
    return (possessive or previous.tag_ in {"DT", "IN"}) and not is_cue(previous, lang)


def token_mask(doc: Doc, marked: list[Marked]) -> list[bool]:
    """True for tokens inside a quoted stretch (marks included)."""
    mask = [False] * len(doc)
    starts = [t.idx for t in doc]
    for q in marked:
        for i in range(bisect_left(starts, q.open_at), bisect_left(starts, q.close_end)):
            mask[i] = True
    return mask


# "— Мы продолжим, — сказал он." : the words between a paragraph's opening dash and
# the ", —" (or "! —", "? —") that hands over to the attribution.
_DASH_SPEECH = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<said>[^\n]+?[,!?…])[ \t]*[—–][ \t]*(?=\w)")


def dash_speech(text: str, marked: list[Marked]) -> list[Marked]:
    """Speech a dash opens at the start of a paragraph, outside quote marks."""
    found = []
    for m in _DASH_SPEECH.finditer(text):
        start, end = m.start("said"), m.end("said")
        if any(q.open_at < end and start < q.close_end for q in marked):
            continue
        said_end = end - 1 if text[end - 1] == "," else end  # the comma is no speech
        found.append(Marked(m.start(), start, said_end, True, end))
    return found
