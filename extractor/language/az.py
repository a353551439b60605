"""Azerbaijani (Latin script).

Word lists are lower case; an entry ending in "-" is a stem matching its inflected
forms (see :class:`~extractor.language.Words`). Reporting verbs are those of Azerbaijani
news ("bildirib", "deyib", "qeyd edib", "vurğulayıb", "söyləyib"), including the
converb "deyə" and the "... sözlərinə görə" (according to) cue; titles and
institutions are the heads of Azerbaijani official names ("Xarici İşlər naziri",
"Medianın İnkişafı Agentliyi", "şöbəsinin müdiri").
"""

from . import LangData, Words

LANG = LangData(
    code="az",
    institution_nouns=Words("polis- prokurorluq- nazirlik-".split()),
    reporting_verbs=Words(
        """
        bildir- deyib dedi deyir deyirlər dedilər deyiblər deyə deyərək söylə-
        vurğula- açıqla- əlavə xatırlat- çatdır- məlumat bəyan- izah- cavablandır- qeyd
        təsdiqlə-
        """.split()
    ),
    object_reporting_verbs=Words(),
    phrasal_reporting_verbs=frozenset(),
    cue_phrases=(
        # "... olduğunun altından xətt çəkib" (underlined, stressed)
        ("altından", "xətt", "çək-"),
        ("qeyd", "ed-"),
        ("əlavə", "ed-"),
        ("diqqətə", "çatdır-"),
        ("məlumat", "ver-"),
        ("bəyan", "ed-"),
        ("fikrini", "bildir-"),
        ("iddia", "ed-"),
        ("tələb", "ed-"),
        ("xəbərdarlıq", "ed-"),
        ("təkzib", "ed-"),
        ("vəd", "ver-"),
        ("tövsiyə", "ed-"),
    ),
    source_cues=(
        ("görə",),
        ("sözlərinə", "görə"),
        ("açıqlamasına", "görə"),
        ("məlumatına", "görə"),
        ("fikrincə",),
        # "Nazirin qeyd etdiyi kimi , …" (as the minister noted)
        ("dediyi", "kimi"),
        ("bildirdiyi", "kimi"),
        ("qeyd", "etdiyi", "kimi"),
        ("ifadə", "etdiyi", "kimi"),
        ("vurğuladığı", "kimi"),
    ),
    quote_pairs={
        "“": ("”", '"'),
        '"': ('"', "”"),
        "«": ("»",),
        "‘": ("’",),
        "”": ("”",),
    },
    title_heads=Words(
        """
        nazir- prezident- direktor- müdir- sədr- başçı- rəhbər-
        səfir- nümayəndə- katib- müavin- köməkçi- sözçü- deputat-
        komandan- general- professor- rektor- dekan- hakim- prokuror- vəkil-
        koordinator- məsləhətçi- müşavir- ekspert- mütəxəssis- redaktor- jurnalist-
        icraçı- kral kralı kralın kralına kralını krala kraldan kralının kraliça-
        politoloq- sosioloq- antropoloq- psixoloq- iqtisadçı- tarixçi- tədqiqatçı-
        yazıçı- şair- həkim- müəllim- rəssam- bəstəkar- aktyor- aktrisa- müğənni-
        məşqçi- analitik-
        """.split()
    ),
    title_modifiers=Words(
        """
        xarici daxili işlər maliyyə ədliyyə müdafiə təhsil səhiyyə iqtisadiyyat
        energetika mədəniyyət baş birinci keçmiş icraçı mətbuat şöbə
        """.split()
    ),
    title_postmodifiers=Words({"müavin-"}),
    org_heads=Words(
        """
        nazirliy- nazirlik agentliy- agentlik təşkilat- şöbə- departament- idarə-
        komitə- komissiya- şura- şurası məclis- parlament- partiya- universitet-
        institut- akademiya- fond- fondu assosiasiya- birliy- birlik bank- şirkət-
        mərkəz- xidmət- administrasiya- aparat- məhkəmə- palata- federasiya-
        ittifaq- qrup- nümayəndəliy- səfirliy- qurum- holdinq- teleradio- qəzet-
        televiziya- portal- kabinet-
        """.split()
    ),
    org_unit_heads=Words(
        """
        şöbə- departament- idarə- sektor- bölmə- xidmət- qrup- aparat-
        """.split()
    ),
    name_connectors=frozenset({"və", "üzrə"}),
    title_org_preps=frozenset(),
    honorifics=Words({"cənab", "xanım", "dr.", "prof.", "dr", "prof"}),
    pronouns=frozenset("onlar biz mən sən siz bunlar".split()),
    person_pronouns=Words({"o", "onun", "ona", "onu"}),
    determiners=frozenset({"bu", "həmin", "o", "bir"}),
    time_adverbs=frozenset({"bugün", "dünən", "indi", "srağagün"}),
    abbreviations=frozenset({"dr.", "prof.", "və s.", "b."}),
    conjunctions=frozenset({"və", "amma", "lakin", "ancaq", "yaxud", "ya", "bəs", "həm"}),
    head_final=True,
    complementizers=frozenset({"ki"}),
    clause_endings=(
        "dığını",
        "diyini",
        "duğunu",
        "düyünü",
        "tdığını",
        "acağını",
        "əcəyini",
        "madığını",
        "mədiyini",
        # plural subjects: "... etdiklərini", "... edəcəklərini"
        "dıqlarını",
        "diklərini",
        "duqlarını",
        "düklərini",
        "acaqlarını",
        "əcəklərini",
        # in the genitive, before "altından xətt çəkib": "... olduğunun altından"
        "dığının",
        "diyinin",
        "duğunun",
        "düyünün",
        "acağının",
        "əcəyinin",
        # first-person subjects: "... dəstəklədiyimizi bildirib", "... edəcəyimi"
        "dığımı",
        "diyimi",
        "duğumu",
        "düyümü",
        "acağımı",
        "əcəyimi",
        "dığımızı",
        "diyimizi",
        "duğumuzu",
        "düyümüzü",
        "acağımızı",
        "əcəyimizi",
        # what is asked for: "... verilməsini tələb edib"
        "masını",
        "məsini",
    ),
    clause_endings_bare=("dığı", "diyi", "duğu", "düyü", "acağı", "əcəyi"),
    clause_postpositions=frozenset({"barədə", "haqqında"}),
    finite_endings=(
        "dı",
        "di",
        "du",
        "dü",
        "ib",
        "ıb",
        "ub",
        "üb",
        "yir",
        "ır",
        "ir",
        "ur",
        "ür",
        "dılar",
        "dilər",
        "iblər",
        "ıblar",
        "irlər",
        "ırlar",
        "urlar",
        "ürlər",
    ),
    data_nouns=Words(
        "araşdırma- sorğu- hesablama- məlumat- hesabat- xəbər- proqnoz- təxmin-".split()
    ),
    document_nouns=Words(
        (
            "bəyanat- açıqlama- məlumat- hesabat- sənəd- fərman- qərar- qanun- məktub- "
            "məqalə- xəbər-"
        ).split()
    ),
    people_suffixes=("dakılar", "dəkilər", "takılar", "təkilər"),
    reflexives=frozenset({"özü"}),
    oblique_endings=tuple(
        "ə a yə ya nə na də da tə ta ndə nda dən dan tən tan ndən ndan in ın un ün "
        "nin nın nun nün ni nı nu nü yi yı lə la ylə yla".split()
    ),
    locative_endings=("da", "də", "ta", "tə"),
    anaphors_alone=frozenset("bunu bunları belə".split()),
    anaphors=frozenset("bunu bunları belə bu".split()),
    relative_endings=("diyi", "dığı", "duğu", "düyü", "tiyi", "tığı", "tuğu", "tüyü"),
    source_postpositions=frozenset("görə".split()),
    quotatives=frozenset({"deyə"}),
    mark_quotatives=frozenset({"şəklində", "formasında"}),
    speaking_verbs=Words("danış- müraciət".split()),
    quotative_non_reports=Words("düşün- ad ümid ümidvar gözlənil- planlaşdırıl- hesab".split()),
    say_verbs=Words("dedi deyib deyir deyirlər dedilər deyiblər deyərək".split()),
    speaker_nouns=Words(
        """
        mütəxəssis- ekspert- sakin- həkim- polis rəsmi- sözçü- analitik-
        jurnalist- müəllim- şagird- tələbə- vətəndaş- hüquqşünas- vəkil-
        iqtisadçı- politoloq- deputat- nümayəndə- əməkdaş- işçi- şahid- mənbə-
        bəziləri çoxları digərləri
        """.split()
    ),
    subject_particles=frozenset({"də", "da", "isə"}),
    openers=frozenset({"lakin", "amma", "ancaq", "həmçinin", "bununla", "yanaşı"}),
    non_report_endings=("maq", "mək", "ması", "məsi", "mağa", "məyə", "acaq", "əcək"),
    passive_endings=(
        "ildi",
        "ıldı",
        "uldu",
        "üldü",
        "ndi",
        "ndı",
        "ilib",
        "ılıb",
        "ulub",
        "ülüb",
        "nib",
        "nıb",
        "nub",
        "nüb",
    ),
    passive_participle_endings=("ılan", "ilən", "ulan", "ülən", "nan", "nən"),
    participle_endings=("ən", "an"),
    converb_endings=("araq", "ərək"),
    either_converb_endings=("ib", "ıb", "ub", "üb"),
    negation_infixes=("ma", "mə"),
    postpositions=frozenset("üçün kimi qədər haqqında qarşı rəğmən".split()),
    derivational_suffixes=("lı", "li", "lu", "lü", "ca", "cə", "ça", "çə", "lar", "lər"),
    name_suffix_apostrophes="'’",
    country_aliases={"Türkiyə": "TR", "Azərbaycan Respublikası": "AZ", "ABŞ": "US"},
    plural_suffixes=("lar", "lər"),
    case_endings=tuple("la lə nı ni nu nü u ü ı i".split()),
    place_case_endings=(
        "ya",
        "yə",
        "da",
        "də",
        "ta",
        "tə",
        "dan",
        "dən",
        "tan",
        "tən",
    ),
    genitive_suffixes=("nın", "nin", "nun", "nün", "ın", "in", "un", "ün"),
    dative_endings=("yə", "ya", "ə", "a"),
    name_suffixes=frozenset({"oğlu", "qızı", "xan", "bəy"}),
)
