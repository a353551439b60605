"""Turkish.

Word lists are lower case; an entry ending in "-" is a stem matching its inflected
forms (see :class:`~extractor.language.Words`). Reporting verbs are the speech verbs of
Turkish news ("dedi", "söyledi", "açıkladı", "belirtti", "vurguladı", "bildirdi",
"kaydetti", "ifade etti"); titles and institutions are the usual heads of Turkish
official names ("Dışişleri Bakanı", "Cumhurbaşkanlığı İletişim Başkanlığı").
"""

from . import LangData, Words

LANG = LangData(
    code="tr",
    institution_nouns=Words(
        "polis- emniyet- savcılık- jandarma- dergi- gazete- hükümet- hükumet-".split()
    ),
    reporting_verbs=Words(
        """
        dedi dediler demişti demiştir diyor diyorlar der derler demiş diye söyle- açıkla-
        belirt- vurgula- bildir- kaydet- kayded- ekledi eklemişti anlat- aktar-
        duyur- yanıtla- savun- uyardı uyarıyor uyaran iddia hatırlat- değerlendir- sordu sordular
        istedi istediler yorumla- eleştir- suçla- reddet- yalanla- doğrula- öner-
        diyerek diyen derken dediği değin- yazdı yazdılar yazıyor yazıyordu yazmıştı
        yazarak öngörüyor öngörür öngördü
        söylü- açıklıyor açıklıyorlar vurguluyor vurguluyorlar yorumluyor yanıtlıyor
        doğruluyor suçluyor yalanlıyor ekliyor ekliyorlar
        """.split()
    ),
    object_reporting_verbs=Words(),
    phrasal_reporting_verbs=frozenset(),
    cue_phrases=(
        # "... olduğunun altını çizdi" (underlined, stressed)
        ("altını", "çiz-"),
        ("ifade", "et-"),
        ("ifade", "ed-"),
        ("dile", "getir-"),
        ("açıklama", "yap-"),
        ("altını", "çiz-"),
        ("iddia", "et-"),
        ("iddia", "ed-"),
        ("öne", "sür-"),
        ("ileri", "sür-"),
        ("talep", "et-"),
        ("talep", "ed-"),
        ("işaret", "et-"),
        ("işaret", "ed-"),
        ("çağrıda", "bulun-"),
        ("uyarısında", "bulun-"),
        ("uyarıda", "bulun-"),
        ("açıklamada", "bulun-"),
        ("yorumunu", "yap-"),
        ("dikkat", "çek-"),
        ("dikkati", "çek-"),
        ("dikkat", "çekil-"),
        ("ifadesini", "kullan-"),
        ("ifadelerini", "kullan-"),
        ("görüşüne", "yer", "ver-"),
        ("görüşlere", "yer", "ver-"),
        ("görüşlerine", "yer", "ver-"),
        ("görüşünü", "savun-"),
        ("kaydetti",),
        ("şöyle", "devam", "et-"),
        ("şeklinde", "konuş-"),
        ("şöyle", "konuş-"),
        ("şunları", "konuş-"),
    ),
    source_cues=(
        ("göre",),
        ("açıklamasına", "göre"),
        ("açıklamalarına", "göre"),
        ("sözlerine", "göre"),
        ("ifadesine", "göre"),
        ("verdiği", "bilgiye", "göre"),
        # "Narayanan 'ın belirttiği gibi , …" (as Narayanan stated)
        ("belirttiği", "gibi"),
        ("söylediği", "gibi"),
        ("dediği", "gibi"),
        ("açıkladığı", "gibi"),
        ("vurguladığı", "gibi"),
        ("ifade", "ettiği", "gibi"),
        ("kaydettiği", "gibi"),
    ),
    quote_pairs={
        "“": ("”", '"'),
        '"': ('"', "”"),
        "«": ("»",),
        "‘": ("’",),
        "”": ("”",),
        # An apostrophe opening a quote, closed by a double mark in some archives.
        "'": ("'", '"', "”"),
    },
    title_heads=Words(
        """
        bakan- başkan- cumhurbaşkan- başbakan- müdür- direktör-
        sözcü- büyükelçi- vali- milletvekil- müsteşar-
        başkonsolos- konsolos- sekreter- yönetici- koordinatör-
        uzman- profesör- rektör- dekan- komutan- yardımcı- danışman-
        temsilci- hakim- savcı- avukat- başmüfettiş- müfettiş- kraliçe-
        kral kralı kralın kralına kralını krala kraldan kralının
        prens- şef- editör- muhabir- lider-
        yazar- gazeteci- futbolcu- şarkıcı- oyuncu- aktör- aktris- politikacı- siyasetçi-
        müzisyen- gitarist- diplomat- şair- tarihçi- subay- mühendis- yönetmen-
        senarist- besteci- ressam- heykeltıraş- akademisyen- sanatçı-
        antrenör- hakem- sunucu- spiker- vokalist-
        """.split()
    ),
    title_modifiers=Words(
        """
        dışişleri içişleri maliye adalet savunma milli eğitim sağlık ekonomi
        ticaret enerji kültür turizm ulaştırma tarım çalışma aile iletişim
        genel vekili yardımcısı eski baş kıdemli bölge il belediye
        """.split()
    ),
    title_postmodifiers=Words({"yardımcı-", "vekil-"}),
    org_heads=Words(
        """
        bakanlığ- bakanlık başkanlığ- başkanlık müdürlüğ- müdürlük kurum- kurul-
        kuruluş- teşkilat- örgüt- ajans- birliğ- birlik meclis- parti- partisi
        üniversite- enstitü- vakf- vakıf dernek- derneğ- şirket- holding- bankas-
        banka- mahkeme- konsey- komisyon- komite- federasyon- merkez- müze-
        hastane- gazete- televizyon- radyo- ofis- sekreterliğ- daire- dairesi
        genelkurmay- valiliğ- belediye- ittifak- konfederasyon-
        tiyatro tiyatros- tiyatrol- kulüb- kulüp işletme işletmes- işletmel- fakülte-
        savcılığ- savcılık odası odasın- yayınevi- sendika sendikas- sendikal-
        emniyet emniyeti- emniyetin- divan divanı- tesis tesisi- tesisler-
        sanayi sanayii sanayisi orkestra- şube- şubesi
        """.split()
    ),
    org_unit_heads=Words(
        """
        daire- dairesi müdürlüğ- müdürlük şube- şubesi departman- birim- bölüm-
        sekreterliğ- başkanlığ-
        """.split()
    ),
    name_connectors=frozenset({"ve"}),
    title_org_preps=frozenset(),
    honorifics=Words({"bay", "bayan", "sayın", "dr.", "prof.", "doç.", "dr", "prof", "doç"}),
    pronouns=frozenset("onlar biz ben sen siz bunlar".split()),
    person_pronouns=Words({"o", "onun", "ona", "onu", "kendisi", "kendisinin"}),
    determiners=frozenset({"bu", "şu", "o", "bir"}),
    time_adverbs=frozenset({"bugün", "dün", "evvelsi", "yarın", "şimdi"}),
    abbreviations=frozenset({"dr.", "prof.", "doç.", "av.", "vb.", "vs.", "örn."}),
    conjunctions=frozenset({"ve", "ama", "fakat", "ancak", "veya"}),
    head_final=True,
    complementizers=frozenset({"ki"}),
    clause_endings=(
        "dığını",
        "diğini",
        "duğunu",
        "düğünü",
        "tığını",
        "tiğini",
        "tuğunu",
        "tüğünü",
        "acağını",
        "eceğini",
        # plural subjects: "... verdiklerini", "... edeceklerini"
        "dıklarını",
        "diklerini",
        "duklarını",
        "düklerini",
        "tıklarını",
        "tiklerini",
        "tuklarını",
        "tüklerini",
        "acaklarını",
        "eceklerini",
        # in the genitive, before "altını çizdi": "... olduğunun altını çizdi"
        "dığının",
        "diğinin",
        "duğunun",
        "düğünün",
        "tığının",
        "tiğinin",
        "tuğunun",
        "tüğünün",
        "acağının",
        "eceğinin",
        # first-person subjects: "... desteklediğimizi ifade etti", "... yapacağımı"
        "dığımı",
        "diğimi",
        "duğumu",
        "düğümü",
        "tığımı",
        "tiğimi",
        "tuğumu",
        "tüğümü",
        "acağımı",
        "eceğimi",
        "dığımızı",
        "diğimizi",
        "duğumuzu",
        "düğümüzü",
        "tığımızı",
        "tiğimizi",
        "tuğumuzu",
        "tüğümüzü",
        "acağımızı",
        "eceğimizi",
        # in the dative: "... olduğuna dikkat çekti", "... geleceğine inandığını"
        "dığına",
        "diğine",
        "duğuna",
        "düğüne",
        "tığına",
        "tiğine",
        "tuğuna",
        "tüğüne",
        "acağına",
        "eceğine",
        # what is asked for: "... ödemesini istedi"
        "mesini",
        "masını",
        "melerini",
        "malarını",
    ),
    clause_endings_bare=(
        "dığı",
        "diği",
        "duğu",
        "düğü",
        "tığı",
        "tiği",
        "tuğu",
        "tüğü",
        "acağı",
        "eceği",
        "dıkları",
        "dikleri",
        "dukları",
        "dükleri",
        "acakları",
        "ecekleri",
    ),
    finite_endings=(
        "dı",
        "di",
        "du",
        "dü",
        "tı",
        "ti",
        "tu",
        "tü",
        "yor",
        "muş",
        "miş",
        "mış",
        "müş",
        "dılar",
        "diler",
        "dular",
        "düler",
        "tılar",
        "tiler",
    ),
    clause_postpositions=frozenset({"hakkında", "konusunda", "dair", "ilişkin", "yönünde"}),
    data_nouns=Words(
        "araştırma- anket- yoklama- tahmin- hesaplama- veri- bilgi- rapor- haber-".split()
    ),
    document_nouns=Words(
        (
            "açıklama- bildiri- gerekçe- tasarı- rapor- karar- mektub- mektup- metn- metin- "
            "genelge- kanun- yasa- madde- iddianame- dilekçe- tebliğ- araştırma- anket- "
            "yazısı- yazısın- yazıda konuşma- mesaj- demeç- söyleşi- röportaj-"
        ).split()
    ),
    # Nouns that begin as a reporting verb does ("suçlarla", with crimes; "suçla-",
    # to accuse; "önerge", a motion).
    non_cue_words=Words(
        "suçlar suçlarla suçları suçlara suçlarda suçlardan suçların önerge-".split()
    ),
    people_suffixes=("dakiler", "dekiler", "takiler", "tekiler"),
    reflexives=frozenset({"kendisi"}),
    oblique_endings=tuple(
        "e a ye ya ne na de da te ta nde nda den dan ten tan nden ndan in ın un ün "
        "nin nın nun nün ni nı nu nü yi yı le la yle yla".split()
    ),
    locative_endings=("da", "de", "ta", "te"),
    anaphors_alone=frozenset("bunu bunları şunları böyle şöyle".split()),
    anaphors=frozenset("bunu bunları şunları böyle şöyle bu".split()),
    relative_endings=("diği", "dığı", "duğu", "düğü", "tiği", "tığı", "tuğu", "tüğü"),
    source_postpositions=frozenset("göre".split()),
    quotatives=frozenset({"diye"}),
    mark_quotatives=frozenset({"şeklinde", "biçiminde"}),
    speaking_verbs=Words("konuş- seslen- hitap".split()),
    quotative_non_reports=Words(
        """düşün- ad umuyor umut umar umuyoruz bekleniyor beklen- planlan- sanıyor sanır
        sanıyoruz""".split()
    ),
    say_verbs=Words(
        (
            "dedi dediler demişti diyor diyorlar der derler demiş demişler diyerek derken "
            "demiştir demişlerdir"
        ).split()
    ),
    speaker_nouns=Words(
        """
        yetkili- uzman- polis savcı- avukat- hukukçu- borsacı- gazeteci- yazar-
        muhabir- analist- ekonomist- tanık- tanığ- kaynak- kaynağ- yorumcu- araştırmacı- doktor-
        hekim- öğretmen- öğrenci- veli- taraftar- futbolcu- oyuncu- antrenör- hoca
        halk vatandaş- sakin- aile- diplomat- üye- yönetici- işçi- sendikacı-
        akademisyen- sanatçı- bilirkişi- komutan- dergi- seçmen- kulüp- takım- emekli-
        adamı adamları işadam- siyasetçi- politikacı- milletvekil- temsilci- sözcü-
        hükümet- hükumet- gözlemci- turist- grup- grubu
        bazıları kimileri birçokları diğerleri
        """.split()
    ),
    subject_particles=frozenset({"de", "da", "ise"}),
    openers=frozenset({"ancak", "ama", "fakat", "ayrıca", "oysa", "öte", "yandan"}),
    non_report_endings=(
        "mak",
        "mek",
        "ma",
        "me",
        "ması",
        "mesi",
        "maya",
        "meye",
        "mayı",
        "meyi",
        "masına",
        "mesine",
        "mada",
        "mede",
        "madan",
        "meden",
        "masında",
        "mesinde",
        "elim",
        "alım",
        # The future reports nothing yet ("açıklanacak", to be announced; "söyleyecek").
        "acak",
        "ecek",
        "acaklar",
        "ecekler",
        # A plural in a case is a noun ("eleştirilere", to the criticisms).
        "lere",
        "lara",
        "leri",
        "ları",
        "lerin",
        "ların",
        "lerde",
        "larda",
        "lerden",
        "lardan",
    ),
    passive_endings=(
        "ildi",
        "ıldı",
        "uldu",
        "üldü",
        # "söylendi", "açıklandı" (not "uyarısında bulundu", made a warning)
        "ndi",
        "ndı",
        "iliyor",
        "ılıyor",
        "uluyor",
        "ülüyor",
        "niyor",
        "nıyor",
    ),
    passive_participle_endings=("ılan", "ilen", "ulan", "ülen", "nan", "nen"),
    participle_endings=("en", "an"),
    converb_endings=("arak", "erek"),
    either_converb_endings=("ip", "ıp", "up", "üp"),
    negation_infixes=("ma", "me"),
    postpositions=frozenset("için gibi kadar hakkında karşı rağmen".split()),
    derivational_suffixes=("lı", "li", "lu", "lü", "ca", "ce", "ça", "çe", "ler", "lar"),
    name_suffix_apostrophes="'’",
    country_aliases={"Türkiye": "TR", "Türkiye Cumhuriyeti": "TR", "ABD": "US"},
    plural_suffixes=("lar", "ler"),
    genitive_suffixes=("nın", "nin", "nun", "nün", "ın", "in", "un", "ün"),
    dative_endings=("ye", "ya", "e", "a"),
    suffix_apostrophe_required=True,
    name_suffixes=frozenset({"oğlu", "paşa"}),
    address_terms=frozenset(
        f"{word}{ending}"
        for word, endings in (
            ("bey", ("", "in", "i", "e", "le", "den", "de", "ler")),
            ("hanım", ("", "ın", "ı", "a", "la", "dan", "da")),
            ("abi", ("", "nin", "yi", "ye", "yle", "den", "de")),
            ("abla", ("", "nın", "yı", "ya", "yla", "dan", "da")),
            ("efendi", ("", "nin", "yi", "ye", "yle", "den", "de")),
        )
        for ending in endings
    ),
)
