"""Russian through natasha (MIT; its NER, morphology, syntax and navec vectors ship in
the wheel) as a spaCy pipeline: natasha's PER/ORG/LOC as ``doc.ents`` with each span's
nominative form, after the project's own title model (``models/ru_ner``), whose job
titles are kept in ``doc.spans[TAGGED]``; then natasha's dependency parse as the Doc's
heads, labels, parts of speech and verb lemmas (``natasha_syntax``)."""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Span

from ..errors import ModelNotAvailableError
from ..language import get_lang
from .startup import NATASHA

# pymorphy2 (natasha's morphology) imports pkg_resources, whose deprecation notice would
# otherwise open the output of every Russian run.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

_NATASHA_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


@cache
def _syntax_parser() -> Any:
    from natasha import NewsSyntaxParser

    from .embeddings import news_embedding

    return NewsSyntaxParser(news_embedding())


@cache
def natasha_models() -> tuple[Any, Any, Any, Any]:
    """natasha's segmenter, news morphology tagger, news NER tagger and morphology
    dictionary, loaded once."""
    from natasha import NewsMorphTagger, NewsNERTagger, Segmenter

    from .embeddings import news_embedding

    embedding = news_embedding()
    return (
        Segmenter(),
        NewsMorphTagger(embedding),
        NewsNERTagger(embedding),
        russian_morphology(),
    )


@cache
def russian_morphology() -> Any:
    """natasha's morphology dictionary (pymorphy2's ``MorphAnalyzer``), alone: a
    name's readings need none of the news models."""
    from natasha import MorphVocab

    _letters_without_names()
    return MorphVocab()


@cache
def _letters_without_names() -> None:
    """pymorphy2 tells Latin letters by their Unicode names, and fails on a letter that
    has none in this Python's Unicode database ("𗀀", U+17000): such a letter is no
    Latin letter."""
    import pymorphy2.shapes

    named = pymorphy2.shapes.is_latin_char

    def is_latin_char(uchr: Any) -> bool:
        try:
            return bool(named(uchr))
        except ValueError:
            return False

    pymorphy2.shapes.is_latin_char = is_latin_char


def _line_parts(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The non-blank pieces of ``text[start:stop]`` between line breaks and brackets,
    trimmed: "RCA (Radio Corporation of America" is two names."""
    parts = []
    for match in re.finditer(r"[^\n()]+", text[start:stop]):
        piece = match.group()
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            parts.append((start + match.start() + left, start + match.start() + right))
    return parts


TAGGED = "extractor.tagged"  # doc.spans key of entities tagged by a model beside natasha


@Language.component("natasha_ner")
def natasha_ner(doc: Doc) -> Doc:
    """Russian entities from natasha's news NER (PER, ORG, LOC), with each span's
    nominative form ("Расима Багирова" -> "Расим Багиров") kept in
    ``doc.user_data["extractor.normal"]`` by character span."""
    from natasha import Doc as NatashaDoc

    segmenter, morph, tagger, vocab = natasha_models()
    text = doc.text
    nd = NatashaDoc(text)
    nd.segment(segmenter)
    nd.tag_morph(morph)  # the nominative forms need the morphology
    nd.tag_ner(tagger)
    ents: list[Span] = []
    normal: dict[tuple[int, int], str] = {}
    for span in nd.spans:
        label = _NATASHA_LABELS.get(span.type)
        if label is None:
            continue
        span.normalize(vocab)
        # natasha's spans may run over a line break ("Мухаммед Мурси\nСвергнутый") or
        # a bracket ("RCA (Radio Corporation of America"): each part stands alone, and
        # the nominative form is kept for the span that is left whole.
        for start, stop in _line_parts(text, span.start, span.stop):
            token_span = doc.char_span(start, stop, label=label, alignment_mode="expand")
            if token_span is None:
                continue
            if any(e.start < token_span.end and token_span.start < e.end for e in ents):
                continue
            ents.append(token_span)
            if (start, stop) == (span.start, span.stop):
                base = span.normal or span.text
                if label == "PERSON":
                    base = _feminine_surname(span.text, _masculine_surname(span.text, base))
                    base = _name_in_nominative(span, base)
                normal[(token_span.start_char, token_span.end_char)] = base
    ents = _with_initials(doc, ents)
    # natasha misses a lone surname opening a sentence ("Лавров на пресс-конференции
    # заявил"); the title model run before it (trained on NEREL) tags it. Its person is
    # taken where a reporting verb follows within a few words: the sentence's speaker.
    verbs = get_lang("ru").reporting_verbs
    for span in doc.spans.get(TAGGED, []):
        if span.label_ != "PERSON" or any(e.start < span.end and span.start < e.end for e in ents):
            continue
        # Without sentences (natasha's pipeline run bare) the text is one.
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        opens = span.start == sent.start or doc[span.start - 1].text in {",", "—", "–", "\n"}
        if (
            opens
            and all(_may_be_name(t.text) for t in span)
            and any(t.lower_ in verbs for t in doc[span.end : min(span.end + 5, sent.end)])
        ):
            ents.append(span)
    doc.ents = sorted(ents, key=lambda e: e.start)
    doc.user_data["extractor.normal"] = normal
    doc.user_data[_NATASHA_DOC] = nd  # for natasha_syntax, which takes it away
    return doc


_NATASHA_DOC = "extractor.natasha_doc"
_KEPT_POS = frozenset({"VERB", "AUX", "PRON"})
# natasha's Universal Dependencies relations, renamed to the labels of spaCy's English
# models (ClearNLP), the one label set the quote finder reads; the others keep theirs.
_RELATIONS = {
    "root": "ROOT",
    "obj": "dobj",
    "iobj": "dative",
    "nsubj:pass": "nsubjpass",
    "acl:relcl": "relcl",
    "flat:name": "flat",
    "flat:foreign": "flat",
}


@Language.component("natasha_syntax")
def natasha_syntax(doc: Doc) -> Doc:
    """natasha's dependency parse of the Doc: heads and labels, the part of speech of
    verbs and pronouns, the lemmas of verbs, every word's morphological features. A
    natasha sentence is one tree, cut at line breaks (a headline and its paragraph
    are two); where spaCy splits a natasha word ("пресс-конференции"), its first
    piece stands for it and the others hang on it."""
    from natasha import Doc as NatashaDoc

    nd = doc.user_data.pop(_NATASHA_DOC, None)
    if nd is None:
        segmenter, morph, _, _ = natasha_models()
        nd = NatashaDoc(doc.text)
        nd.segment(segmenter)
        nd.tag_morph(morph)
    nd.sents = _line_sentences(nd.sents, doc.text)
    nd.parse_syntax(_syntax_parser())
    vocab = natasha_models()[3]
    heads = list(range(len(doc)))
    labels = ["dep"] * len(doc)
    pos = [""] * len(doc)
    text = doc.text
    starts = [t.idx for t in doc]
    for sent in nd.sents:
        first_of: dict[str, int] = {}
        for token in sent.tokens:
            span = doc.char_span(token.start, token.stop, alignment_mode="expand")
            if span is not None and len(span):
                first_of[token.id] = span.start
                for k in range(span.start + 1, span.end):
                    heads[k], labels[k] = span.start, "fixed"
        # natasha may give a sentence two roots ("P, пишет X"): the first is its root,
        # the others hang on it as a parenthetical clause (UD parataxis).
        roots = [t.id for t in sent.tokens if t.head_id == t.id.split("_")[0] + "_0"]
        for token in sent.tokens:
            if roots and token.id in roots[1:]:
                token.head_id, token.rel = roots[0], "parataxis"
        # Where spaCy joins what natasha splits ("Б.Обама"), the token takes the word
        # of the group whose head lies outside it.
        speaks_for: dict[int, Any] = {}
        for token in sent.tokens:
            i = first_of.get(token.id)
            if i is None:
                continue
            outside = first_of.get(token.head_id) != i
            if i not in speaks_for or (outside and first_of.get(speaks_for[i].head_id) == i):
                speaks_for[i] = token
        for token in sent.tokens:
            i = first_of.get(token.id)
            if i is None or id(speaks_for.get(i)) != id(token):
                continue
            # Parts of speech of verbs and pronouns only: what the quote finder reads
            # (the entity rules read a Russian Doc as an NER-only one).
            pos[i] = token.pos if token.pos in _KEPT_POS else ""
            labels[i] = _RELATIONS.get(token.rel, token.rel or "dep")
            head = first_of.get(token.head_id)
            # A line break between word and head cuts the tree: the word is a root. (So
            # is a word natasha made its own head, which is hung on the sentence's root
            # below: "…, даже не надев латы, …".)
            between = text[min(starts[i], starts[head or 0]) : max(starts[i], starts[head or 0])]
            if head is None or head == i or "\n" in between:
                labels[i] = "ROOT"
            else:
                heads[i] = head
            if token.pos in {"VERB", "AUX"}:
                token.lemmatize(vocab)
                doc[i].lemma_ = token.lemma or ""
            if token.feats:
                doc[i].morph = MorphAnalysis(doc.vocab, dict(token.feats))
        # One tree a sentence: a word left without a head (its natasha word joined to
        # another token) hangs on the sentence's root.
        if first_of:
            first, last = min(first_of.values()), max(first_of.values())
            main = next((first_of[r] for r in roots if r in first_of), None)
            for i in range(first, last + 1):
                if main is None or i == main or heads[i] != i or labels[i] != "ROOT":
                    continue
                between = text[min(starts[i], starts[main]) : max(starts[i], starts[main])]
                if "\n" not in between:
                    heads[i], labels[i] = main, "dep"
    # Words natasha did not see (spaces, line breaks) hang on the word before them.
    covered = {i for i, h in enumerate(heads) if h != i}
    covered |= {i for i, label in enumerate(labels) if label != "dep"}
    for i in range(len(doc)):
        if i not in covered and i > 0 and not doc[i - 1].is_space:
            heads[i], labels[i] = i - 1, "dep"
        elif i not in covered:
            labels[i] = "ROOT"
    # A cycle (natasha makes some: "«таинства исповеди»", each the other's head; and
    # where spaCy joins what natasha splits, two words share one token) is cut at the
    # token it is met from, which hangs on the nearest word before it outside the
    # cycle: the sentence stays one tree.
    for i in range(len(doc)):
        if _reaches_root(heads, i, i) is None:
            heads[i], labels[i] = i, "ROOT"
            anchor = next(
                (k for k in range(i - 1, -1, -1) if _reaches_root(heads, k, i) is not None),
                None,
            )
            if anchor is not None and "\n" not in text[starts[anchor] : starts[i]]:
                heads[i], labels[i] = anchor, "dep"
    _set_parse(doc, heads, labels, pos)
    return doc


def _reaches_root(heads: list[int], i: int, avoid: int) -> int | None:
    """The root that token ``i``'s chain of heads ends in, or None where it runs into
    a cycle or through ``avoid`` (other than at its start)."""
    seen = {i}
    j = heads[i]
    while heads[j] != j:
        if j in seen or j == avoid:
            return None
        seen.add(j)
        j = heads[j]
    return None if j == avoid and j != i else j


# The syntax parser scores every pair of a sentence's words: its time grows with the
# square of the sentence's length. A longer run of words (a table, a list, a run of
# marks) is parsed in pieces this long.
LONGEST_SENTENCE = 200


def _line_sentences(sents: list[Any], text: str) -> list[Any]:
    """natasha's sentences cut at line breaks: a headline and the paragraph after it
    are two sentences ("Заголовок без точки\nЛавров заявил, ..."); and into pieces of
    :data:`LONGEST_SENTENCE` words at most."""
    from natasha.doc import DocSent

    def sentence(part: list[Any]) -> Any:
        return DocSent(part[0].start, part[-1].stop, text[part[0].start : part[-1].stop], part)

    out = []
    for sent in sents:
        part = [sent.tokens[0]] if sent.tokens else []
        for previous, token in zip(sent.tokens, sent.tokens[1:]):
            if "\n" in text[previous.stop : token.start] or len(part) >= LONGEST_SENTENCE:
                out.append(sentence(part))
                part = []
            part.append(token)
        if part:
            out.append(sentence(part))
    return out


def _set_parse(doc: Doc, heads: list[int], labels: list[str], pos: list[str]) -> None:
    from spacy.attrs import DEP, HEAD, POS

    arr = numpy.zeros((len(doc), 3), dtype="uint64")
    for i in range(len(doc)):
        arr[i, 0] = numpy.uint64(numpy.int64(heads[i] - i).astype("uint64"))
        arr[i, 1] = doc.vocab.strings.add(labels[i])
        arr[i, 2] = doc.vocab.strings.add(pos[i]) if pos[i] else 0
    doc.from_array([HEAD, DEP, POS], arr)  # type: ignore[arg-type]


# A name written with its initials close up: "Б.Обама", "Дж.Коми", "В.М.Шукшин".
_INITIALED = re.compile(
    r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?)+"  # initials: "Б.", "Дж.", "В. М."
    r"[A-ZА-ЯЁ][a-zа-яё]{2,}(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?"  # the surname
)


def _with_initials(doc: Doc, ents: list[Span]) -> list[Span]:
    """natasha's people with their initials: an initial it tagged apart from the surname
    ("Дж" | "." | "Коми") joins it, and a name with initials it missed ("Б.Обама") is
    taken from the title model run before it."""
    ents = sorted(ents, key=lambda e: e.start)
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label_ == ent.label_ == "PERSON"
            and ent.start == last.end + 1
            and doc[last.end].text == "."
            and not doc[last.end - 1].whitespace_
            and not doc[last.end].whitespace_
            and len(doc[last.end - 1].text) <= 2
        ):
            joined[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        joined.append(ent)
    for span in doc.spans.get(TAGGED, []):
        if span.label_ != "PERSON" or not _INITIALED.fullmatch(span.text):
            continue
        parts = [e for e in joined if e.start < span.end and span.start < e.end]
        # natasha's parts of the same name give way to it ("Дж" of "Дж.Коми").
        if all(e.label_ == "PERSON" and span.start <= e.start and e.end <= span.end for e in parts):
            joined = [e for e in joined if e not in parts] + [span]
    return joined


# A man's surname ending in a consonant, inflected: case -> ending ("Рааба", "Раабу",
# "Раабом", "Раабе").
_MASCULINE_ENDINGS = {
    "gent": ("а",),
    "accs": ("а",),
    "datv": ("у",),
    "ablt": ("ом", "ем"),
    "loct": ("е",),
}


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _masculine_surname(text: str, normal: str) -> str:
    """natasha's nominative of a man's name, with the surname the dictionary does not
    know put in the nominative by the case its given name is in: "Доминика Рааба" ->
    "Доминик Рааб", "Олафом Шольцем" -> "Олаф Шольц" (natasha: "Шолец"), "Олафа Шольца"
    (left as it was) -> "Олаф Шольц"."""
    words, bases = text.split(), normal.split()
    if len(words) != 2 or len(bases) != 2:
        return normal
    morph = russian_morphology()
    given = next(
        (p for p in morph.parse(words[0]) if "Name" in p.tag and "masc" in p.tag),
        None,
    )
    surname = words[1]
    if (
        given is None
        or given.tag.case not in _MASCULINE_ENDINGS
        or morph.word_is_known(surname.lower())
        # natasha changed only the ending of the surname ("Байденом" -> "Байден").
        or (bases[1] != surname and surname.startswith(bases[1]))
    ):
        return normal
    first = bases[0]
    if first == words[0] and given.normal_form != first.lower():
        first = given.normal_form.capitalize()
    for ending in _MASCULINE_ENDINGS[given.tag.case]:
        stem = surname[: -len(ending)]
        if surname.endswith(ending) and len(stem) >= 3 and stem[-1].lower() in _CONSONANTS:
            return f"{first} {stem}"
    return normal


# The tagger's cases and pymorphy's names for them.
_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
# The cases whose "-а" ending a consonant stem takes (the genitive, and the accusative of
# a man's name).
_GENITIVE_A = frozenset({"Gen", "Acc"})
# A foreign surname the dictionary does not know, in an oblique case: its ending and its
# nominative's, where the stem ends in a consonant ("Доссе" -> "Досс", "Доссом" ->
# "Досс"; "Гонзалесу" -> "Гонзалес").
_STEM_ENDINGS = {
    "Gen": (("а", ""),),
    "Dat": (("у", ""), ("е", "")),
    "Acc": (("а", ""),),
    "Ins": (("ом", ""), ("ем", "")),
    "Loc": (("е", ""),),
}


def _name_in_nominative(span: Any, normal: str) -> str:
    """A person's name that natasha left as written although its tagger reads its words
    in an oblique case ("Сторонники Обамы", "с Обамой", "о Доссе", "шоу Эндрю Марра"),
    in the nominative, word by word: the dictionary's noun of that case ("Обамы" ->
    "Обама"), else the case's ending taken off a consonant stem ("Доссе" -> "Досс",
    "Марра" -> "Марр"). A word the tagger reads as a nominative, or one no reading
    changes ("Даффи", "Эндрю"), stays as it is."""
    if normal != span.text or not span.tokens:
        return normal
    words = [_nominative(token) or token.text for token in span.tokens]
    if words == [token.text for token in span.tokens]:
        return normal
    # The words joined as the span writes them (a hyphen or a space between).
    out, at = [], span.start
    for token, word in zip(span.tokens, words):
        out.append(span.text[at - span.start : token.start - span.start] + word)
        at = token.stop
    return "".join(out) + span.text[at - span.start :]


def _nominative(token: Any) -> str | None:
    """One word of a name in the nominative, where the tagger reads it in an oblique case
    and a reading changes it (see :func:`_name_in_nominative`)."""
    word = token.text
    case = _CASES.get((token.feats or {}).get("Case", ""))
    if case is None or not _CYRILLIC_NAME.fullmatch(word):
        return None
    tag = next(k for k, v in _CASES.items() if v == case)
    morph = russian_morphology()
    for parse in morph.parse(word):
        if parse.tag.case == case and parse.tag.POS == "NOUN" and "plur" not in parse.tag:
            form = parse.normal_form.capitalize()
            if form.lower() != word.lower():
                return form
            # The dictionary's guess for a word it does not know is an indeclinable noun
            # ("Даффи", "Гёте"); but a name ending in "-а" after a consonant where the
            # tagger reads a genitive is a consonant stem's ("Эндрю Марра" -> "Марр").
            if morph.word_is_known(word.lower()) or tag not in _GENITIVE_A:
                return None
            break
    for ending, nominative in _STEM_ENDINGS[tag]:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1].lower() in _CONSONANTS:
            return stem + nominative
    return None


_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


# A woman's surname in an oblique case, and its nominative ("Жумабековой" ->
# "Жумабекова"): where natasha left the name as it stood (its given name unknown to the
# dictionary, "Айгерим"), the surname keeps its gender.
_FEMININE_OBLIQUE = (
    ("овой", "ова"),
    ("евой", "ева"),
    ("ёвой", "ёва"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("ской", "ская"),
    ("цкой", "цкая"),
)


def _feminine_surname(text: str, normal: str) -> str:
    """A woman's surname natasha left in an oblique case, in the nominative; the other
    words as natasha gave them."""
    if normal != text:
        return normal
    words = text.split()
    if len(words) < 2:
        return normal
    last = words[-1]
    for oblique, nominative in _FEMININE_OBLIQUE:
        if last.endswith(oblique) and len(last) > len(oblique) + 2:
            return " ".join([*words[:-1], last[: -len(oblique)] + nominative])
    return normal


def _may_be_name(word: str) -> bool:
    """A Russian word that may be a name: one the dictionary reads as a name, surname or
    patronymic, or does not know ("Лавров", not "Поддержав")."""
    morph = russian_morphology()
    if not morph.word_is_known(word.lower()):
        return True
    return any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in morph.parse(word))


@Language.component("ents_to_tagged")
def ents_to_tagged(doc: Doc) -> Doc:
    """Move the entities of the model before natasha to ``doc.spans[TAGGED]``: its job
    titles may nest natasha's organizations ("глава МВД"), which ``doc.ents`` cannot."""
    doc.spans[TAGGED] = list(doc.ents)
    doc.ents = []
    return doc


def natasha_pipeline(tagger: str | None = None, *, syntax: bool = False) -> Language:
    """natasha's Russian NER as a spaCy pipeline (no sentence boundaries added); with
    ``tagger``, the path of a spaCy NER pipeline on the same tokenizer whose entities
    (job titles) run first and are kept in ``doc.spans[TAGGED]``; with ``syntax``,
    natasha's dependency parse too (which sets the sentences)."""
    try:
        import natasha  # noqa: F401
    except ImportError as exc:
        raise ModelNotAvailableError(
            "Russian needs the natasha package (pip install natasha)", pipeline=NATASHA
        ) from exc
    nlp = spacy.blank("ru")
    if tagger is not None:
        source = spacy.load(tagger)
        for name in source.pipe_names:
            nlp.add_pipe(name, source=source)
        nlp.add_pipe("ents_to_tagged")
    nlp.add_pipe("natasha_ner")
    if syntax:
        nlp.add_pipe("natasha_syntax")
    nlp.meta["name"] = "natasha_news" if tagger is None else "natasha_news+ru_ner"
    nlp.meta["version"] = "1.6.0"
    return nlp
