"""Russian.

Entities come from natasha's news NER; its lemmatizer gives names in the nominative.
Reporting verbs are those of Russian news in the past tense, masculine, feminine and
plural ("заявил", "заявила", "заявили"), written as stems; "по словам X", "по мнению
X", "как отметил X" and "X заявил, что ..." are the common indirect forms.
"""

from . import LangData, Words

LANG = LangData(
    code="ru",
    reporting_verbs=Words(
        """
        заявил- сказал- отметил- подчеркнул- сообщил- рассказал- добавил- пояснил-
        указал- заметил- уточнил- признал- написал- ответил- напомнил- констатировал-
        считает говорит заявляет отмечает подчёркивает подчеркивает сообщает
        """.split()
    ),
    object_reporting_verbs=Words(),
    phrasal_reporting_verbs=frozenset(),
    source_cues=(("по", "словам"), ("по", "мнению"), ("по", "данным"), ("как", "отметил")),
    quote_pairs={"«": ("»",), "„": ("“", "”"), "“": ("”", '"'), '"': ('"', "”")},
    title_heads=Words(
        """
        министр- директор- президент- премьер-министр- председател- глав- руководител-
        начальник- посол- представител- пресс-секретар- спикер- депутат- сенатор-
        губернатор- мэр- генсек- секретар- заместител- замминистр- советник- эксперт-
        аналитик- профессор- ректор- судь- прокурор- генерал- командующ- директора
        """.split()
    ),
    title_modifiers=Words(
        """
        генеральный генерального первый первого бывший бывшего вице исполнительный
        исполнительного официальный официального
        """.split()
    ),
    title_postmodifiers=Words(),
    org_heads=Words(
        """
        министерств- агентств- департамент- управлени- комитет- комисси- совет-
        организаци- парти- университет- институт- академи- фонд- ассоциаци- союз-
        банк- компани- центр- служб- администраци- аппарат- суд- палат- федераци-
        группа группы- холдинг- правительств- парламент- дум-
        """.split()
    ),
    org_unit_heads=Words({"департамент-", "управлени-", "отдел-", "служб-", "сектор-"}),
    name_connectors=frozenset({"и"}),
    title_org_preps=frozenset(),
    honorifics=Words({"г-н", "г-жа", "господин", "госпожа"}),
    person_pronouns=Words({"он", "она", "его", "её", "ее", "ему", "ей"}),
    determiners=frozenset({"этот", "эта", "это", "тот", "та"}),
    conjunctions=frozenset({"и", "но", "а", "или"}),
    complementizers=frozenset({"что", "чтобы"}),
    dash_speech=True,
    # Names Russian news uses that CLDR's Russian territory names lack.
    country_aliases={
        "США": "US",
        "Соединённые Штаты": "US",
        "Америка": "US",
        "РФ": "RU",
        "Российская Федерация": "RU",
        "Британия": "GB",
        "Южная Корея": "KR",
        "Северная Корея": "KP",
        "КНДР": "KP",
        "КНР": "CN",
        "ОАЭ": "AE",
        "ФРГ": "DE",
        "Турецкая Республика": "TR",
        "Азербайджанская Республика": "AZ",
        "Кыргызстан": "KG",
    },
)
