"""Languages: identification per paragraph (:mod:`.identify`) and per-language
knowledge as data, keyed by ISO 639-1 code.

In: a code, or text to identify. Out: :class:`LangData` (reporting verbs, quote marks,
title and institution words, "according to" forms...; each ``<code>.py`` module
defines ``LANG``) and the text's segments by language. Code elsewhere never
hard-codes words of a language; it asks :func:`get_lang`, which names the supported
languages when asked for another.
May import: settings, errors (the bottom of the package) only.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..errors import UnsupportedLanguageError

SUPPORTED: tuple[str, ...] = ("en", "ru", "tr", "az", "kk", "uz", "ky")


_APOSTROPHES = re.compile("[ʻʼ’‘`]")


class Words(frozenset[str]):
    """A set of lower-case words. An entry ending in "-" is a stem: it matches every
    word that starts with it and goes on for at most :attr:`max_suffix` more letters,
    which is how Turkic words take their case and possessive endings ("direktor-"
    matches direktoru, direktorunun; "bildir-" matches bildirib, bildirdi)."""

    max_suffix = 9
    _stems: tuple[str, ...]
    # The stems by their first two letters, longest first: a word is only compared with
    # the stems it can begin with.
    _by_start: dict[str, tuple[str, ...]]

    def __new__(cls, items: Iterable[str] = ()) -> Words:
        words = super().__new__(cls, items)
        stems = {w[:-1] for w in words if w.endswith("-") and len(w) > 2}
        words._stems = tuple(sorted(stems, key=len, reverse=True))
        by_start: dict[str, list[str]] = {}
        for stem in words._stems:
            by_start.setdefault(stem[:2], []).append(stem)
        words._by_start = {k: tuple(v) for k, v in by_start.items()}
        return words

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str):
            return False
        # (ʻ and ʼ are modifier letters: alphabetic to Python.)
        if (not word.isalpha() or "ʼ" in word or "ʻ" in word) and _APOSTROPHES.search(word):
            # Entries write an apostrophe as "'"; text has ʻ, ʼ, ’ and ‘ as well
            # (Uzbek "maʼlum", "koʻra").
            return self.__contains__(_APOSTROPHES.sub("'", word))
        return bool(self._stems) and self.stem_of(word) is not None

    def stem_of(self, word: str) -> str | None:
        """The longest stem that ``word`` is an inflected form of, if any."""
        for stem in self._by_start.get(word[:2], ()):
            if word.startswith(stem) and len(word) - len(stem) <= self.max_suffix:
                return stem
        return None

    def __or__(self, other: frozenset[str]) -> Words:  # type: ignore[override]
        return Words([*self, *other])


@dataclass(frozen=True)
class LangData:
    code: str
    # Lemmas of verbs that introduce reported speech or writing.
    reporting_verbs: frozenset[str]
    # Reporting verbs whose object or infinitive says what was promised, demanded or
    # announced when they take no clause ("vowed to cut taxes", "announced the pick").
    object_reporting_verbs: frozenset[str]
    # Particles that make a phrasal reporting verb out of a lemma: ("point", "out").
    phrasal_reporting_verbs: frozenset[tuple[str, str]]
    # Multi-word cues that name the source after them: "according to X".
    source_cues: tuple[tuple[str, ...], ...]
    # Opening quote mark -> the closing marks that end it (the first is the proper one;
    # others are the mix-ups of real typing: “...").
    quote_pairs: dict[str, tuple[str, ...]]
    # Head words of job titles, lower case ("minister", "director").
    title_heads: frozenset[str]
    # Words that may precede a title head inside the title ("deputy", "foreign").
    title_modifiers: frozenset[str]
    # Words that may follow a title head inside the title ("general" in "secretary general").
    title_postmodifiers: frozenset[str]
    # Head words that make a capitalized phrase an organization name ("ministry", "agency").
    org_heads: frozenset[str]
    # Organization heads naming a unit of a larger body ("department"): a title "of" such
    # a unit keeps the unit in the title and looks further for the organization.
    org_unit_heads: frozenset[str]
    # Lower-case words allowed inside a proper name ("of", "and", "the").
    name_connectors: frozenset[str]
    # Prepositions binding a title to its organization ("director of/at X").
    title_org_preps: frozenset[str]
    # Honorifics stripped from person names.
    honorifics: frozenset[str]
    # Personal pronouns that can refer back to a person.
    person_pronouns: frozenset[str]
    # Determiners that may open a noun phrase naming the speaker ("the minister").
    determiners: frozenset[str]
    # Adverbs of time that open news sentences and that a model may take into the name
    # after them ("Кеше Назарбаев", yesterday Nazarbayev); never part of a name.
    time_adverbs: frozenset[str] = frozenset()
    # Pronouns that name no single person ("they", "we"): never part of a name or title
    # ("Олар Тұңғыш Президент" is they + the First President).
    pronouns: frozenset[str] = frozenset()
    # Abbreviations whose stop does not end a sentence ("sen.", "gov.", "jan.").
    abbreviations: frozenset[str] = frozenset()
    # Upper-case words before a colon that are labels, not speakers ("UPDATE:").
    non_speaker_labels: frozenset[str] = frozenset()
    # Extra country names (as written -> ISO 3166-1 alpha-2) that CLDR and ISO lack.
    country_aliases: dict[str, str] = field(default_factory=dict)
    # Relative and interrogative pronouns that can be moved out of a reported clause
    # ("which the campaign says includes ...").
    relative_pronouns: frozenset[str] = frozenset()
    # Coordinating conjunctions ("and", "but").
    conjunctions: frozenset[str] = frozenset()
    # Verb-final languages (the Turkic ones): the attribution usually follows the
    # quote and the speaker opens the sentence; "according to" follows its source.
    head_final: bool = False
    # Multi-word reporting cues (each word an entry as in :class:`Words`):
    # ("qeyd", "ed-") for "qeyd edib", ("атап", "өт-") for "атап өтті".
    cue_phrases: tuple[tuple[str, ...], ...] = ()
    # Apostrophes that separate a proper name from its case ending ("Erdoğan'ın").
    name_suffix_apostrophes: str = ""
    # Whether the spelling always writes that apostrophe (Turkish: "Çin'e", never "Çine").
    suffix_apostrophe_required: bool = False
    # Endings that derive a new word from a name rather than inflect it
    # ("Azərbaycanlı", an Azerbaijani; "Қазақстандық", Kazakhstani).
    derivational_suffixes: tuple[str, ...] = ()
    # Endings of a reported clause before its verb, where the language nominalizes it
    # (Turkish "... olduğunu söyledi", Kazakh "... өткенін атап өтті"). A phrase
    # between speaker and cue without one is the object of an announcement, not speech.
    clause_endings: tuple[str, ...] = ()
    # Words opening a reported clause after its cue ("bildirib ki, ...", "заявил, что").
    complementizers: frozenset[str] = frozenset()
    # Direct speech opened by a dash at the start of a paragraph and closed by ", —"
    # before the attribution ("— Мы продолжим, — сказал он.").
    dash_speech: bool = False
    # Stems of adjectives that name a country ("российск-" -> RU), with the adjective
    # endings they take; Russian news (and NEREL) names countries this way
    # ("российских военных").
    country_adjectives: dict[str, str] = field(default_factory=dict)
    adjective_endings: tuple[str, ...] = ()
    # An institution's name takes its country in the genitive after it ("Верховный суд
    # Испании", "Следственного комитета Армении"): the country is part of the name.
    org_country_genitive: bool = False
    # Words the NER tags as organizations that name none ("СМИ", the media).
    not_organizations: frozenset[str] = frozenset()
    # Verbs linking a person to the post they hold, before the title (Russian puts it
    # in the instrumental: "Мугабе остался президентом", "стал директором", "занял
    # пост премьер-министра"); used where the pipeline has no parser.
    copulas: frozenset[str] = frozenset()
    # Lower-case words that end a full name: patronymics ("Bayram oğlu", "Бауыржан
    # ұлы") and honorific name parts ("İsmayıl xan").
    name_suffixes: frozenset[str] = frozenset()
    # Forms of address after a given name, in any case form ("Mesut Bey", "Mesut
    # Beyden", "Hüsamettin Abi'yle"): no part of the name (Milliyet tags "Mesut" in 82 of
    # its training block's 101 "Bey"s).
    address_terms: frozenset[str] = frozenset()
    # Plural endings: a title head in the plural names a group ("nazirlər"), not a
    # post someone holds.
    plural_suffixes: tuple[str, ...] = ()
    # A country's bare name right before a title is part of the title ("Қазақстан
    # Президенті", as KazNERD tags it whole); else it stays outside, the title's country
    # ("Libya | kralı", as Turkish-Wiki-NER tags it).
    title_takes_country: bool = False
    # Genitive endings an institution's name takes before what it possesses
    # ("Mərkəzi Bankın sədri"); its display name drops them.
    genitive_suffixes: tuple[str, ...] = ()
    # Dative endings: an addressee between a speaker and the reporting verb ("Vladimir
    # Putin jurnalistlərə bildirib"), where a name only looks genitive.
    dative_endings: tuple[str, ...] = ()
    # Dative, locative and ablative endings (Turkic languages written without an
    # apostrophe before them): a place after a full name ("Мұрат Нұртілеу Парижге", to
    # Paris) is no part of the name.
    place_case_endings: tuple[str, ...] = ()
    # Title heads name persons: where a morphology dictionary reads the language
    # (pymorphy2, Russian), a word that is an animate noun in no reading is no title
    # ("Секретариат", "Мэриленд" begin like "секретарь", "мэр").
    animate_titles: bool = False
    # Official names capitalize their first word only ("Sog'liqni saqlash vazirligi",
    # "Министрлер кабинети"): a capitalized word, up to three lower-case words and an
    # institution's head word are one name. Set where no model of the language's own
    # learned such names (Uzbek, Kyrgyz).
    first_word_names: bool = False
    # Accusative and comitative endings a surname takes where no apostrophe sets them
    # off ("Bayramovla", with Bayramov; "Тоқаевты"); the person's name drops them.
    case_endings: tuple[str, ...] = ()
    # Verbs of denying and refusing: with a noun object they report something only where
    # the object is words said ("denied the allegations"), not a thing or an act ("The
    # Kremlin denied any involvement", "refused comment").
    denial_verbs: frozenset[str] = frozenset()
    # Nouns for words said or written, which such a verb can take as what was reported.
    statement_nouns: frozenset[str] = frozenset()
    # The learned model that places a reported content's bounds (quotes/bounds.py), a
    # folder under models/; None: the finders' bounds stand.
    quote_bounds: str | None = None
    # --- reports in the verb-final languages (see quotes/verb_final.py) ---
    # Quotatives: words that close a reported clause of any form before its verb
    # (Kazakh "деп", Turkish "diye", Azerbaijani "deyə": "... деп хабарлады").
    quotatives: frozenset[str] = frozenset()
    # Words that are quotatives right after a closing quote mark ('"…" şeklinde
    # konuştu', spoke in the form "…"), and mean a shape or manner elsewhere.
    mark_quotatives: frozenset[str] = frozenset()
    # Verbs of speaking that introduce quoted words right after them but report no
    # clause ("seçmenlere seslenirken, '…'", addressing the voters; "konuşurken: '…'").
    speaking_verbs: Words = field(default_factory=Words)
    # Verbs after a quotative that make it no report: naming, thinking, hoping,
    # planning, expecting ("деп аталады", is called; "diye düşünüyor", thinks).
    quotative_non_reports: Words = field(default_factory=Words)
    # Verbs of saying that take a clause of any form before them, unlike the verbs
    # that take a nominalized one ("... баттық дейді", "... dedi").
    say_verbs: frozenset[str] = frozenset()
    # Nominalized endings of a clause without its case ending, before a postposition
    # or a passive verb ("... салатыны туралы", "... bulduğu belirtildi").
    clause_endings_bare: tuple[str, ...] = ()
    # Postpositions after a nominalized clause ("туралы", about).
    clause_postpositions: frozenset[str] = frozenset()
    # Nouns naming people or groups who speak as a subject when no name is given
    # ("мамандар", experts; "yetkililer", officials); title and institution words too.
    speaker_nouns: frozenset[str] = frozenset()
    # Particles after a subject before the clause ("Volski de, ...").
    subject_particles: frozenset[str] = frozenset()
    # Discourse words that open a sentence before its subject ("Ал", "Ayrıca").
    openers: frozenset[str] = frozenset()
    # Words after a reporting verb that make it no report: modals and conditionals
    # ("айтуға болады", one may say; "дер едім", I would say).
    cue_blockers: frozenset[str] = frozenset()
    # Endings of the forms of a reporting verb that report nothing themselves: its
    # verbal nouns ("açıklamaya hazırlandı", "açıklamada", "айтуға") and the writer's
    # own exhortative ("belirtelim ki", let us note).
    non_report_endings: tuple[str, ...] = ()
    # Endings of a reporting verb's passive: a report with no speaker named
    # ("хабарланды", "belirtildi").
    passive_endings: tuple[str, ...] = ()
    # Endings of a reporting verb's passive participle: before a noun it describes the
    # noun ("жарияланған нәтиже", the announced result; "açıklanan rakamlar"), no report.
    passive_participle_endings: tuple[str, ...] = ()
    # Endings of a finite verb (past and present), for the verb after a quotative
    # ("diye konuştu", "деп еркелетеді"): a quotative before anything else states a
    # purpose ("... deyə avtobus tez gəlir", so that).
    finite_endings: tuple[str, ...] = ()
    # Locative endings: a place right after a subject is where the words were said
    # ("iclasda", at the meeting).
    locative_endings: tuple[str, ...] = ()
    # Prepositions that name what a report is about ("сообщила о смерти", told of) and
    # pronouns that stand before a reported clause ("о том, что ...", about that).
    topic_prepositions: frozenset[str] = frozenset()
    clause_pronouns: frozenset[str] = frozenset()
    # A report whose verb has no subject is one from an unnamed source or from the
    # document it is said in ("Сообщается, что ...", "В заявлении подчёркивается, что
    # ..."), not nothing.
    unnamed_reports: bool = False
    # Nouns of statements, reports and laws (stems): a report said in one with no
    # author named has it as its source ("В заявлении подчёркивается", "Açıklamada
    # ... belirtildi").
    document_nouns: Words = field(default_factory=Words)
    # Sources of news that an "according to" postposition names without an author
    # ("bir araştırmaya göre", according to a study; "dpa'dan gelen bilgilere göre",
    # "son kamuoyu yoklamalarına göre"): the phrase is the source, a document.
    data_nouns: Words = field(default_factory=Words)
    # Nouns of institutions that speak without a name besides ``org_heads`` ("the
    # police said", "Полиция заявила"): such a speaker is an organization.
    institution_nouns: Words = field(default_factory=Words)
    # Endings that after a noun's stem put it in an oblique case (dative, locative,
    # ablative, genitive, instrumental): "meclise", to the parliament, names no
    # speaker. For languages whose names take such endings after an apostrophe.
    oblique_endings: tuple[str, ...] = ()
    # Words standing for what was said before: on their own ("осылай деді", thus he
    # said; "bunu söyledi") or, demonstratives, before a postposition ("Бұл туралы",
    # about this).
    anaphors_alone: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    # Endings of a reporting verb's participle, whose speaker follows it ("...
    # bırakacağını belirten Akşener", "Осылай деген Елбасы").
    participle_endings: tuple[str, ...] = ()
    # Nouns for someone's words that a verb quotes ("цитирует слова посла", quotes the
    # ambassador's words): their owner is the speaker, not the verb's subject.
    words_nouns: frozenset[str] = frozenset()
    # Endings of a converb ("bir bildiri yayınlayarak, ...", issuing a statement): a
    # phrase it ends right after the subject, set off by a comma, is how the words
    # were said, not what.
    converb_endings: tuple[str, ...] = ()
    # A converb and the same verb negated after it are "whether or not" ("talep edip
    # etmeyeceklerine", whether they will charge; "söyleyip söylemediğini"): the
    # converb's endings and the negation's first letters after the verb's stem.
    either_converb_endings: tuple[str, ...] = ()
    negation_infixes: tuple[str, ...] = ()
    # Postpositions after a noun ("Arda için", for Arda; "Путин үшін"): a name before
    # one is no subject.
    postpositions: frozenset[str] = frozenset()
    # Endings of a reporting verb's relative participle ("dediği", that he said;
    # "айтқаны"): its subject is in the genitive ("Kutan 'ın "…" dediği").
    relative_endings: tuple[str, ...] = ()
    # "According to" postpositions ("göre", "сәйкес"): their source stands right
    # before them ("Bakan 'a göre"), unlike a possessor of words ("Клара апамыз
    # айтқандай", as our aunt Klara said).
    source_postpositions: frozenset[str] = frozenset()
    # Auxiliary verbs that go with a reporting verb's converb as one cue ("айтып отыр",
    # is saying; "айтқан еді", had said): the speaker is not among them.
    auxiliaries: frozenset[str] = frozenset()
    # The auxiliaries in the third person that make a quotative alone a cue ("«…» , —
    # деп отыр", they are saying); not the first person ("деп отырмыз", we expect).
    quotative_auxiliaries: frozenset[str] = frozenset()
    # Endings that make a noun of people out of a place ("әкімдіктегілер", those at the
    # akimat; "bakanlıktakiler"): such a word can say something.
    people_suffixes: tuple[str, ...] = ()
    # Nouns for what bears a name ("бағдарлама", programme; "бренд"): quoted words that
    # a naming quotative joins to one ("« Нұрлы жол » деген бағдарлама") are its name.
    naming_nouns: Words = field(default_factory=Words)
    # Reflexive pronouns after a genitive name ("Анардың өзі", Anar herself): the name
    # is the subject.
    reflexives: frozenset[str] = frozenset()
    # Forms of a reporting verb's lemma that mean something else ("напоминающий",
    # resembling, of "напоминать", to remind): never a cue.
    non_cue_words: Words = field(default_factory=Words)
    # Reporting verbs of requests and orders that report something only with an
    # infinitive or a clause ("попросил депутатов дать время", "обязал банк выплатить"):
    # their object alone is whom they asked, not what ("попросил слова").
    directive_verbs: Words = field(default_factory=Words)
    # Nouns for news and statements that, after a demonstrative ("эту информацию",
    # this information), stand for what the sentence before reported.
    anaphoric_nouns: Words = field(default_factory=Words)


@cache
def get_lang(code: str) -> LangData:
    """The language data for ``code``; raises :class:`UnsupportedLanguageError`."""
    if code not in SUPPORTED:
        raise UnsupportedLanguageError(
            f"language {code!r} is not supported; supported languages: {', '.join(SUPPORTED)}",
            language=code,
            supported=list(SUPPORTED),
        )
    module = importlib.import_module(f"{__name__}.{code}")
    lang: LangData = module.LANG
    return lang
