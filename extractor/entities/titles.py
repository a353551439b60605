"""Job titles: a title head with its modifiers ("Foreign Minister", "chief
executive"), a portfolio or unit ("of Foreign Affairs", "of the Department of ..."),
bound to an organization or country by "of/at/for" or a name before it; in the
verb-final languages the capitalized words before a capitalized head ("Xarici İşlər
Naziri"). Titles a model tagged (our NER's TITLE label, the title model beside
natasha) win over the rules' where they overlap."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..language import LangData, Words
from ..nlp.natasha import TAGGED, russian_morphology
from .base import TITLE, Mention, TitleMention, ents, function_words, has_head, is_cap, is_word
from .countries import country_code


def tagged_titles(doc: Doc, lang: LangData) -> list[tuple[int, int]]:
    """Job titles tagged by a model: the NER's TITLE label (our own pipelines) or the
    title model run beside natasha (``doc.spans[TAGGED]``); found once per Doc."""
    cached: list[tuple[int, int]] | None = doc.user_data.get("extractor.tagged_titles")
    if cached is None:
        cached = _find_tagged_titles(doc, lang)
        doc.user_data["extractor.tagged_titles"] = cached
    return cached


def _find_tagged_titles(doc: Doc, lang: LangData) -> list[tuple[int, int]]:
    spans = [*ents(doc), *doc.spans.get(TAGGED, [])] if TAGGED in doc.spans else list(ents(doc))
    # A person's name ends a title the model ran into it ("Министр здравоохранения
    # Перу | Зулема Томас") and overrides one it overlaps from the start.
    names = [e for e in ents(doc) if e.label_ == "PERSON"]
    titles: set[tuple[int, int]] = set()
    for span in doc.spans.get(TAGGED, []):
        # The title model ran a title into the name natasha found ("Нейрохирург | Мэри
        # Кобб"): the common nouns before the name are the title.
        if span.label_ == "PERSON":
            inner = [n.start for n in names if span.start < n.start < span.end]
            if inner and _common_words(doc[span.start : inner[0]]):
                titles.add(_whole_words(doc, span.start, inner[0]))
    for span in spans:
        # ("Император Акихито" is a PERSON to natasha: the title keeps its word.)
        if span.label_ != "TITLE" or any(n.start < span.start < n.end for n in names):
            continue
        start = span.start
        end = min([n.start for n in names if span.start < n.start < span.end] or [span.end])
        # Without the marks a model took in at either end ("• Name", "стали».") and
        # an adverb of time opening the sentence ("Dün | Dışişleri Bakanı").
        while start < end and (
            not any(c.isalpha() for c in doc[start].text) or doc[start].lower_ in lang.time_adverbs
        ):
            start += 1
        while end > start and doc[end - 1].text in _TRAILING_MARKS:
            end -= 1
        # The country an institution's acronym belongs to, which the model left out:
        # "глава МИД | России", as "Министр обороны России" is tagged whole.
        if (
            not lang.head_final
            and end < len(doc)
            and end == span.end
            and len(doc[end - 1].text) >= 2
            and doc[end - 1].text.isupper()
            and is_cap(doc[end])
            and _names_country(doc[end].text, lang)
        ):
            end += 1
        # A verb-final language's phrase is what its last word is: "Sağlık Bakanlığı"
        # (ministry) is an institution, whatever the model said.
        if lang.head_final and end > start and doc[end - 1].lower_ in lang.org_heads:
            continue
        if start < end:
            titles.add(_whole_words(doc, start, end))
    return sorted(titles)


_TRAILING_MARKS = frozenset(".,;:!?•·-–—")


def _names_country(word: str, lang: LangData) -> bool:
    """Whether a word is a country's name in some case form ("России")."""
    if country_code(word, lang.code):
        return True
    if lang.code == "ru":
        forms = {p.normal_form for p in russian_morphology().parse(word)[:3]}
        return any(country_code(f[:1].upper() + f[1:], "ru") for f in forms)
    return False


def _common_words(span: Span) -> bool:
    """Russian words that are a noun phrase of common words naming a person by their
    morphology: all dictionary words of four letters or more, with no name, surname,
    patronymic, place or organization among any reading of a word, and an animate noun
    ("Нейрохирург", not "Наследие")."""
    proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
    morph = russian_morphology()
    has_noun = False
    for token in span:
        if not token.is_alpha:
            return False
        # Only dictionary words: pymorphy2 guesses unknown ones ("Синдзи") as nouns.
        if len(token.text) < 4 or not morph.word_is_known(token.lower_):
            return False
        parses = morph.parse(token.text)
        if any(proper & set(p.tag.grammemes) for p in parses):
            return False
        has_noun = has_noun or _animate_noun(token.lower_)
    return has_noun


@lru_cache(maxsize=65536)
def _animate_noun(word: str) -> bool:
    """Whether a Russian word is an animate noun in some reading (a person: "глава",
    "послом"; not "секретариат", "Мэриленда", "наследие")."""
    return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in russian_morphology().parse(word))


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A token range widened to whole hyphenated words ("пресс-секретарь", which the
    tokenizer splits at the hyphen)."""

    def part(token: Token) -> bool:
        return token.is_alpha or token.text in {"-", "‐"}

    while start > 0 and not doc[start - 1].whitespace_ and part(doc[start - 1]):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and part(doc[end]):
        end += 1
    return start, end


def with_ner_titles(
    doc: Doc, cores: list[tuple[int, int, str]], lang: LangData
) -> list[tuple[int, int, str]]:
    """Job titles tagged by the NER. Its span wins over the rules' where they overlap:
    it was learned from whole titles with their portfolio ("Білім және ғылым
    министрі", "министр иностранных дел России"), the rules know head words."""
    ner = tagged_titles(doc, lang)
    if not ner:
        return cores
    kept = [c for c in cores if not any(s < c[1] and c[0] < e for s, e in ner)]
    extra = [(s, e, _title_head(doc, s, e)) for s, e in ner]
    return sorted([*kept, *extra])


def with_country_modifiers(
    doc: Doc, cores: list[tuple[int, int, str]], countries: list[Mention], lang: LangData
) -> list[tuple[int, int, str]]:
    """Where a language's titles take the country that modifies them
    (``title_takes_country``), a country's name right before a title, bare or in the
    genitive, is part of it ("Венесуэла елшісі", "Қазақстанның Президенті", as KazNERD
    tags them)."""
    if not lang.title_takes_country:
        return cores
    ends = {m.end: m for m in countries}
    out: list[tuple[int, int, str]] = []
    for start, end, head in cores:
        country = ends.get(start)
        if country is not None and not doc[start].is_sent_start:
            start = country.start
        out.append((start, end, head))
    return out


def without_name_openers(
    doc: Doc, cores: list[tuple[int, int, str]], lang: LangData
) -> list[tuple[int, int, str]]:
    """Without a tagger, a word that only begins like a title head and opens a person's
    name the NER found is the name ("Мэри Кобб" is no form of "мэр")."""
    if doc.has_annotation("TAG") or lang.head_final or not isinstance(lang.title_heads, Words):
        return cores
    heads = lang.title_heads
    first_of = {e.start for e in ents(doc) if e.label_ == "PERSON" and len(e) >= 2}

    def name_not_title(start: int, end: int) -> bool:
        word = doc[start].lower_
        stem = heads.stem_of(word)
        return end - start == 1 and start in first_of and bool(stem) and word != stem

    return [c for c in cores if not name_not_title(c[0], c[1])]


def _title_head(doc: Doc, start: int, end: int) -> str:
    """The head word of a tagged title: the last word in head-final languages
    ("Білім және ғылым министрі"), else the first noun-like word that is no modifier
    ("генеральный директор Газпрома" -> "директор")."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words:
        return doc[end - 1].lower_
    if doc.lang_ in {"ru", "uk", "bg"}:
        nouns = [t for t in words if not t.lower_.endswith(_RU_ADJ_ENDINGS)]
        return (nouns or words)[0].lower_
    return words[-1].lower_


# Russian adjective endings, for telling a title's modifiers from its head noun.
_RU_ADJ_ENDINGS = ("ый", "ий", "ой", "ого", "его", "ая", "яя", "ые", "ие", "ых", "их", "ым", "им")


def _is_title_head(token: Token, lang: LangData) -> bool:
    # An institution's word is no title, though its stem may begin like one
    # (Turkish "bakanlık", ministry, and "bakan", minister).
    if token.lower_ not in lang.title_heads or token.lower_ in lang.org_heads:
        return False
    if not token.pos_:
        stem = (
            lang.title_heads.stem_of(token.lower_) if isinstance(lang.title_heads, Words) else None
        )
        # A plural names a group ("nazirlər"); a derived word is no title
        # ("Президенттік", presidential).
        rest = token.lower_[len(stem) :] if stem is not None else ""
        if rest and rest.startswith((*lang.plural_suffixes, *lang.derivational_suffixes)):
            return False
        if lang.animate_titles and not _animate_noun(token.lower_):
            return False
        return is_word(token)  # ("Başbakan'ın", the prime minister's)
    # A plural ("officials") names a group, not a title; an adjective ("executive order")
    # is no head.
    return token.pos_ in {"NOUN", "PROPN"} and token.tag_ not in {"NNS", "NNPS"}


def title_cores(doc: Doc, lang: LangData, names: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, head) of each title's modifiers + head + post-modifiers. In the
    verb-final languages a capitalized head takes the capitalized words before it as its
    portfolio ("Xarici İşlər Naziri"), up to a name (``names``: tokens of countries,
    people and places) or an institution, which the title is then bound to."""
    cores: list[tuple[int, int, str]] = []
    i, n = 0, len(doc)
    # Words the NER took as an organization's, before its last word.
    org_ents = [e for e in ents(doc) if e.label_ == "ORG"]
    in_org = {k for e in org_ents for k in range(e.start, e.end - 1)}
    person_tokens = {k for e in ents(doc) if e.label_ == "PERSON" for k in range(e.start, e.end)}
    while i < n:
        if not _is_title_head(doc[i], lang) or (
            # In a verb-final language the last noun is the head: a title word before an
            # institution's word names the institution ("Prezident Administrasiyası",
            # "Президент телерадиокешенінің" tagged as one organization).
            lang.head_final
            and i + 1 < n
            and (doc[i + 1].lower_ in lang.org_heads or i in in_org)
            and not doc[i + 1].is_sent_start
        ):
            i += 1
            continue
        head = i
        # A following head word takes over: "chief executive", "Deputy Director".
        while (
            head + 1 < n and _is_title_head(doc[head + 1], lang) and not doc[head + 1].is_sent_start
        ):
            head += 1
        start = i
        while (
            start > 0
            and not doc[start].is_sent_start
            and doc[start - 1].lower_ in lang.title_modifiers | lang.title_heads
            and doc[start - 1].lower_ not in lang.org_heads
            and doc[start - 1].pos_ != "PUNCT"
        ):
            start -= 1
        if lang.head_final and doc[head].is_title:
            while (
                start > 0
                and not doc[start].is_sent_start
                and doc[start - 1].is_title
                and doc[start - 1].is_alpha
                and start - 1 not in names
                and doc[start - 1].lower_ not in function_words(lang)
                # An adverb of time opening the sentence: "Dünən | Prezident".
                and doc[start - 1].lower_ not in lang.time_adverbs
                # A word right after a person's name ends the name: "William Lyon
                # Mackenzie | Kralın", where the model stopped at "Lyon".
                and (start < 2 or start - 2 not in person_tokens)
                and doc[start - 1].lower_ not in lang.org_heads
                and doc[start - 1].lower_ not in lang.title_heads
            ):
                start -= 1
        # The run stops where it would cut an organization the NER tagged: "F. Bahçe |
        # Teknik Direktörü" (the club's coach).
        start = next((e.end for e in org_ents if e.start < start < e.end <= head), start)
        end = head + 1
        while (
            end < n and doc[end].lower_ in lang.title_postmodifiers and not doc[end].is_sent_start
        ):
            end += 1
        cores.append((*_whole_words(doc, start, end), doc[head].lower_))
        i = end
    return cores


def attach_titles(
    doc: Doc,
    cores: list[tuple[int, int, str]],
    chunks: list[tuple[int, int]],
    orgs: list[Mention],
    country_at: dict[int, Mention],
    lang: LangData,
) -> list[TitleMention]:
    chunk_at = {s: (s, e) for s, e in chunks}
    org_at = {o.start: o for o in orgs}
    # A tagged title stays one with the country before it that modifies it
    # (:func:`with_country_modifiers`).
    tagged = set(tagged_titles(doc, lang))
    tagged |= {
        (c[0], c[1])
        for c in cores
        if any(e == c[1] and all(k in country_at for k in range(c[0], s)) for s, e in tagged)
    }
    titles: list[TitleMention] = []
    for core_start, core_end, head in cores:
        end = core_end
        org: Mention | None = None
        country: Mention | None = None
        unit: Mention | None = None
        # After the title: "of/at/for [the] X", repeatable ("Director of the
        # Department of ... at the Agency of ...").
        k = core_end
        while k < len(doc) and doc[k].lower_ in lang.title_org_preps and not doc[k].is_sent_start:
            prep = doc[k].lower_
            j = k + 1
            if j < len(doc) and doc[j].lower_ in lang.determiners:
                j += 1
            if j >= len(doc) or doc[j].is_sent_start:
                break
            if j in country_at and country_at[j].start == j and country is None and org is None:
                country = country_at[j]
                break
            if j in org_at:
                target = org_at[j]
                if has_head(doc, target.start, target.end, lang.org_unit_heads) and org is None:
                    end = target.end  # the unit belongs to the title
                    k = target.end
                    unit = unit or target
                    continue
                org = target
                break
            if j in chunk_at and prep in {"of", "for"} and org is None:
                end = chunk_at[j][1]  # a portfolio: "Minister of Foreign Affairs"
                k = end
                continue
            break
        # Before the title: "Apple chief executive", "Azerbaijan's Foreign Minister".
        before = core_start - 1
        if before >= 0 and doc[before].tag_ == "POS":
            before -= 1
        if before >= 0 and org is None and country is None:
            prior_org = next((o for o in orgs if o.end == before + 1), None)
            if prior_org is not None:
                org = prior_org
            elif before in country_at and country_at[before].end == before + 1:
                country = country_at[before]
        # Inside a tagged title: "Судья Европейского суда", "президент США".
        # ("Almanya Başbakanı").
        if (
            org is None
            and country is None
            and ((core_start, core_end) in tagged or lang.title_takes_country)
        ):

            def within(m: Mention, s: int = core_start, e: int = end) -> bool:
                return s <= m.start and m.end <= e and (m.start, m.end) != (s, e)

            org = next((o for o in orgs if within(o)), None)
            inside = [c for c in country_at.values() if within(c)]
            country = inside[0] if inside and org is None else None
        # Where titles take their modifiers, the institution right before is part of
        # the title ("Ақ үй басшысы", "Алатау ауданы әкімінің орынбасары", as KazNERD
        # tags them), and stays the title's organization.
        start = core_start
        if lang.title_takes_country and org is not None and org.end == core_start:
            start = org.start
        mention = Mention(TITLE, start, end)
        titles.append(
            TitleMention(
                mention,
                core_start,
                core_end,
                head,
                org,
                country,
                (core_start, core_end) in tagged,
                unit if org is not None else None,
            )
        )
    return titles
