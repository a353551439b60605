"""Entity mentions in one spaCy Doc: people, organizations, countries and job titles.

The statistical NER proposes people and organizations; rules built on language data
fix what it gets wrong in news text:
- countries come from CLDR/ISO names (a country is never a PERSON or an ORG);
- a run of capitalized words joined by name connectors ("Media Development Agency of
  Azerbaijan") is an organization when it contains an organization head word;
- a job title is a title head with its modifiers ("Foreign Minister", "chief
  executive"), plus a portfolio or unit ("of Foreign Affairs", "of the Department of
  ..."), bound to an organization or country by "of/at/for" or a preceding name;
- a capitalized name next to a title ("X, Director of ...", "Foreign Minister X") is a
  PERSON whatever the NER said, and a person's surname alone refers to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..language import LangData, Words, get_lang
from ..nlp.pipelines import TAGGED, follows_initial, russian_morphology
from .countries import country_code, country_display_name, country_names, uninflected

PERSON = "PERSON"
ORGANIZATION = "ORGANIZATION"
COUNTRY = "COUNTRY"
TITLE = "TITLE"

# Lower-case parts of European and Arabic names ("Ursula von der Leyen", "Daphne du
# Maurier", "Sharon den Adel", "Filarmonica della Scala"), in Latin and Cyrillic.
_NAME_PARTICLES = frozenset(
    """van von de der den des du da das do dos di del della dei la le ter ten zu
    bin al ibn el ван фон де дер ди дель ибн бин аль эль""".split()
)
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})


@dataclass(frozen=True)
class Mention:
    """A mention as a token range ``[start, end)`` of one Doc."""

    label: str
    start: int
    end: int
    code: str | None = None  # ISO 3166-1 alpha-2, countries only
    name: str | None = None  # display name when it differs from the text


@dataclass(frozen=True)
class TitleMention:
    """A job title, the organization/country it is bound to, and its core words."""

    mention: Mention
    core_start: int
    core_end: int
    head: str  # lower-cased head word ("director")
    org: Mention | None = None
    country: Mention | None = None
    tagged: bool = False  # tagged by a statistical model, not found by the rules
    unit: Mention | None = None  # a unit of ``org`` named in the title ("Department of X")


@dataclass
class DocMentions:
    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)

    def all(self) -> list[Mention]:
        found = [*self.persons, *self.orgs, *self.countries, *(t.mention for t in self.titles)]
        return sorted(set(found), key=lambda m: (m.start, -m.end, m.label))

    def at(self, token_i: int, label: str | None = None) -> Mention | None:
        """The widest mention covering token ``token_i`` (optionally of one label)."""
        pool = {
            "PERSON": self.persons,
            "ORGANIZATION": self.orgs,
            "COUNTRY": self.countries,
        }.get(label or "")
        candidates = pool if pool is not None else self.all()
        hits = sorted(
            {m for m in candidates if m.start <= token_i < m.end and label in (None, m.label)},
            key=lambda m: (m.start, -m.end, m.label),
        )
        return max(hits, key=lambda m: m.end - m.start) if hits else None


def _ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy rebuilds the tuple on every access)."""
    cached: tuple[Span, ...] | None = doc.user_data.get("extractor.ents")
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data["extractor.ents"] = cached
    return cached


@cache
def _country_matcher(nlp: Language, language: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for name, code in country_names(language).items():
        matcher.add(code, [nlp.make_doc(name)])
    return matcher


def find_mentions(doc: Doc, nlp: Language, lang: LangData) -> DocMentions:
    """All PERSON, ORGANIZATION, COUNTRY and TITLE mentions of ``doc``."""
    found = DocMentions()
    found.countries = _countries(doc, nlp, lang)
    country_at = {i: m for m in found.countries for i in range(m.start, m.end)}
    boilerplate = _boilerplate(doc)
    names = {
        i
        for ent in _ents(doc)
        if ent.label_ in {"PERSON", "GPE"}
        for i in range(ent.start, ent.end)
    }
    cores = [c for c in _title_cores(doc, lang, set(country_at) | names) if c[0] not in boilerplate]
    # Without a tagger, a word that only begins like a title head and opens a person's
    # name the NER found is the name ("Мэри Кобб" is no form of "мэр").
    if (
        not doc.has_annotation("TAG")
        and not lang.head_final
        and isinstance(lang.title_heads, Words)
    ):
        heads = lang.title_heads
        first_of = {e.start for e in _ents(doc) if e.label_ == "PERSON" and len(e) >= 2}

        def name_not_title(start: int, end: int) -> bool:
            word = doc[start].lower_
            stem = heads.stem_of(word)
            return end - start == 1 and start in first_of and bool(stem) and word != stem

        cores = [c for c in cores if not name_not_title(c[0], c[1])]
    cores = _with_ner_titles(doc, cores, lang)
    core_tokens = {i for s, e, _ in cores for i in range(s, e)}
    # A tagged title may hold an organization ("глава МВД", "Судья ЕСПЧ"): the NER's
    # organizations may start inside one, after its first word.
    inner = {i for s, e in _tagged_titles(doc, lang) for i in range(s + 1, e)}
    chunks = _name_chunks(doc, lang, core_tokens | boilerplate)
    found.orgs = _org_chunks(doc, chunks, lang, country_at)
    if lang.head_final or not doc.has_annotation("TAG"):
        # NER-only pipelines (ours, natasha) learned these languages' institution names,
        # often capitalized on the first word only ("Агентство развития медиа");
        # capitalized runs only add what they did not tag.
        # The NER decides where it tagged the run's head word; an entity with an
        # institution's head word is one whatever label the NER gave it ("Prezident
        # Administrasiyasının" tagged PERSON), and a country it tagged at the start of
        # a run ("Azərbaycan | Mədəniyyət Nazirliyinin") leaves the run an institution.
        tagged = {
            i
            for ent in _ents(doc)
            if ent.label_ == "ORG" or not _has_head(doc, ent.start, ent.end, lang.org_heads)
            for i in range(ent.start, ent.end)
        }
        found.orgs = [
            o
            for o in found.orgs
            if not any(
                k in tagged and doc[k].lower_ in lang.org_heads for k in range(o.start, o.end)
            )
            and not any(
                e.label_ == "ORG"
                and o.start <= e.start < o.end
                # In a verb-final language a run ending in its head word keeps what
                # the NER cut off before the head ("Peşəkar İngilis Dilli | Məktəblərin
                # Kanada Assosiasiyası").
                and not (
                    lang.head_final
                    and e.end < o.end
                    and doc[o.end - 1].lower_ in lang.org_heads
                    and not _has_head(doc, e.start, e.end, lang.org_heads)
                )
                for e in _ents(doc)
            )
        ]
    people = {i for e in _ents(doc) if e.label_ == "PERSON" for i in range(e.start, e.end)}
    if lang.head_final:
        # A lone institution word opening a sentence is capitalized by its place, a
        # common noun ("Университетте", at the university), unless the NER tagged it.
        found.orgs = [
            _ends_at_head(doc, _without_opening_case(doc, o, lang), lang, people | set(country_at))
            for o in found.orgs
            if not (
                o.end - o.start == 1 and doc[o.start].is_sent_start and not doc[o.start].is_upper
            )
        ]
    # People are found next to titles attached to rule-found organizations; the NER's
    # organizations come after people, and titles are then attached to all of them.
    found.titles = _attach_titles(doc, cores, chunks, found.orgs, country_at, lang)
    found.persons = _persons(doc, lang, found, chunks, core_tokens | boilerplate, country_at)
    found.persons = _with_speaker_labels(doc, lang, found.persons, country_at)
    found.orgs = _compound_orgs(
        doc, [*found.orgs, *_ner_orgs(doc, lang, found, (core_tokens - inner) | boilerplate)]
    )
    if lang.first_word_names:
        found.orgs = _first_word_orgs(doc, lang, found, core_tokens | boilerplate)
    if lang.head_final:
        found.orgs = [
            _with_quoted_name(doc, _ends_at_head(doc, o, lang, people | set(country_at)), lang)
            for o in found.orgs
        ]
        # A country before an institution's name is part of it: "Azərbaycan Mədəniyyət
        # Nazirliyi", "Қазақстан Республикасының Білім министрлігі".
        # Only a country in the nominative or the genitive ("Fransa'da Lille ... Üniversitesi"
        # is a university in France), before a name that is no acronym ("Azərbaycan BMT").
        country_ends = {
            m.end: m
            for m in found.countries
            if m.name is None or doc[m.end - 1].lower_.endswith(lang.genitive_suffixes or ("\0",))
        }
        found.orgs = [
            replace(o, start=country_ends[o.start].start)
            if o.start in country_ends and not doc[o.start].is_upper
            else o
            for o in found.orgs
        ]
    found.orgs = _with_known_orgs(doc, lang, found)
    if lang.org_country_genitive:
        country_starts = {m.start: m for m in found.countries}
        found.orgs = [
            replace(o, end=country_starts[o.end].end) if o.end in country_starts else o
            for o in found.orgs
        ]
    if lang.name_suffix_apostrophes:
        found.persons = [_without_case_ending(doc, m, lang) for m in found.persons]
        found.orgs = [_without_case_ending(doc, m, lang) for m in found.orgs]
    if lang.genitive_suffixes:
        found.orgs = [_without_genitive(doc, m, lang) for m in found.orgs]
        found.persons = [_without_genitive(doc, m, lang) for m in found.persons]
    normal: dict[tuple[int, int], str] = doc.user_data.get("extractor.normal") or {}
    if normal:
        found.persons = [_nominative(doc, m, normal) for m in found.persons]
        found.orgs = [_org_nominative(doc, m, normal, lang) for m in found.orgs]
    found.orgs = _in_order([*found.orgs, *_acronym_orgs(doc, lang, found)])
    # A quoted name of an institution names no person ("«Azəriqaz» İstehsalat Birliyi").
    quoted = [o for o in found.orgs if doc[o.start].text in _quote_marks(lang)]
    found.persons = [
        p for p in found.persons if not any(o.start < p.start and p.end < o.end for o in quoted)
    ]
    found.titles = _attach_titles(doc, cores, chunks, found.orgs, country_at, lang)
    return found


def _nominative(doc: Doc, mention: Mention, normal: dict[tuple[int, int], str]) -> Mention:
    """The mention named in the nominative where the pipeline gave that form."""
    span = doc[mention.start : mention.end]
    base = normal.get((span.start_char, span.end_char))
    if mention.name is not None or base is None or base == span.text:
        return mention
    return replace(mention, name=base)


def _tagged_titles(doc: Doc, lang: LangData) -> list[tuple[int, int]]:
    """Job titles tagged by a model: the NER's TITLE label (our own pipelines) or the
    title model run beside natasha (``doc.spans[TAGGED]``); found once per Doc."""
    cached: list[tuple[int, int]] | None = doc.user_data.get("extractor.tagged_titles")
    if cached is None:
        cached = _find_tagged_titles(doc, lang)
        doc.user_data["extractor.tagged_titles"] = cached
    return cached


def _find_tagged_titles(doc: Doc, lang: LangData) -> list[tuple[int, int]]:
    spans = [*_ents(doc), *doc.spans.get(TAGGED, [])] if TAGGED in doc.spans else list(_ents(doc))
    # A person's name ends a title the model ran into it ("Министр здравоохранения
    # Перу | Зулема Томас") and overrides one it overlaps from the start.
    names = [e for e in _ents(doc) if e.label_ == "PERSON"]
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
        # A verb-final language's phrase is what its last word is: "Sağlık Bakanlığı"
        # (ministry) is an institution, whatever the model said.
        if lang.head_final and end > start and doc[end - 1].lower_ in lang.org_heads:
            continue
        if start < end:
            titles.add(_whole_words(doc, start, end))
    return sorted(titles)


_TRAILING_MARKS = frozenset(".,;:!?•·-–—")


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


def _org_nominative(
    doc: Doc, mention: Mention, normal: dict[tuple[int, int], str], lang: LangData
) -> Mention:
    """An institution named in the nominative: its head noun and the adjectives before
    it take the nominative, the words after keep their cases ("Агентства развития медиа
    Азербайджана" -> "Агентство развития медиа Азербайджана", not "развитие")."""
    span = doc[mention.start : mention.end]
    base = next(
        (v for (a, _), v in normal.items() if a == span.start_char and v != span.text), None
    )
    words = span.text.split(" ")
    forms = base.split(" ") if base else []
    if mention.name is not None or not forms or len(forms) > len(words):
        return mention
    head = 0
    while head < len(forms) - 1 and words[head].lower().endswith(lang.adjective_endings):
        head += 1
    name = " ".join([*forms[: head + 1], *words[head + 1 :]])
    return replace(mention, name=name) if name != span.text else mention


def _with_ner_titles(
    doc: Doc, cores: list[tuple[int, int, str]], lang: LangData
) -> list[tuple[int, int, str]]:
    """Job titles tagged by the NER. Its span wins over the rules' where they overlap:
    it was learned from whole titles with their portfolio ("Білім және ғылым
    министрі", "министр иностранных дел России"), the rules know head words."""
    ner = _tagged_titles(doc, lang)
    if not ner:
        return cores
    kept = [c for c in cores if not any(s < c[1] and c[0] < e for s, e in ner)]
    extra = [(s, e, _title_head(doc, s, e)) for s, e in ner]
    return sorted([*kept, *extra])


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


def _without_case_ending(doc: Doc, mention: Mention, lang: LangData) -> Mention:
    """The name without the case ending its last word carries after an apostrophe:
    "Erdoğan'ın" is named "Erdoğan"."""
    last = doc[mention.end - 1].text
    cut = min((last.find(a) for a in lang.name_suffix_apostrophes if a in last[1:]), default=-1)
    if cut <= 0 or mention.name is not None:
        return mention
    words = [t.text_with_ws for t in doc[mention.start : mention.end - 1]]
    return replace(mention, name="".join(words) + last[:cut])


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SENTENCE_PUNCT = frozenset(':.?!,;“”‘’"«»')


def _without_genitive(doc: Doc, mention: Mention, lang: LangData) -> Mention:
    """A name without the genitive ending of its last word: an institution's head word
    ("Mərkəzi Bankın sədri" -> "Mərkəzi Bank", "Агентлігінің" -> "Агентлігі"), a person
    before "according to" ("Rasim Bağırovun sözlərinə görə" -> "Rasim Bağırov"); a
    surname without any case ending ("Bayramovla" -> "Bayramov")."""
    last = doc[mention.end - 1]
    word = last.text
    if mention.label == PERSON:
        # A surname with a case ending: "Назарбаевтың" is named "Назарбаев".
        shaped = _SURNAME_WORD.match(word)
        if shaped and shaped.group("ending") and mention.name is None:
            stem = shaped.group("ending").lstrip("'’")
            if stem in (
                *lang.genitive_suffixes,
                *lang.place_case_endings,
                *lang.case_endings,
            ) or stem.startswith(lang.genitive_suffixes):
                words = [t.text_with_ws for t in doc[mention.start : mention.end - 1]]
                return replace(mention, name="".join(words) + shaped.group("base"))
        after = doc[mention.end].lower_ if mention.end < len(doc) else ""
        possessed = after in {cue[0] for cue in lang.source_cues}
    else:
        possessed = last.lower_ in lang.org_heads
    if mention.name is not None or not possessed:
        return mention
    ending = next((e for e in lang.genitive_suffixes if word.lower().endswith(e)), None)
    if ending is None or len(word) - len(ending) < 3:
        return mention
    words = [t.text_with_ws for t in doc[mention.start : mention.end - 1]]
    return replace(mention, name="".join(words) + word[: len(word) - len(ending)])


def _boilerplate(doc: Doc) -> set[int]:
    """Tokens of navigation and tag-list lines: six or more words, most capitalized, no
    finite verb and no sentence punctuation ("Path to Victory Budget package UEFA").
    Without a tagger there is no telling a verb, and a headline naming people
    ("Валерий Гергиев и Даниил Трифонов выступят в Нью-Йорке") would look the same."""
    skip: set[int] = set()
    if not doc.has_annotation("TAG"):
        return skip
    start = 0
    for i in range(len(doc) + 1):
        if i < len(doc) and "\n" not in doc[i].text:
            continue
        words = [t for t in doc[start:i] if t.is_alpha]
        if (
            len(words) >= 6
            and sum(_is_cap(t) for t in words) * 2 >= len(words)
            and not any(t.tag_ in _FINITE for t in words)
            and not any(t.text in _SENTENCE_PUNCT for t in doc[start:i])
        ):
            skip.update(range(start, i))
        start = i + 1
    return skip


# --- countries --------------------------------------------------------------------


def _countries(doc: Doc, nlp: Language, lang: LangData) -> list[Mention]:
    spans: list[Mention] = []
    if lang.head_final:  # names take case endings: matched word by word
        found = _without_named_places(doc, _inflected_countries(doc, lang, spans))
        return _without_given_names(doc, found, lang)
    matches = _country_matcher(nlp, lang.code)(doc)
    # Longest match first, no overlaps: "Republic of Korea" over "Korea".
    for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if any(s.start < end and start < s.end for s in spans):
            continue
        if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            continue  # the end of a hyphenated name: "Нью-Джерси"
        spans.append(Mention(COUNTRY, start, end, code=doc.vocab.strings[match_id]))
    # A pipeline that gives nominative forms (natasha for Russian) names inflected
    # countries: "Азербайджана" -> "Азербайджан".
    normal: dict[tuple[int, int], str] = doc.user_data.get("extractor.normal") or {}
    for ent in _ents(doc):
        # natasha takes "Российской Федерации" for an organization: its nominative
        # form says it is a country.
        if ent.label_ not in {"GPE", "ORG"} or any(
            s.start < ent.end and ent.start < s.end for s in spans
        ):
            continue
        base = normal.get((ent.start_char, ent.end_char), ent.text)
        code = country_code(base, lang.code)
        if code is not None:
            name = base if base != ent.text else None
            spans.append(Mention(COUNTRY, ent.start, ent.end, code=code, name=name))
    if "extractor.normal" in doc.user_data:  # natasha's pipeline: Russian morphology
        spans.extend(_morphology_countries(doc, spans))
    spans.extend(_country_adjectives(doc, lang, spans))
    return sorted(_without_given_names(doc, spans, lang), key=lambda m: m.start)


def _morphology_countries(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Inflected country names the NER left untagged, by the place names of the
    Russian dictionary ("Слава Украине!" -> Украина); none inside another entity
    ("Нью-Джерси", "Единая Россия")."""
    morph = russian_morphology()
    covered = {i for m in found for i in range(m.start, m.end)}
    covered |= {i for e in _ents(doc) for i in range(e.start, e.end)}
    spans = []
    for token in doc:
        if token.i in covered or not token.is_alpha or not token.text[:1].isupper():
            continue
        if token.i > 0 and doc[token.i - 1].text == "-":
            continue  # the end of a hyphenated name
        if (
            0 < token.i < len(doc) - 1
            and doc[token.i - 1].text in '«"„“'
            and doc[token.i + 1].text in '»"“”'
        ):
            continue  # a quoted name is a ship's, a paper's or a team's ("«Колумбии»")
        for parse in morph.parse(token.text):
            if "Geox" not in parse.tag:
                continue
            base = parse.normal_form.capitalize()
            code = country_code(base, "ru")
            if code is not None:
                spans.append(Mention(COUNTRY, token.i, token.i + 1, code=code, name=base))
                break
    return spans


def _without_given_names(doc: Doc, countries: list[Mention], lang: LangData) -> list[Mention]:
    """A country's name opening a person's name the NER tagged is a given name: "Jordan
    Henderson", "Chad Smith"; not so before a title ("Azerbaijan President ...")."""
    firsts = {e.start: e for e in _ents(doc) if e.label_ == "PERSON" and len(e) >= 2}
    return [
        m
        for m in countries
        if not (
            m.start in firsts
            and m.end < firsts[m.start].end
            and _is_cap(doc[m.end])
            and doc[m.end].lower_ not in lang.title_heads
            and doc[m.end].lower_ not in lang.org_heads
            and m.name is None
        )
    ]


def _without_named_places(doc: Doc, countries: list[Mention]) -> list[Mention]:
    """A country inside a place the NER tagged that ends in a common noun is part of the
    place's name: "Солтүстік Қазақстан облысы" (North Kazakhstan Region) is no mention
    of Kazakhstan; "Қытай Халық Республикасы" (all capitalized) still is China."""
    places = [
        e
        for e in _ents(doc)
        if e.label_ in {"GPE", "LOC"} and len(e) >= 2 and doc[e.end - 1].text[:1].islower()
    ]
    return [m for m in countries if not any(e.start <= m.start and m.end < e.end for e in places)]


def _country_adjectives(doc: Doc, lang: LangData, found: list[Mention]) -> list[Mention]:
    """Adjectives naming a country ("российских", "Американская"), named by the
    country's own name."""
    if not lang.country_adjectives:
        return []
    taken = {i for m in found for i in range(m.start, m.end)}
    endings = frozenset(lang.adjective_endings)
    spans = []
    for token in doc:
        word = token.lower_
        # A capitalized adjective inside a sentence is part of a name ("Колумбийском
        # университете", "Советского района").
        if token.i in taken or not token.is_alpha or (_is_cap(token) and not token.is_sent_start):
            continue
        for size in (2, 3):
            code = lang.country_adjectives.get(word[:-size])
            if code is not None and word[-size:] in endings:
                name = country_display_name(code, lang.code)
                spans.append(Mention(COUNTRY, token.i, token.i + 1, code=code, name=name))
                break
    return spans


def _inflected_countries(doc: Doc, lang: LangData, found: list[Mention]) -> list[Mention]:
    """Country names with a case ending on their last word ("Türkiye'nin",
    "Azərbaycan Respublikasının"), longest first."""
    taken = {i for m in found for i in range(m.start, m.end)}
    spans: list[Mention] = []
    for start in range(len(doc)):
        if start in taken or not _is_cap(doc[start]):
            continue
        for size in (3, 2, 1):
            end = start + size
            if end > len(doc) or any(k in taken for k in range(start, end)):
                continue
            if any(doc[k].is_sent_start for k in range(start + 1, end)):
                continue
            text = doc[start:end].text
            code = country_code(text, lang.code)
            if code is not None:
                base = uninflected(text, lang.code) if country_code(text) is None else None
                spans.append(Mention(COUNTRY, start, end, code=code, name=base))
                taken.update(range(start, end))
                break
    return spans


# --- capitalized name chunks ------------------------------------------------------


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and not token.is_punct and token.lower_ != "i"


def _name_chunks(doc: Doc, lang: LangData, breakers: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalized words, joined by connectors, within one sentence."""
    chunks: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if i in breakers or not _is_cap(token) or token.lower_ in lang.determiners:
            i += 1
            continue
        start, end = i, i + 1
        while end < n and end not in breakers and not doc[end].is_sent_start:
            # Where a case ending is always set off by an apostrophe, it ends the name:
            # "Paris'teki | Louvre Müzesi".
            if lang.suffix_apostrophe_required and _apostrophe_suffix(doc[end - 1], lang):
                break
            nxt = doc[end]
            if _is_cap(nxt):
                end += 1
                continue
            # Connectors ("of", "of the", "and") join two capitalized parts.
            j = end
            while j < n and j - end < 2 and doc[j].lower_ in lang.name_connectors:
                j += 1
            if (
                j > end
                and j < n
                and j not in breakers
                and not doc[j].is_sent_start
                and _is_cap(doc[j])
                and doc[end].lower_ != "the"
            ):
                end = j + 1
                continue
            break
        chunks.append((start, end))
        i = end
    return chunks


def _first_word_orgs(
    doc: Doc, lang: LangData, found: DocMentions, breakers: set[int]
) -> list[Mention]:
    """The organizations with those named by a capitalized first word, up to three
    lower-case words and a lower-case institution head ("Sog'liqni saqlash vazirligi",
    "Министрлер кабинетинин"), which no other mention covers."""
    taken = {
        i for m in [*found.orgs, *found.persons, *found.countries] for i in range(m.start, m.end)
    } | breakers
    extra: list[Mention] = []
    for head in doc:
        h = head.i
        if h in taken or not head.text[:1].islower() or head.lower_ not in lang.org_heads:
            continue
        k = h - 1
        while (
            k >= max(0, h - 3)
            and doc[k].text[:1].islower()
            and doc[k].is_alpha
            and k not in taken
            and doc[k].lower_ not in _function_words(lang)
            and not doc[k + 1].is_sent_start
        ):
            k -= 1
        # A word in a place case ("Toshkentda", "shahrida") is where, not a name's.
        if (
            k >= 0
            and k < h
            and k not in taken
            and not doc[k + 1].is_sent_start
            and _is_cap(doc[k])
            and doc[k].lower_ not in _function_words(lang)
            and doc[k].lower_ not in lang.time_adverbs
            and not any(_place_case(doc[j].lower_, lang) for j in range(k, h))
            and not any(e.label_ in {"GPE", "LOC"} and e.start <= k < e.end for e in _ents(doc))
        ):
            extra.append(Mention(ORGANIZATION, k, h + 1))
            taken.update(range(k, h + 1))
    return _in_order([*found.orgs, *extra])


def _acronym_orgs(doc: Doc, lang: LangData, found: DocMentions) -> list[Mention]:
    """Acronyms that name organizations by where they stand: opening a verb-final title
    ("TBMM Başkanı", "AMEA prezidenti"), or before an organization's name in brackets
    ("CAPLS (Peşəkar İngilis Dilli Məktəblərin Kanada Assosiasiyası)")."""
    taken = {i for m in [*found.orgs, *found.countries] for i in range(m.start, m.end)}
    extra: list[Mention] = []
    if lang.head_final:
        extra = [
            Mention(ORGANIZATION, s, s + 1)
            for s, e in _tagged_titles(doc, lang)
            if e - s >= 2 and _acronym(doc[s]) and s not in taken
        ]
    taken |= {i for m in [*extra, *found.persons] for i in range(m.start, m.end)}
    for o in [*found.orgs, *extra]:
        k = o.start - 2
        if (
            k >= 0
            and doc[k + 1].text == "("
            and o.end < len(doc)
            and doc[o.end].text == ")"
            and _acronym(doc[k])
            and k not in taken
        ):
            extra.append(Mention(ORGANIZATION, k, k + 1))
    return extra


def _in_order(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in text order, the longer first where two begin together."""
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _acronym(token: Token) -> bool:
    """An upper-case word of two to six letters ("TBMM", "AMEA", "ЕҚЫҰ")."""
    return 2 <= len(token.text) <= 6 and token.text.isalpha() and token.text.isupper()


def _apostrophe_suffix(token: Token, lang: LangData) -> bool:
    """Whether ``token`` is a name with a case ending after an apostrophe ("Paris'teki")."""
    text = token.text
    return any(0 < text.find(a) < len(text) - 1 for a in lang.name_suffix_apostrophes)


def _has_head(doc: Doc, start: int, end: int, heads: frozenset[str]) -> bool:
    # Without a tagger (our own NER-only pipelines) every word may be a head.
    return any(
        doc[k].lower_ in heads and (not doc[k].pos_ or doc[k].pos_ in _NAME_POS)
        for k in range(start, end)
    )


def _org_chunks(
    doc: Doc, chunks: list[tuple[int, int]], lang: LangData, country_at: dict[int, Mention]
) -> list[Mention]:
    orgs: list[Mention] = []
    for start, end in chunks:
        for s, e in _split_coordination(doc, start, end, lang, country_at):
            while s < e and doc[s].lower_ in lang.determiners:
                s += 1
            if not _has_head(doc, s, e, lang.org_heads):
                continue
            whole_country = country_at.get(s)
            if whole_country and whole_country.start == s and whole_country.end == e:
                continue
            orgs.append(Mention(ORGANIZATION, s, e))
    return orgs


def _without_opening_case(doc: Doc, org: Mention, lang: LangData) -> Mention:
    """A sentence's first word in a place case or the accusative, capitalized by its
    place, is no part of the name after it: "Tədbirdə | Peşəkar Jurnalistlərin ...
    Assosiasiyası" (at the event), "Müqaviləni | Beynəlxalq Neft ... Assosiasiyası"."""
    first = doc[org.start]
    word = first.lower_
    accusative = [e for e in lang.case_endings if len(e) >= 2 and e[0] in "nн"]
    if (
        org.end - org.start >= 3
        and first.is_sent_start
        and word not in lang.org_heads
        and (
            _place_case(word, lang)
            or any(word.endswith(e) and len(word) >= len(e) + 3 for e in accusative)
        )
    ):
        return replace(org, start=org.start + 1)
    return org


def _ends_at_head(doc: Doc, org: Mention, lang: LangData, names: set[int]) -> Mention:
    """A verb-final language's institution name ends with its head word: a person, a
    country or a quotation after it is none of it ("Парламент Мәжілісіне | Нұрсұлтан
    Назарбаев", "Үкіметімізде | Қазақстан Республикасының", "İnstitutunda | "Funksiyalar
    nəzəriyyəsi" şöbəsi")."""
    heads = [k for k in range(org.start, org.end) if doc[k].lower_ in lang.org_heads]
    if heads and any(
        k in names or doc[k].text in _quote_marks(lang) for k in range(heads[-1] + 1, org.end)
    ):
        org = replace(org, end=heads[-1] + 1)
    return org


def _with_quoted_name(doc: Doc, org: Mention, lang: LangData) -> Mention:
    """A quoted name before an institution's head words is the institution's own name,
    part of it: "«İnflot» Dəniz Agentliyi", ""Türk Telekom" Genel Müdürlüğü"."""
    marks = _quote_marks(lang)
    k = org.start - 1
    if k < 1 or doc[k].text not in marks:
        return org
    for opening in range(k - 1, max(-1, k - 6), -1):
        if doc[opening].text in marks:
            inside = doc[opening + 1 : k]
            if len(inside) and _is_cap(inside[0]) and not any(t.is_punct for t in inside):
                return replace(org, start=opening)
            return org
    return org


def _quote_marks(lang: LangData) -> frozenset[str]:
    return _quote_marks_of(lang.code)


@cache
def _quote_marks_of(code: str) -> frozenset[str]:
    pairs = get_lang(code).quote_pairs
    return frozenset([*pairs, *(c for closers in pairs.values() for c in closers)])


def _split_coordination(
    doc: Doc, start: int, end: int, lang: LangData, country_at: dict[int, Mention]
) -> Iterable[tuple[int, int]]:
    """Split "Türkiye and the Ministry of X" or "Ministry of A and Ministry of B" at "and"."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ not in {"and", "&"}:
            continue
        left_country = country_at.get(start)
        left_is_country = left_country is not None and left_country.end == k
        both_orgs = _has_head(doc, start, k, lang.org_heads) and doc[k + 1].lower_ in lang.org_heads
        if left_is_country or both_orgs:
            yield start, k
            yield from _split_coordination(doc, k + 1, end, lang, country_at)
            return
    yield start, end


# --- titles -----------------------------------------------------------------------


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
        return token.is_alpha
    # A plural ("officials") names a group, not a title; an adjective ("executive order")
    # is no head.
    return token.pos_ in {"NOUN", "PROPN"} and token.tag_ not in {"NNS", "NNPS"}


def _function_words(lang: LangData) -> frozenset[str]:
    """Words that are never part of a name or a title, capitalized or not."""
    return _function_words_of(lang.code)


@cache
def _function_words_of(code: str) -> frozenset[str]:
    lang = get_lang(code)
    return frozenset([*lang.determiners, *lang.conjunctions, *lang.person_pronouns, *lang.pronouns])


def _title_cores(doc: Doc, lang: LangData, names: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, head) of each title's modifiers + head + post-modifiers. In the
    verb-final languages a capitalized head takes the capitalized words before it as its
    portfolio ("Xarici İşlər Naziri"), up to a name (``names``: tokens of countries,
    people and places) or an institution, which the title is then bound to."""
    cores: list[tuple[int, int, str]] = []
    i, n = 0, len(doc)
    # Words the NER took as an organization's, before its last word.
    in_org = {k for e in _ents(doc) if e.label_ == "ORG" for k in range(e.start, e.end - 1)}
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
                and doc[start - 1].lower_ not in _function_words(lang)
                and doc[start - 1].lower_ not in lang.org_heads
                and doc[start - 1].lower_ not in lang.title_heads
            ):
                start -= 1
        end = head + 1
        while (
            end < n and doc[end].lower_ in lang.title_postmodifiers and not doc[end].is_sent_start
        ):
            end += 1
        cores.append((*_whole_words(doc, start, end), doc[head].lower_))
        i = end
    return cores


def _attach_titles(
    doc: Doc,
    cores: list[tuple[int, int, str]],
    chunks: list[tuple[int, int]],
    orgs: list[Mention],
    country_at: dict[int, Mention],
    lang: LangData,
) -> list[TitleMention]:
    chunk_at = {s: (s, e) for s, e in chunks}
    org_at = {o.start: o for o in orgs}
    tagged = set(_tagged_titles(doc, lang))
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
                if _has_head(doc, target.start, target.end, lang.org_unit_heads) and org is None:
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
        if org is None and country is None and (core_start, core_end) in tagged:

            def within(m: Mention, s: int = core_start, e: int = end) -> bool:
                return s <= m.start and m.end <= e and (m.start, m.end) != (s, e)

            org = next((o for o in orgs if within(o)), None)
            inside = [c for c in country_at.values() if within(c)]
            country = inside[0] if inside and org is None else None
        mention = Mention(TITLE, core_start, end)
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


# --- people -----------------------------------------------------------------------


def _clean_person(
    doc: Doc, start: int, end: int, lang: LangData, core_tokens: set[int]
) -> tuple[int, int]:
    """Trim honorifics, titles, punctuation and non-name words from a PERSON span."""
    while start < end and (
        doc[start].lower_ in lang.honorifics
        or doc[start].lower_ in _function_words(lang)
        or doc[start].lower_ in lang.time_adverbs
        or start in core_tokens
        or doc[start].is_punct
        or doc[start].is_space
    ):
        start += 1
    for k in range(start, end):
        token = doc[k]
        lower_word = (
            token.text[:1].islower()
            and token.lower_ not in _NAME_PARTICLES
            and token.lower_ not in lang.name_suffixes
        )
        if (
            lower_word
            or any(ch.isdigit() for ch in token.text)
            or token.tag_ == "POS"
            or (token.is_punct and token.text not in {".", "-"})
        ):
            end = k
            break
    while end > start and _trailing(doc[end - 1]):
        end -= 1
    # A place after a full name: "Мұрат Нұртілеу | Парижге".
    if (
        end - start >= 3
        and _place_case(doc[end - 1].lower_, lang)
        and not any(_place_case(doc[k].lower_, lang) for k in range(start, end - 1))
    ):
        end -= 1
    # A patronymic ends the full name: "Bayramov Akif Bayram oğlu"; not after a case
    # ending ("Brunel'ın oğlu" is Brunel's son).
    inflected = end > start and any(a in doc[end - 1].text for a in lang.name_suffix_apostrophes)
    while start < end < len(doc) and doc[end].lower_ in lang.name_suffixes and not inflected:
        end += 1
    # A name never ends in a particle: "Ursula von der" + "Leyen".
    while start < end < len(doc) and doc[end - 1].lower_ in _NAME_PARTICLES and _is_cap(doc[end]):
        end += 1
    return start, end


def _trailing(token: Token) -> bool:
    """Punctuation, space or a possessive ending, which no name span ends with."""
    return token.is_punct or token.is_space or token.tag_ == "POS"


def _place_case(word: str, lang: LangData) -> bool:
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in lang.place_case_endings)


def _persons(
    doc: Doc,
    lang: LangData,
    found: DocMentions,
    chunks: list[tuple[int, int]],
    core_tokens: set[int],
    country_at: dict[int, Mention],
) -> list[Mention]:
    taken = {i for m in found.orgs for i in range(m.start, m.end)} | set(country_at)
    persons: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int) -> None:
        if end <= start or any(k in taken or k in core_tokens for k in range(start, end)):
            return
        if _has_head(doc, start, end, lang.org_heads) or country_code(
            doc[start:end].text, lang.code
        ):
            return
        if not any(doc[k].text[:1].isalpha() and _is_cap(doc[k]) for k in range(start, end)):
            return
        persons[(start, end)] = Mention(PERSON, start, end)

    for ent in _ents(doc):
        if ent.label_ == "PERSON" or (
            ent.label_ == "ORG" and not lang.head_final and _surname_shaped(ent, lang)
        ):
            start, end = _clean_person(doc, ent.start, ent.end, lang, core_tokens)
            # A title the model ran the name into: "William Lyon Mackenzie | Kralın".
            end = next((k for k in range(start + 1, end) if k in core_tokens), end)
            # A country the model ran the name into: "Мұрат Нұртілеу | Түркиямен".
            while end - start > 2 and end - 1 in country_at:
                end -= 1
            add(start, end)
    # A name beside a title is a person's, whatever the NER said.
    chunk_at_end = {e: (s, e) for s, e in chunks}
    chunk_at_start = {s: (s, e) for s, e in chunks}
    for title in found.titles:
        # "X, [the] Director ..." (appositive)
        k = title.core_start - 1
        while k >= 0 and doc[k].lower_ in lang.determiners:
            k -= 1
        if k >= 1 and doc[k].text == "," and k in chunk_at_end:
            _name_like(doc, *chunk_at_end[k], add)
        # "Foreign Minister X" (pre-nominal); the NER's own person span wins where
        # it has one ("naziri Ceyhun Bayramov Bakıda": Bakıda is a city).
        if title.mention.end in chunk_at_start and title.mention.end == title.core_end:
            s, e = chunk_at_start[title.core_end]
            # The name ends where a country begins ("Садыр Жапаров | Өзбекстандын").
            e = next((k for k in range(s + 1, e) if k in country_at), e)
            # Labels that keep the words a place or an institution: natasha's
            # organizations are trusted ("Представители Гринпис"); the small English
            # model often takes a name for one.
            if lang.head_final:
                decided = {"PERSON", "ORG", "LOC"}
            else:
                decided = {"PERSON", "ORG"} if lang.code == "ru" else {"PERSON"}
            if not any(
                # A place word after a title stays a place, unless the words after the
                # title are a full name the NER took for one ("Садыр Жапаров"); in a
                # verb-final language an institution comes before the title, so a full
                # name after it with no institution's word is the holder's ("baş naziri
                # Rişi Sunak", tagged ORG).
                (
                    (x.label_ in decided and not (lang.head_final and _name_shaped_org(x, lang)))
                    or (x.label_ == "GPE" and (e - s < 2 or country_code(x.text, lang.code)))
                )
                and x.start < e
                and s < x.end
                and x.start >= title.core_end
                for x in _ents(doc)
            ):
                _name_like(doc, s, e, add)
    if lang.head_final:
        _turkic_names(doc, lang, chunks, add)
        _surnames(doc, lang, add)
        # A surname the NER tagged alone takes the given name before it ("Mamarizo |
        # Nurmuratov").
        tagged = {i for e in _ents(doc) if e.label_ != "PERSON" for i in range(e.start, e.end)}
        for s, e in list(persons):
            if (
                e - s == 1
                and _SURNAME_WORD.match(doc[s].text)
                and _given_name_before(doc, s, lang, tagged | taken | core_tokens)
            ):
                shorter = persons.pop((s, e))
                add(s - 1, e)
                if (s - 1, e) not in persons:
                    persons[(s, e)] = shorter  # the longer name was refused
    for s, e in list(persons):
        start = _with_leading_initials(doc, s)
        # The official full name puts the surname first: "Bakıxanov | Akif Məmmədxan
        # oğlu".
        if (
            doc[e - 1].lower_ in lang.name_suffixes
            and start > 0
            and _SURNAME_WORD.match(doc[start - 1].text)
            and start - 1 not in taken
        ):
            start -= 1
        if start < s:
            shorter = persons.pop((s, e))
            add(start, e)
            if (start, e) not in persons:
                persons[(s, e)] = shorter  # the longer name was refused
    # A surname alone refers to the named person: "Rasim Baghirov ... Baghirov"; not
    # inside an organization the NER tagged, which may be named after them ("Института
    # Пушкина").
    surnames = {doc[m.end - 1].text: m for m in persons.values() if m.end - m.start >= 2}
    named = {
        i for e in _ents(doc) if e.label_ == "ORG" and len(e) >= 2 for i in range(e.start, e.end)
    }
    for token in doc:
        if token.text in surnames and _is_cap(token) and token.i not in named:
            add(token.i, token.i + 1)
    # Nested or duplicate spans: keep the widest.
    kept: list[Mention] = []
    for m in _in_order(persons.values()):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


# Surname endings of the region's languages (Russian, Ukrainian, Azerbaijani, Turkish,
# Armenian, Georgian, Kazakh and Kyrgyz patronymic surnames): "Baghirov", "Aliyeva",
# "Lukashenko", "Pashinyan", "Çavuşoğlu", "Mammadli", "Jafarzade", "Tokayev".
_SURNAME_ENDINGS = (
    "ov",
    "ev",
    "ova",
    "eva",
    "in",
    "ina",
    "sky",
    "skiy",
    "skaya",
    "enko",
    "yan",
    "ian",
    "oğlu",
    "oglu",
    "zade",
    "zadeh",
    "shvili",
    "dze",
    "uly",
    "kyzy",
    "li",
    "lı",
)


def _surname_shaped(ent: Span, lang: LangData) -> bool:
    """An NER organization that is a personal name: two or three capitalized words, the
    last with a surname ending, none an institution's word ("Rasim Baghirov", which a
    small English model may tag ORG)."""
    words = list(ent)
    return (
        2 <= len(words) <= 3
        and all(t.is_alpha and t.is_title for t in words)
        and words[-1].lower_.endswith(_SURNAME_ENDINGS)
        and len(words[-1]) >= 5
        and not any(t.lower_ in lang.org_heads for t in words)
    )


# A surname of the region with an optional case ending: "Назарбаевтың", "Əliyevin",
# "Tokayev'in" (Russian-type -ov/-ev/-in surnames, also in Turkic spelling).
_SURNAME_WORD = re.compile(
    r"^(?P<base>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІÇŞİÖÜƏ][a-zа-яёәғқңөұүһіçşğıöüə]{2,}"
    r"(?:ova|eva|yeva|ov|ev|yev|ова|ева|ов|ев|ина|ин))"
    r"(?P<ending>['’]?[a-zа-яёәғқңөұүһіçşğıöüə]{1,4})?$"
)


def _surnames(doc: Doc, lang: LangData, add: Callable[[int, int], None]) -> None:
    """In the Turkic languages a capitalized word inside a sentence shaped like a
    surname ("Назарбаевтың") is a person's name where the NER tagged nothing there,
    with the capitalized given name before it."""
    tagged = {i for ent in _ents(doc) for i in range(ent.start, ent.end)}
    for token in doc:
        i = token.i
        if i in tagged or token.is_sent_start or not _SURNAME_WORD.match(token.text):
            continue
        start = i - 1 if _given_name_before(doc, i, lang, tagged) else i
        add(start, i + 1)


def _with_leading_initials(doc: Doc, start: int) -> int:
    """The start of a name with the initials before it: "R. M. | Qliyer", "R . M . |
    Qliyer" (tokenized text)."""
    while start > 0 and follows_initial(doc, start):
        start -= 2 if doc[start - 1].text == "." else 1
    return start


def _name_shaped_org(ent: Span, lang: LangData) -> bool:
    """An organization the NER tagged that reads like a full name: two or three
    capitalized words, none an institution's."""
    return (
        ent.label_ == "ORG"
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.is_alpha for t in ent)
        and not any(t.lower_ in lang.org_heads for t in ent)
    )


def _given_name_before(doc: Doc, i: int, lang: LangData, blocked: set[int]) -> bool:
    """Whether the word before token ``i`` may be a given name: capitalized, none of
    ``blocked``, no title or institution word, function word, adverb of time or place
    ("Aziz | Karimov"; not "Prezident | Karimov", "Kecha | Karimov", "Toshkentda |
    Karimov")."""
    if i == 0 or doc[i].is_sent_start:
        return False
    prev = doc[i - 1]
    word = prev.lower_
    return (
        prev.i not in blocked
        and prev.is_title
        and prev.is_alpha
        and word not in lang.title_heads
        and word not in lang.org_heads
        and word not in _function_words(lang)
        and word not in lang.time_adverbs
        and not _place_case(word, lang)
    )


def _turkic_names(
    doc: Doc, lang: LangData, chunks: list[tuple[int, int]], add: Callable[[int, int], None]
) -> None:
    """In the Turkic languages only proper names (and a sentence's first word) are
    capitalized: next to a reporting verb, a run of two or three capitalized words that
    names no institution, title or country is the speaker's name ("dedi Baxtiyor
    Saidov"), where the NER (say, a model borrowed from a related language) missed it."""
    tagged = {i for ent in _ents(doc) for i in range(ent.start, ent.end)}
    function_words = _function_words(lang)
    for start, end in chunks:
        if any(k in tagged for k in range(start, end)):
            continue  # the NER has decided what these words are
        if doc[start].is_sent_start and (
            end - start >= 3
            or doc[start].lower_ in function_words
            or doc[start].lower_ in lang.time_adverbs
        ):
            start += 1  # the first word of a sentence is capitalized anyway
        words = doc[start:end]
        name_shaped = all(
            t.text[:1].isupper() and t.text[1:2].islower() and t.text.replace("'", "").isalpha()
            for t in words
        )
        institutional = any(
            t.lower_ in lang.org_heads or t.lower_ in lang.title_heads for t in words
        )
        source_starts = {cue[0] for cue in lang.source_cues}
        beside_cue = (start > 0 and doc[start - 1].lower_ in lang.reporting_verbs) or (
            end < len(doc)
            and (doc[end].lower_ in lang.reporting_verbs or doc[end].lower_ in source_starts)
        )
        if not (2 <= len(words) <= 3 and name_shaped and not institutional):
            continue
        if _known_org_length(doc, start, lang):
            continue  # "Beyaz Saray" (the White House)
        if beside_cue or _opens_reported_sentence(doc, start, lang):
            add(start, end)


def _opens_reported_sentence(doc: Doc, start: int, lang: LangData) -> bool:
    """Verb-final: the words from ``start`` open the sentence that a reporting verb
    closes ("Dün Hakan Fidan görüşmelerin süreceğini söyledi"), the speaker's place."""
    sent = doc[start].sent
    if not all(
        doc[k].lower_ in lang.time_adverbs or doc[k].is_punct for k in range(sent.start, start)
    ):
        return False
    last = next((t for t in reversed(sent) if not t.is_punct and not t.is_space), None)
    return last is not None and last.lower_ in lang.reporting_verbs


def _with_speaker_labels(
    doc: Doc, lang: LangData, persons: list[Mention], country_at: dict[int, Mention]
) -> list[Mention]:
    """Transcript speaker labels: one to three capitalized words opening a line before a
    colon ("TAPPER: ...", "MR. TRUMP: ...") name a person."""
    taken = {i for p in persons for i in range(p.start, p.end)}
    labels: list[Mention] = []

    def line_break_before(i: int) -> bool:
        return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_

    for token in doc:
        if token.text != ":" or token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and not line_break_before(start):
            start -= 1
        if not line_break_before(start) or not 1 <= token.i - start <= 3:
            continue
        words = [t for t in doc[start : token.i] if not t.is_punct]
        # In Turkic news a "Name Surname: statement" headline is the common form.
        named = (
            lang.head_final
            and 2 <= len(words) <= 3
            and all(t.is_title and t.is_alpha for t in words)
            and not any(t.lower_ in lang.title_heads or t.lower_ in lang.org_heads for t in words)
        )
        if (
            not words
            or not (all(t.is_upper and t.is_alpha for t in words) or named)
            or any(t.lower_ in lang.non_speaker_labels for t in words)
            or any(k in taken or k in country_at for k in range(start, token.i))
        ):
            continue
        labels.append(Mention(PERSON, start, token.i))
    return sorted([*persons, *labels], key=lambda m: m.start)


def _name_like(doc: Doc, start: int, end: int, add: Callable[[int, int], None]) -> None:
    """Call ``add`` on a 1-4 word chunk of proper nouns (a personal name's shape)."""
    if 1 <= end - start <= 4 and all(
        doc[k].pos_ in {"PROPN", "NOUN"}
        or doc[k].text == "."
        or (not doc[k].pos_ and _is_cap(doc[k]))
        for k in range(start, end)
    ):
        add(start, end)


# --- organizations from the NER ----------------------------------------------------


def _ner_orgs(doc: Doc, lang: LangData, found: DocMentions, core_tokens: set[int]) -> list[Mention]:
    # A country may begin an institution's name ("Azərbaycan Mədəniyyət Nazirliyi"); it
    # stays a country mention of its own as well.
    taken = {i for m in [*found.orgs, *found.persons] for i in range(m.start, m.end)} | core_tokens
    orgs: list[Mention] = []
    for ent in _ents(doc):
        if ent.label_ != "ORG":
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in lang.determiners or doc[start].is_punct):
            start += 1
        while end > start and _trailing(doc[end - 1]):
            end -= 1
        # An entity running into a title or a name keeps what comes before it
        # ("Dışişleri Bakanlığı | Sözcüsü Öncü Keçeli").
        end = next((k for k in range(start, end) if k in taken), end)
        while end > start and _trailing(doc[end - 1]):
            end -= 1
        if end <= start:
            continue
        span = doc[start:end]
        if country_code(span.text, lang.code) or span.text in lang.not_organizations:
            continue
        # A verb-final name ends in a noun; one ending in an adjective the language
        # derives ("Халықаралық музыкалық", international musical; "Оңтүстік", south)
        # is no organization's.
        last = doc[end - 1].lower_
        if (
            lang.head_final
            and last not in lang.org_heads
            and any(
                last.endswith(x) and len(last) > len(x) + 2
                for x in lang.derivational_suffixes
                # Not the short endings nouns also end in ("Okulu", "Fenerbahçe").
                if len(x) >= 3 and x not in lang.plural_suffixes
            )
        ):
            continue
        # A lone adjective or lower-case word is no organization name, nor is a lone
        # capitalized word modifying a common noun ("Turkic states"); an acronym
        # modifier stays ("OTS member states").
        if end - start == 1:
            token = doc[start]
            modifier = (
                token.dep_ in {"compound", "amod"}
                and token.head.pos_ == "NOUN"
                and not token.is_upper
            )
            if token.pos_ == "ADJ" or not _is_cap(token) or modifier:
                continue
        orgs.append(Mention(ORGANIZATION, start, end))
    return orgs


@cache
def _known_names() -> dict[str, list[tuple[str, ...]]]:
    """The names of the known organizations as word tuples, by their first letters."""
    from .linking import known_names

    index: dict[str, list[tuple[str, ...]]] = {}
    for name in known_names():
        words = tuple(name.split())
        index.setdefault(words[0][:2].casefold(), []).append(words)
    return index


def _with_known_orgs(doc: Doc, lang: LangData, found: DocMentions) -> list[Mention]:
    """The organizations with the known ones added (:func:`_known_orgs`). A found
    organization that is only known ones joined by "and" ("UN and the European
    Union") gives way to them; one that says more keeps its span ("OTS Media and
    Information Working Group")."""
    known = _known_orgs(doc, lang, found)
    kept: list[Mention] = []
    for o in found.orgs:
        parts = [m for m in known if m.start < o.end and o.start < m.end]
        covered = {i for m in parts for i in range(m.start, m.end)}
        rest = [
            doc[i]
            for i in range(o.start, o.end)
            if i not in covered
            and not doc[i].is_punct
            and doc[i].lower_ not in lang.conjunctions | lang.determiners | {"and", "&"}
        ]
        if parts and not rest:
            continue  # the known organizations stand for it
        if parts:
            known = [m for m in known if m not in parts]
        kept.append(o)
    return _in_order([*kept, *known])


def _known_orgs(doc: Doc, lang: LangData, found: DocMentions) -> list[Mention]:
    """Known organizations (``data/organizations.json``) by any of their
    names, with case endings where the language inflects them ("Түркі мемлекеттері
    ұйымының", "Организации тюркских государств", "BMT-nin")."""
    taken = {i for m in found.persons for i in range(m.start, m.end)}
    spans: list[Mention] = []
    i = 0
    while i < len(doc):
        best = _known_org_length(doc, i, lang)
        if best and not any(k in taken for k in range(i, i + best)):
            spans.append(Mention(ORGANIZATION, i, i + best))
            i += best
        else:
            i += 1
    return spans


def _known_org_length(doc: Doc, i: int, lang: LangData) -> int:
    """The number of words of the longest known organization name at token ``i``."""
    # How much longer than a name's word its inflected form may be: Turkic case and
    # possessive endings stack ("Təşkilatının"); Russian endings replace the word's own
    # ("Кремль" -> "Кремлем"), so "Кремниевой" is no form of it.
    growth = 5 if lang.head_final else 2 if lang.country_adjectives else 0
    best = 0
    for words in _known_names().get(doc[i].text[:2].casefold(), []):
        n = len(words)
        # A name is written capitalized ("Белый дом", not "белый дом").
        if (
            i + n <= len(doc)
            and (doc[i].text[:1].isupper() or not words[0][:1].isupper())
            and all(_word_matches(doc[i + j].text, w, growth) for j, w in enumerate(words))
        ):
            best = max(best, n)
    return best


def _word_matches(token: str, word: str, growth: int) -> bool:
    """A token is a known name's word: the same word (acronyms: the same letters and
    case), or, in a language that inflects (``growth`` > 0), its stem with a case ending
    at most ``growth`` letters longer than the word."""
    inflecting = growth > 0
    if word.isupper() and len(word) > 1:
        return token == word or (
            inflecting and token.startswith(word) and token[len(word) : len(word) + 1] in "'’-"
        )
    folded, target = token.casefold(), word.casefold()
    if folded == target:
        return True
    stem = target[: max(3, len(target) - 2)]
    return inflecting and folded.startswith(stem) and len(folded) - len(target) <= growth


def _compound_orgs(doc: Doc, orgs: list[Mention]) -> list[Mention]:
    """ "Organization of Turkic States (OTS) Media and Information Working Group" is one
    body, the OTS working group: join "ORG (ACRONYM) ORG" into a mention named with the
    acronym, keeping the parts as mentions of their own."""
    by_start = {o.start: o for o in orgs}
    extra: list[Mention] = []
    tails: set[Mention] = set()
    for o in orgs:
        k = o.end
        if (
            k + 3 < len(doc)
            and doc[k].text == "("
            and doc[k + 1].is_upper
            and doc[k + 2].text == ")"
            and (k + 3) in by_start
        ):
            tail = by_start[k + 3]
            name = f"{doc[k + 1].text} {doc[tail.start : tail.end].text}"
            extra.append(Mention(ORGANIZATION, o.start, tail.end, name=name))
            tails.add(tail)
    kept = [o for o in orgs if o not in tails]
    return _in_order([*kept, *extra])
