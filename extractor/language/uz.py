"""Uzbek (Latin script; Cyrillic Uzbek is not covered yet).

Word lists are lower case; an entry ending in "-" is a stem matching its inflected
forms (see :class:`~extractor.language.Words`). Reporting verbs are those of Uzbek news
("dedi", "ta'kidladi", "bildirdi", "aytdi", "ma'lum qildi"), with the "... ga ko'ra"
cue. The modifier letter ʻ and the apostrophes ' ’ all occur in o'/g' and are written
here with "'"; text is matched after the same folding.
"""

from . import LangData, Words

LANG = LangData(
    code="uz",
    institution_nouns=Words("politsiya- prokuratura- vazirlik-".split()),
    reporting_verbs=Words(
        """
        dedi degan deya dey- ta'kidla- bildir- ayt- ma'lum izohla- qo'shimcha
        xabar- e'lon- eslat- javob-
        """.split()
    ),
    object_reporting_verbs=Words(),
    phrasal_reporting_verbs=frozenset(),
    cue_phrases=(("ma'lum", "qil-"), ("e'lon", "qil-"), ("qayd", "et-"), ("xabar", "ber-")),
    source_cues=(
        ("ko'ra",),
        ("so'zlariga", "ko'ra"),
        ("bayonotiga", "ko'ra"),
        ("ma'lumotiga", "ko'ra"),
        ("fikricha",),
    ),
    quote_pairs={"“": ("”", '"'), '"': ('"', "”"), "«": ("»",), "„": ("“", "”")},
    title_heads=Words(
        """
        vazir- prezident- direktor- rais- rahbar- boshliq- hokim- deputat- elchi-
        kotib- o'rinbosar- vakil- mutaxassis- ekspert- professor- rektor-
        sudya- prokuror- general- spiker- maslahatchi- muxbir- jurnalist- mudir-
        """.split()
    ),
    title_modifiers=Words(
        """
        tashqi ichki ishlar moliya adliya mudofaa ta'lim sog'liqni iqtisodiyot
        energetika madaniyat bosh birinchi sobiq matbuot
        """.split()
    ),
    title_postmodifiers=Words({"o'rinbosar-"}),
    org_heads=Words(
        """
        vazirlig- vazirlik agentlig- agentlik tashkilot- departament- qo'mita-
        komissiya- kengash- parlament- majlis- senat- partiya- universitet-
        institut- akademiya- jamg'arma- uyushma- ittifoq- bank- kompaniya-
        markaz- xizmat- hokimlig- sud- palata- federatsiya- boshqarma- bo'lim-
        """.split()
    ),
    org_unit_heads=Words({"departament-", "boshqarma-", "bo'lim-", "xizmat-"}),
    name_connectors=frozenset({"va"}),
    title_org_preps=frozenset(),
    honorifics=Words({"janob", "xonim"}),
    pronouns=frozenset("ular biz men sen siz bular".split()),
    person_pronouns=Words({"u", "uning", "unga", "uni"}),
    determiners=frozenset({"bu", "shu", "u", "bir"}),
    time_adverbs=frozenset({"bugun", "ertaga", "hozir", "kecha"}),
    conjunctions=frozenset({"va", "lekin", "ammo", "yoki"}),
    head_final=True,
    first_word_names=True,
    clause_endings=(
        "ganini",
        "kanini",
        "qanini",
        "ganligini",
        "kanligini",
        "ishini",
        # plural subjects: "... qilishganini"
        "shganini",
        "yotganini",
    ),
    clause_endings_bare=("gani", "kani", "qani", "ganligi", "ishi"),
    clause_postpositions=frozenset({"haqida"}),
    finite_endings=("di", "gan", "ydi", "yapti", "moqda", "dilar"),
    document_nouns=Words(
        ("bayonot- xabar- hisobot- hujjat- farmon- qaror- qonun- maktub- maqola-").split()
    ),
    locative_endings=("da",),
    anaphors_alone=frozenset("shunday buni shuni".split()),
    anaphors=frozenset("shunday buni bu shuni".split()),
    source_postpositions=frozenset("ko'ra binoan".split()),
    quotatives=frozenset({"deb", "deya"}),
    quotative_non_reports=Words("o'yla- atal- umid kutil- rejalashtiril-".split()),
    say_verbs=Words("dedi deydi degan deyishdi dedilar".split()),
    speaker_nouns=Words(
        """
        mutaxassis- ekspert- shifokor- aholi- olim- politsiya- huquqshunos-
        iqtisodchi- jurnalist- o'qituvchi- talaba- fuqaro- vakil- xodim- guvoh-
        manba- ba'zilar ayrimlar boshqalar ko'pchilik
        """.split()
    ),
    subject_particles=frozenset({"ham", "esa"}),
    openers=frozenset({"biroq", "ammo", "lekin", "shuningdek"}),
    non_report_endings=("moq", "ishga"),
    passive_endings=("rildi", "tildi", "landi", "lindi", "ilgan", "ingan"),
    passive_participle_endings=("ilgan", "ingan", "lgan"),
    participle_endings=("gan", "kan", "qan"),
    derivational_suffixes=("lik", "cha", "li"),
    name_suffix_apostrophes="",
    country_aliases={"O'zbekiston": "UZ", "O'zbekiston Respublikasi": "UZ", "AQSh": "US"},
    plural_suffixes=("lar",),
    case_endings=tuple("ni ning".split()),
    place_case_endings=(
        "ga",
        "ka",
        "qa",
        "da",
        "dan",
    ),
    genitive_suffixes=("ning",),
    name_suffixes=frozenset({"o'g'li", "qizi"}),
)
