"""Kyrgyz (Cyrillic script).

Word lists are lower case; an entry ending in "-" is a stem matching its inflected
forms (see :class:`~extractor.lang.Words`). Reporting verbs are those of Kyrgyz news
("деди", "билдирди", "белгиледи", "айтты", "маалымдады"), with the "... боюнча" and
"... сөзүнө караганда" cues.
"""

from . import LangData, Words

LANG = LangData(
    code="ky",
    reporting_verbs=Words(
        """
        деди деп дейт деген билдир- белгиле- айт- маалымда- түшүндүр- кошумчала-
        эскерт- жооп- билдирүү- баса
        """.split()
    ),
    object_reporting_verbs=Words(),
    phrasal_reporting_verbs=frozenset(),
    cue_phrases=(("белгилеп", "өт-"), ("баса", "белгиле-"), ("маалымат", "бер-")),
    source_cues=(("боюнча",), ("сөзүнө", "караганда"), ("айтымында",)),
    quote_pairs={"«": ("»",), "“": ("”", '"'), '"': ('"', "”"), "„": ("“", "”")},
    title_heads=Words(
        """
        министр- президент- директор- төрага- башчы- жетекчи- депутат- элчи-
        катчы- басар- өкүл- эксперт- профессор- ректор- судья- прокурор-
        генерал- спикер- кеңешчи- журналист- кабарчы- мэр-
        """.split()
    ),
    title_modifiers=Words(
        """
        тышкы ички иштер финансы юстиция коргоо билим берүү саламаттыкты
        экономика маданият биринчи башкы мурдагы басма сөз
        """.split()
    ),
    title_postmodifiers=Words({"орун", "басар-"}),
    org_heads=Words(
        """
        министрлиг- министрлик агенттиг- агенттик уюм- департамент- комитет-
        комиссия- кеңеш- парламент- партия- университет- институт-
        академия- фонд- бирикме- союз- банк- компания- борбор- кызмат- мэрия-
        сот- палата- федерация- башкармалыг- бөлүм- кабинет-
        """.split()
    ),
    org_unit_heads=Words({"департамент-", "башкармалыг-", "бөлүм-", "кызмат-"}),
    name_connectors=frozenset({"жана"}),
    title_org_preps=frozenset(),
    honorifics=Words({"мырза", "айым"}),
    person_pronouns=Words({"ал", "анын", "ага", "аны"}),
    determiners=frozenset({"бул", "ошол", "ал", "бир"}),
    time_adverbs=frozenset({"азыр", "бүгүн", "кечээ", "эртең"}),
    conjunctions=frozenset({"жана", "бирок", "же"}),
    head_final=True,
    clause_endings=(
        "ганын",
        "генин",
        "канын",
        "кенин",
        "гонун",
        "гөнүн",
        "конун",
        "көнүн",
        "гандыгын",
        "гендигин",
    ),
    derivational_suffixes=("дык", "дик", "тык", "тик", "лык", "лик", "ча", "че"),
    country_aliases={"Кыргыз Республикасы": "KG", "АКШ": "US"},
    plural_suffixes=(
        "лар",
        "лер",
        "лор",
        "лөр",
        "дар",
        "дер",
        "дор",
        "дөр",
        "тар",
        "тер",
        "тор",
        "төр",
    ),
    genitive_suffixes=(
        "нын",
        "нин",
        "нун",
        "нүн",
        "дын",
        "дин",
        "дун",
        "дүн",
        "тын",
        "тин",
        "тун",
        "түн",
    ),
    name_suffixes=frozenset({"уулу", "кызы"}),
)
