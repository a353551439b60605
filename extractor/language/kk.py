"""Kazakh (Cyrillic script).

Word lists are lower case; an entry ending in "-" is a stem matching its inflected
forms (see :class:`~extractor.language.Words`). Reporting verbs are those of Kazakh news
("деді", "мәлімдеді", "атап өтті", "айтты", "хабарлады", "жеткізді"), with the
"... сөзінше" (in the words of) cue; titles and institutions are the heads of Kazakh
official names ("Сыртқы істер министрі", "Ақпарат және қоғамдық даму министрлігі").
"Орталық" alone is mostly the adjective "central" ("Орталық Азия"); the noun heads a
name in its possessive form ("орталығы").
"""

from . import LangData, Words

LANG = LangData(
    code="kk",
    reporting_verbs=Words(
        """
        деді деп дейді деген мәлімде- айт- хабарла- жеткіз- түсіндір- баса
        мәлімдеме- ескерт- жауап- білдір- қосты
        """.split()
    ),
    object_reporting_verbs=Words(),
    phrasal_reporting_verbs=frozenset(),
    cue_phrases=(("атап", "өт-"), ("баса", "айт-"), ("мәлімдеме", "жаса-"), ("атап", "көрсет-")),
    source_cues=(("сөзінше",), ("айтуынша",), ("мәліметінше",), ("сәйкес",)),
    quote_pairs={"«": ("»",), "“": ("”", '"'), '"': ('"', "”"), "„": ("“", "”")},
    title_heads=Words(
        """
        министр- президент- директор- төраға- төрағасы басшы- әкім- депутат-
        елші- хатшы- орынбасар- өкіл- сарапшы- профессор- ректор-
        судья- прокурор- қолбасшы- генерал- спикер- премьер-министр- кеңесші-
        маман- редактор- тілші- журналист- бастық- меңгеруші-
        """.split()
    ),
    title_modifiers=Words(
        """
        сыртқы ішкі істер қаржы әділет қорғаныс білім денсаулық сақтау экономика
        энергетика мәдениет ақпарат бірінші бас бұрынғы вице
        """.split()
    ),
    title_postmodifiers=Words({"орынбасар-"}),
    org_heads=Words(
        """
        министрлі- агенттігі агенттік ұйым- департамент- комитет- комиссия-
        кеңес- парламент- мәжіліс- сенат- партия- университет- институт-
        академия- қор қоры қорының қорына қорын қорынан қауымдастығы одақ- банк-
        компания- орталығ- үкімет- кабинет-
        қызмет- әкімдігі әкімдік сот- палата- федерация- холдинг- басқармасы
        басқарма- бөлім- арна арнасы арнасының арнасына арнасында газет- телеарна-
        """.split()
    ),
    org_unit_heads=Words({"департамент-", "басқарма-", "басқармасы", "бөлім-", "қызмет-"}),
    name_connectors=frozenset({"және"}),
    title_org_preps=frozenset(),
    honorifics=Words({"мырза", "ханым"}),
    pronouns=frozenset("олар біз мен сен сіз бұлар солар".split()),
    person_pronouns=Words({"ол", "оның", "оған", "оны"}),
    determiners=frozenset({"бұл", "сол", "осы", "бір"}),
    time_adverbs=frozenset({"бүгін", "бүрсігүні", "ертең", "кеше", "қазір"}),
    conjunctions=frozenset({"және", "бірақ", "алайда", "немесе"}),
    head_final=True,
    clause_endings=("ғанын", "генін", "қанын", "кенін", "ғандығын", "гендігін", "атынын", "етінін"),
    derivational_suffixes=("дық", "дік", "тық", "тік", "лық", "лік", "ша", "ше"),
    country_aliases={"Қазақстан Республикасы": "KZ", "АҚШ": "US"},
    plural_suffixes=("лар", "лер", "дар", "дер", "тар", "тер"),
    case_endings=tuple("мен пен бен ты ті ды ді ны ні".split()),
    place_case_endings=(
        "ға",
        "ге",
        "қа",
        "ке",
        "да",
        "де",
        "та",
        "те",
        "нда",
        "нде",
        "дан",
        "ден",
        "тан",
        "тен",
        "нан",
        "нен",
    ),
    genitive_suffixes=("ның", "нің", "дың", "дің", "тың", "тің"),
    name_suffixes=frozenset({"ұлы", "қызы"}),
)
