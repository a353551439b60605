"""Entity mentions in one spaCy Doc: people, organizations, countries and job titles.

The statistical NER proposes people and organizations; rules built on language data
fix what it gets wrong in news text, one module per kind:
- :mod:`.countries`: from CLDR/ISO names (a country is never a PERSON or an ORG);
- :mod:`.organizations`: a run of capitalized words joined by name connectors ("Media
  Development Agency of Azerbaijan") is an organization when it contains an
  organization head word;
- :mod:`.titles`: a job title is a title head with its modifiers ("Foreign Minister",
  "chief executive"), plus a portfolio or unit ("of Foreign Affairs", "of the
  Department of ..."), bound to an organization or country by "of/at/for" or a
  preceding name;
- :mod:`.persons`: a capitalized name next to a title ("X, Director of ...", "Foreign
  Minister X") is a PERSON whatever the NER said, and a person's surname alone refers
  to them;
- :mod:`.inflection`: names in their base form.
:func:`find_mentions` runs them in the order they depend on each other.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..language import LangData
from .base import DocMentions, ents, in_order, is_cap
from .countries import find_countries
from .inflection import nominative, org_nominative, without_case_ending, without_genitive
from .organizations import (
    acronym_orgs,
    compound_orgs,
    coordinated,
    deferring_to_ner,
    ends_at_head,
    first_word_orgs,
    ner_orgs,
    org_chunks,
    quoted_orgs,
    verb_final_runs,
    with_country_after,
    with_country_before,
    with_known_orgs,
    with_quoted_name,
)
from .persons import find_persons, outside_quoted_names, with_speaker_labels
from .titles import (
    attach_titles,
    tagged_titles,
    title_cores,
    with_country_modifiers,
    with_ner_titles,
    without_name_openers,
)


def _without_titled_places(doc: Doc, lang: LangData) -> None:
    """In a verb-final language a place the model ran on into a job title and its holder
    ("Azərbaycan Respublikasının Xarici İşlər Naziri Ceyhun Bayramov", tagged GPE) ends
    with its first word in the genitive; two or three capitalized words after the
    title's head are a person. No place holds a title's head word."""
    if not lang.head_final or not lang.genitive_suffixes:
        return
    out: list[Span] = []
    for ent in ents(doc):
        heads = (
            [k for k in range(ent.start + 1, ent.end) if doc[k].lower_ in lang.title_heads]
            if ent.label_ in {"GPE", "LOC"}
            else []
        )
        genitive = next(
            (
                k
                for k in range(ent.start, heads[0] if heads else ent.start)
                if doc[k].lower_.endswith(lang.genitive_suffixes)
            ),
            None,
        )
        if genitive is None:
            out.append(ent)
            continue
        out.append(Span(doc, ent.start, genitive + 1, label=ent.label_))
        if 2 <= ent.end - (heads[-1] + 1) <= 3:
            out.append(Span(doc, heads[-1] + 1, ent.end, label="PERSON"))
    doc.user_data["extractor.ents"] = tuple(out)


# Family names formed "son of X" ("Kılıçdaroğlu", "Çavuşoğlu"); few places are so named
# ("Beyoğlu"), and those are mostly written in the locative or the ablative
# ("Beyoğlu'nda", "Beyoğlu'ndan").
_SON_OF = ("oğlu", "oglu")
_AT_OR_FROM = ("da", "de", "ta", "te", "dan", "den", "tan", "ten")


def _people_tagged_as_places(doc: Doc, lang: LangData) -> None:
    """A lone word a model tagged as a place that is a "son of" family name
    ("Kılıçdaroğlu", tagged GPE) is a person, unless it is where or whence."""
    if not lang.name_suffix_apostrophes:
        return
    out: list[Span] = []
    for ent in ents(doc):
        word, ending = ent.text, ""
        for mark in lang.name_suffix_apostrophes:
            word, _, rest = word.partition(mark)
            ending = ending or rest
        if (
            ent.label_ in {"GPE", "LOC"}
            and len(ent) == 1
            and word[:1].isupper()
            and word.lower().endswith(_SON_OF)
            and len(word) > 6
            and not ending.lower().lstrip("n").startswith(_AT_OR_FROM)
        ):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    doc.user_data["extractor.ents"] = tuple(out)


def find_mentions(doc: Doc, nlp: Language, lang: LangData) -> DocMentions:
    """All PERSON, ORGANIZATION, COUNTRY and TITLE mentions of ``doc``."""
    found = DocMentions()
    _without_titled_places(doc, lang)
    _people_tagged_as_places(doc, lang)
    found.countries = find_countries(doc, nlp, lang)
    country_at = {i: m for m in found.countries for i in range(m.start, m.end)}
    boilerplate = _boilerplate(doc)
    names = {
        i for ent in ents(doc) if ent.label_ in {"PERSON", "GPE"} for i in range(ent.start, ent.end)
    }
    cores = [c for c in title_cores(doc, lang, set(country_at) | names) if c[0] not in boilerplate]
    cores = with_ner_titles(doc, without_name_openers(doc, cores, lang), lang)
    cores = with_country_modifiers(doc, cores, found.countries, lang)
    core_tokens = {i for s, e, _ in cores for i in range(s, e)}
    # A tagged title may hold an organization ("глава МВД", "Судья ЕСПЧ"): the NER's
    # organizations may start inside one, after its first word.
    inner = {i for s, e in tagged_titles(doc, lang) for i in range(s + 1, e)}
    chunks = _name_chunks(doc, lang, core_tokens | boilerplate)
    found.orgs = org_chunks(doc, chunks, lang, country_at)
    if lang.head_final or not doc.has_annotation("TAG"):
        found.orgs = deferring_to_ner(doc, found.orgs, lang)
    people = {i for e in ents(doc) if e.label_ == "PERSON" for i in range(e.start, e.end)}
    if lang.head_final:
        found.orgs = verb_final_runs(doc, found.orgs, lang, people | set(country_at))
    # People are found next to titles attached to rule-found organizations; the NER's
    # organizations come after people, and titles are then attached to all of them.
    found.titles = attach_titles(doc, cores, chunks, found.orgs, country_at, lang)
    found.persons = find_persons(doc, lang, found, chunks, core_tokens | boilerplate, country_at)
    found.persons = with_speaker_labels(doc, lang, found.persons, country_at)
    found.orgs = compound_orgs(
        doc, [*found.orgs, *ner_orgs(doc, lang, found, (core_tokens - inner) | boilerplate)]
    )
    if lang.first_word_names:
        found.orgs = first_word_orgs(doc, lang, found, core_tokens | boilerplate)
    if lang.head_final:
        found.orgs = quoted_orgs(doc, lang, found, core_tokens | boilerplate)
    if lang.head_final:
        found.orgs = [
            with_quoted_name(doc, ends_at_head(doc, o, lang, people | set(country_at)), lang)
            for org in found.orgs
            for o in coordinated(doc, org, lang, people)
        ]
        found.orgs = with_country_before(doc, found.orgs, found.countries, lang)
    found.orgs = with_known_orgs(doc, lang, found)
    org_spans = {(o.start, o.end) for o in found.orgs}
    found.persons = [p for p in found.persons if (p.start, p.end) not in org_spans]
    if lang.org_country_genitive:
        found.orgs = with_country_after(found.orgs, found.countries)
    # Names in their base form (the spans stay as written).
    if lang.name_suffix_apostrophes:
        found.persons = [without_case_ending(doc, m, lang) for m in found.persons]
        found.orgs = [without_case_ending(doc, m, lang) for m in found.orgs]
    if lang.genitive_suffixes:
        found.orgs = [without_genitive(doc, m, lang) for m in found.orgs]
        found.persons = [without_genitive(doc, m, lang) for m in found.persons]
    normal: dict[tuple[int, int], str] = doc.user_data.get("extractor.normal") or {}
    if normal:
        found.persons = [nominative(doc, m, normal) for m in found.persons]
        found.orgs = [org_nominative(doc, m, normal, lang) for m in found.orgs]
    found.orgs = in_order([*found.orgs, *acronym_orgs(doc, lang, found)])
    found.persons = outside_quoted_names(doc, found.persons, found.orgs, lang)
    found.titles = attach_titles(doc, cores, chunks, found.orgs, country_at, lang)
    return found


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SENTENCE_PUNCT = frozenset(':.?!,;“”‘’"«»')


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
            and sum(is_cap(t) for t in words) * 2 >= len(words)
            and not any(t.tag_ in _FINITE for t in words)
            and not any(t.text in _SENTENCE_PUNCT for t in doc[start:i])
        ):
            skip.update(range(start, i))
        start = i + 1
    return skip


def _name_chunks(doc: Doc, lang: LangData, breakers: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalized words, joined by connectors, within one sentence."""
    chunks: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if i in breakers or not is_cap(token) or token.lower_ in lang.determiners:
            i += 1
            continue
        start, end = i, i + 1
        while end < n and end not in breakers and not doc[end].is_sent_start:
            # Where a case ending is always set off by an apostrophe, it ends the name:
            # "Paris'teki | Louvre Müzesi".
            if lang.suffix_apostrophe_required and _apostrophe_suffix(doc[end - 1], lang):
                break
            nxt = doc[end]
            if is_cap(nxt):
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
                and is_cap(doc[j])
                and doc[end].lower_ != "the"
            ):
                end = j + 1
                continue
            break
        chunks.append((start, end))
        i = end
    return chunks


def _apostrophe_suffix(token: Token, lang: LangData) -> bool:
    """Whether ``token`` is a name with a case ending after an apostrophe ("Paris'teki")."""
    text = token.text
    return any(0 < text.find(a) < len(text) - 1 for a in lang.name_suffix_apostrophes)
