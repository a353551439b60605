"""Who said what in Turkish, Azerbaijani, Kazakh, Uzbek and Kyrgyz, table-driven:
sentences written for these tests in the style of each language's news agencies. Each
case lists entities that must be found (type, name), the quotes expected (content,
kind, speaker mention) and, when given, every role. Sentences that report no speech
are in tests/entities/test_turkic.py."""

from __future__ import annotations

import pytest

from extractor import Extractor

from ..helpers import case_params, check_case

pytestmark = pytest.mark.model

# (id, language, text, {(type, name)}, [(content, kind, speaker mention)][,
#  {(person, title, organization or country)}: every role, when given])
CASES = [
    # --- Turkish ---
    (
        "tr-whether-or-not-is-no-cue",
        "tr",
        "Şirket, müşterilerden ek ücret talep edip etmeyeceğine bayilerin karar "
        "vereceğini söyledi.",
        set(),
        [
            (
                "müşterilerden ek ücret talep edip etmeyeceğine bayilerin karar vereceğini",
                "indirect",
                "Şirket",
            )
        ],
    ),
    (
        "tr-whether-or-not-with-a-buffer-letter",
        "tr",
        "Vali, kararı bugün açıklayıp açıklamayacaklarını henüz bilmediklerini belirtti.",
        set(),
        [("kararı bugün açıklayıp açıklamayacaklarını henüz bilmediklerini", "indirect", "Vali")],
    ),
    (
        "tr-softened-noun-of-people-before-a-comma",
        "tr",
        "Olayın görgü tanığı, yangının gece yarısı başladığını itfaiyeye anlattı.",
        set(),
        [("yangının gece yarısı başladığını", "indirect", "Olayın görgü tanığı")],
    ),
    (
        "tr-a-country-and-its-government",
        "tr",
        "Bulgaristan hükümeti dün yaptığı açıklamada, sınır kapısının yeniden açılacağını duyurdu.",
        {("COUNTRY", "Bulgaristan")},
        [("sınır kapısının yeniden açılacağını", "indirect", "Bulgaristan hükümeti")],
    ),
    (
        "tr-participles-in-a-row-one-speaker",
        "tr",
        'Maç öncesinde "Kazanmak zorundayız" diyen, takımın hazır olduğunu belirten '
        "Teknik Direktör Şenol Güneş, taraftarlara teşekkür etti.",
        {("PERSON", "Şenol Güneş")},
        [
            ("Kazanmak zorundayız", "direct", "Şenol Güneş"),
            ("takımın hazır olduğunu", "indirect", "Şenol Güneş"),
        ],
    ),
    (
        "tr-name-before-postposition-no-speaker",
        "tr",
        'Ahmet Kaya için "Çok yetenekli bir oyuncu" dedi.',
        {("PERSON", "Ahmet Kaya")},
        [("Çok yetenekli bir oyuncu", "direct", None)],
    ),
    (
        "kk-progressive-auxiliary-is-part-of-the-cue",
        "kk",
        "Жол жөндеу жұмыстары кешігіп жатқанын айтып отыр депутаттар .",
        set(),
        [("Жол жөндеу жұмыстары кешігіп жатқанын", "indirect", "депутаттар")],
    ),
    (
        "kk-verb-made-of-an-institution-noun-is-no-speaker",
        "kk",
        "Мамандар ұйымдастыру шаралары жақсарғанын айтты .",
        set(),
        [("ұйымдастыру шаралары жақсарғанын", "indirect", "Мамандар")],
    ),
    (
        "kk-according-to-an-institution-named-in-full",
        "kk",
        "Әуе көлігі халықаралық қауымдастығының есебінше , сұраныс төмендеп кетті .",
        set(),
        [("сұраныс төмендеп кетті", "indirect", "Әуе көлігі халықаралық қауымдастығының")],
    ),
    (
        "kk-according-to-after-a-time-phrase-is-only-the-owner",
        "kk",
        "Енді 2030 жылы , сәулетшілердің айтуынша , қала жаңа көшелерге ие болады .",
        set(),
        [("қала жаңа көшелерге ие болады", "indirect", "сәулетшілердің")],
    ),
    ("kk-is-called-is-no-report", "kk", "Бұл жүйе « Цифрлы ауыл » деп аталады .", set(), []),
    (
        "kk-planned-is-no-report",
        "kk",
        "Келісімге қол қойылады деп жоспарланған .",
        set(),
        [],
    ),
    (
        "kk-people-of-an-institution-after-a-verb-of-saying",
        "kk",
        "« Заңды жетілдіру қажет » , — дейді Мәжіліс депутаттары .",
        {("ORGANIZATION", "Мәжіліс")},
        [("Заңды жетілдіру қажет", "direct", "Мәжіліс депутаттары")],
    ),
    (
        "kk-description-after-a-verb-of-saying-ending-the-sentence",
        "kk",
        "« Мені алдады » , — дейді жазасын өтеуші .",
        set(),
        [("Мені алдады", "direct", "жазасын өтеуші")],
    ),
    (
        "kk-a-time-word-after-the-verb-is-no-speaker",
        "kk",
        "« Жол жөнделеді » , — деді кеше .",
        set(),
        [("Жол жөнделеді", "direct", None)],
    ),
    (
        "kk-staff-of-a-ministry-not-those-they-speak-of",
        "kk",
        "Еңбек министрлігінің қызметкерлері кей тұрғындар көмекті алғысы келетінін айтты .",
        set(),
        [
            (
                "кей тұрғындар көмекті алғысы келетінін",
                "indirect",
                "Еңбек министрлігінің қызметкерлері",
            )
        ],
    ),
    (
        "kk-announced-participle-describes-a-noun",
        "kk",
        "Сәуле Ахметова алдын ала жарияланған нәтижемен келісетінін айтты .",
        set(),
        [("алдын ала жарияланған нәтижемен келісетінін", "indirect", "Сәуле Ахметова")],
    ),
    (
        "kk-opener-and-time-word-before-the-subject",
        "kk",
        "Енді бүгін Ұлттық экономика министрлігінің өкілдері жаңа бағдарлама әзірлегенін "
        "хабарлады .",
        set(),
        [
            (
                "жаңа бағдарлама әзірлегенін",
                "indirect",
                "Ұлттық экономика министрлігінің өкілдері",
            )
        ],
    ),
    (
        "tr-bare-according-to-takes-the-source-right-before-it",
        "tr",
        "Teklife göre , cezasını ödemeyenler DİE 'nin yıllık faiz oranlarına göre ceza ödeyecek .",
        set(),
        [],
    ),
    (
        "tr-according-to-experts",
        "tr",
        "Uzmanlara göre kriz bu yıl derinleşecek .",
        set(),
        [("kriz bu yıl derinleşecek", "indirect", "Uzmanlara")],
    ),
    (
        "tr-converb-shares-the-subject-named-after-it",
        "tr",
        "İstanbul 'a alışamadığını söyleyerek köyüne dönmek isteyen Adile Kaya da \" "
        'İstanbul cennet değil " dedi',
        {("PERSON", "Adile Kaya")},
        [
            ("İstanbul 'a alışamadığını", "indirect", "Adile Kaya"),
            ("İstanbul cennet değil", "direct", "Adile Kaya"),
        ],
    ),
    (
        "tr-genitive-noun-is-no-cue",
        "tr",
        "Genel Müdür Yardımcısı Eşref Ayaş , SSK açıklarının borçlanmayla kapatıldığını savundu",
        {("PERSON", "Eşref Ayaş")},
        [("SSK açıklarının borçlanmayla kapatıldığını", "indirect", "Eşref Ayaş")],
    ),
    (
        "tr-country-after-a-relative-clause",
        "tr",
        "Kıbrıs sorununda önemli rol oynayan ABD , önerinin olumlu olduğunu açıkladı",
        set(),
        [("önerinin olumlu olduğunu", "indirect", "ABD")],
    ),
    (
        "tr-present-tense-cue-with-a-colon",
        "tr",
        'Ahmet Yılmaz şunu söylüyor : " Seçimler baharda yapılacak . "',
        {("PERSON", "Ahmet Yılmaz")},
        [("Seçimler baharda yapılacak .", "direct", "Ahmet Yılmaz")],
    ),
    (
        "tr-relative-participle-subject-in-the-genitive",
        "tr",
        'Ahmet Yılmaz \'ın " müzakereye açığız " dediği konu takvimle sınırlı değil',
        {("PERSON", "Ahmet Yılmaz")},
        [("müzakereye açığız", "direct", "Ahmet Yılmaz 'ın")],
    ),
    (
        "tr-owner-in-the-genitive-of-a-plain-cue-is-no-speaker",
        "tr",
        "Ahmet Yılmaz 'ın partisi seçimlerin erken yapılacağını açıkladı",
        {("PERSON", "Ahmet Yılmaz")},
        [("seçimlerin erken yapılacağını", "indirect", "Ahmet Yılmaz 'ın partisi")],
    ),
    (
        "tr-participle-then-a-name-the-model-missed-before-a-quote",
        "tr",
        'Rakiplerini küçümsemediklerini belirten Terim " Moralimiz yerinde " diye konuştu',
        set(),
        [
            ("Rakiplerini küçümsemediklerini", "indirect", "Terim"),
            ("Moralimiz yerinde", "direct", "Terim"),
        ],
    ),
    (
        "kk-title-in-the-dative-is-no-speaker-a-pronoun-after-it-is",
        "kk",
        "Журналистерге берген сұхбатында ол әрдайым : « Бұл менің бағым » , — деп айтатын еді .",
        set(),
        [("Бұл менің бағым", "direct", "ол")],
    ),
    (
        "kk-did-not-say-is-no-report",
        "kk",
        "Асқар Мамин жұмысты « жаман » деген жоқ , бірақ « жеткіліксіз » деді .",
        {("PERSON", "Асқар Мамин")},
        [("жеткіліксіз", "direct", "Асқар Мамин")],
    ),
    (
        "kk-for-example-is-no-speaker",
        "kk",
        "Мысалы , ауыл басшылары « терісін қайтарып береміз » деп , пара алған .",
        set(),
        [("терісін қайтарып береміз", "direct", "ауыл басшылары")],
    ),
    (
        "kk-members-of-the-government",
        "kk",
        "Үкімет мүшелері « жұмсадық » деп жұмсақ айтады .",
        set(),
        [("жұмсадық", "direct", "Үкімет мүшелері")],
    ),
    (
        "kk-responsible-is-no-answer",
        "kk",
        "Мемлекет басшысы жауапты қызметті атқара отырып , бағытты жалғастыратынын айтты .",
        set(),
        [
            (
                "жауапты қызметті атқара отырып , бағытты жалғастыратынын",
                "indirect",
                "Мемлекет басшысы",
            )
        ],
    ),
    (
        "kk-title-with-a-quoted-party-name-after-the-verb",
        "kk",
        "« Тұжырымдаманы іске асыруға болады » , — деді « Нұр Отан » партиясы төрағасының "
        "орынбасары .",
        set(),
        [
            (
                "Тұжырымдаманы іске асыруға болады",
                "direct",
                "« Нұр Отан » партиясы төрағасының орынбасары",
            )
        ],
    ),
    (
        "kk-words-after-a-participle-with-a-finite-verb-are-no-speaker",
        "kk",
        "« Сабыр сақтаңыздар » , — деген тілегін жеткізді дәрігерлер .",
        set(),
        [("Сабыр сақтаңыздар", "direct", None)],
    ),
    (
        "az-a-name-the-model-does-not-know-opening-the-clause",
        "az",
        "Vladislava Çelaxa jurnalistlərə bildirib ki, danışıqlar gələn həftə davam edəcək.",
        set(),
        [("danışıqlar gələn həftə davam edəcək", "indirect", "Vladislava Çelaxa")],
    ),
    (
        "az-a-name-that-ends-like-a-genitive-is-the-subject",
        "az",
        "Vladimir Putin jurnalistlərə bildirib ki, danışıqlar gələn həftə davam edəcək.",
        {("PERSON", "Vladimir Putin")},
        [("danışıqlar gələn həftə davam edəcək", "indirect", "Vladimir Putin")],
    ),
    (
        "az-a-name-that-ends-like-a-locative-is-the-subject",
        "az",
        "Bu gün Con Vayda bildirib ki, plan hazırdır.",
        set(),
        [("plan hazırdır", "indirect", "Con Vayda")],
    ),
    (
        "az-whom-they-told-is-no-speaker",
        "az",
        "Dmitri Peskov Vladimir Putinə bildirib ki, danışıqlar davam edəcək.",
        set(),
        [("danışıqlar davam edəcək", "indirect", "Dmitri Peskov")],
    ),
    (
        "az-an-aide-whose-person-is-in-the-genitive",
        "az",
        "İlham Əliyevin köməkçisi bildirib ki, danışıqlar davam edəcək.",
        set(),
        [("danışıqlar davam edəcək", "indirect", "köməkçisi")],
    ),
    (
        "kk-the-reported-clauses-own-subject-is-no-speaker",
        "kk",
        "Ауылдың нағыз мақтанышы Серік Ахметов екенін айтты .",
        set(),
        [("Ауылдың нағыз мақтанышы Серік Ахметов екенін", "indirect", None)],
    ),
    (
        "kk-a-phrase-capitalized-by-opening-the-sentence-is-no-speaker",
        "kk",
        "Тағы бір жыл , бәрі жақсы болатынын айтты .",
        set(),
        [("Тағы бір жыл , бәрі жақсы болатынын", "indirect", None)],
    ),
    (
        "kk-regarding-as-is-no-report",
        "kk",
        "Мекеме барлық кооперативтерді « заңды тұлға » деп қабылдап отыр .",
        set(),
        [],
    ),
    (
        "kk-dreaming-is-no-report",
        "kk",
        "Тұрғындар қалаға жол салынса екен деп армандайды .",
        set(),
        [],
    ),
    (
        "tr-an-institution-opening-the-clause-is-no-name-run",
        "tr",
        "Dünya Bankası büyümenin yavaşlayacağını açıkladı .",
        set(),
        [("büyümenin yavaşlayacağını", "indirect", "Dünya Bankası")],
    ),
    (
        "kk-split-quote-attribution-inside-marks",
        "kk",
        "«Біз дайынбыз, – деді министр Асқар Жұмағалиев, – бірақ уақыт керек».",
        {("PERSON", "Асқар Жұмағалиев")},
        [
            (
                "Біз дайынбыз … бірақ уақыт керек",
                "direct",
                "Асқар Жұмағалиев",
            )
        ],
    ),
    (
        "kk-titled-person-in-genitive-nominalized-cue",
        "kk",
        "Президент Тоқаевтың экономика өсетінін айтқаны хабарланды.",
        set(),
        [("экономика өсетінін", "indirect", "Тоқаевтың")],
    ),
    (
        "kk-name-before-postposition-no-speaker",
        "kk",
        "Асқар Мамин үшін бұл маңызды шешім екенін айтты.",
        {("PERSON", "Асқар Мамин")},
        [("Асқар Мамин үшін бұл маңызды шешім екенін", "indirect", None)],
    ),
    (
        "tr-statement-issued-converb-comma",
        "tr",
        "Türkiye Futbol Federasyonu dün bir bildiri yayınlayarak, hakemlerin "
        "güvenliğinin sağlanacağını açıkladı.",
        set(),
        [
            (
                "hakemlerin güvenliğinin sağlanacağını",
                "indirect",
                "Türkiye Futbol Federasyonu",
            )
        ],
    ),
    (
        "tr-statement-made-converb",
        "tr",
        "Bakan, bir açıklama yaparak vergilerin düşeceğini söyledi.",
        set(),
        [("vergilerin düşeceğini", "indirect", "Bakan")],
    ),
    (
        "tr-passive-after-according-to-statement",
        "tr",
        "Yapılan açıklamaya göre, yeni hastanenin gelecek ay açılacağı belirtildi.",
        set(),
        [("yeni hastanenin gelecek ay açılacağı", "indirect", "Yapılan açıklamaya")],
    ),
    (
        "tr-titled-person-in-dative-is-no-speaker",
        "tr",
        'Teknik Direktör Toshack\'a "Yeter artık" dediler.',
        set(),
        [("Yeter artık", "direct", None)],
    ),
    (
        "tr-titled-person-in-genitive-nominalized-cue",
        "tr",
        "Başbakan Erdoğan'ın, ekonominin büyüyeceğini söylediği bildirildi.",
        set(),
        [("ekonominin büyüyeceğini", "indirect", "Erdoğan'ın")],
    ),
    (
        "tr-future-announces-nothing-yet",
        "tr",
        "Bakan yeni ekonomi paketini yarın açıklayacak.",
        set(),
        [],
    ),
    (
        "tr-document-colon",
        "tr",
        'Bildiride şu görüşlere yer verildi: "Kulübün hakları korunmalıdır."',
        set(),
        [("Kulübün hakları korunmalıdır.", "direct", "Bildiride")],
    ),
    (
        "tr-participle-described-source-two-reports",
        "tr",
        'Bütçeyi inceleyen dergi, harcamaların arttığını kaydederek "Bu gidişat '
        'sürdürülemez" ifadesini kullandı.',
        set(),
        [
            ("harcamaların arttığını", "indirect", "dergi"),
            ("Bu gidişat sürdürülemez", "direct", "dergi"),
        ],
    ),
    (
        "tr-described-people-before-comma",
        "tr",
        'Tabelayı gören bazı vatandaşlar, kiraların arttığını belirterek "Artık dükkanı '
        'kapatacağız" dediler.',
        set(),
        [
            ("kiraların arttığını", "indirect", "bazı vatandaşlar"),
            ("Artık dükkanı kapatacağız", "direct", "bazı vatandaşlar"),
        ],
    ),
    (
        "tr-plural-noun-in-case-is-no-cue",
        "tr",
        'Bazı seçmenler eleştirilere rağmen "Ona güveniyoruz" diyorlar.',
        set(),
        [("Ona güveniyoruz", "direct", "Bazı seçmenler")],
    ),
    (
        "tr-participle-subject-addressee-quote",
        "tr",
        'Toplantıya katılan Bakan Mehmet Şimşek, gazetecilere "Enflasyon düşecek" diye konuştu.',
        {("PERSON", "Mehmet Şimşek")},
        [("Enflasyon düşecek", "direct", "Mehmet Şimşek")],
    ),
    (
        "tr-dropped-subject-oblique-noun",
        "tr",
        "Yeni yasanın meclise geleceğini söyledi.",
        set(),
        [("Yeni yasanın meclise geleceğini", "indirect", None)],
    ),
    (
        "tr-channel-göre-then-speaker",
        "tr",
        "Reuters ajansının haberine göre, Bakan Mehmet Şimşek, vergilerin artmayacağını söyledi.",
        {("PERSON", "Mehmet Şimşek")},
        [("vergilerin artmayacağını", "indirect", "Mehmet Şimşek")],
    ),
    (
        "tr-country-speaks",
        "tr",
        "Türkiye, yeni müzakerelere hazır olduğunu müttefiklerine bildirdi.",
        {("COUNTRY", "Türkiye")},
        [("yeni müzakerelere hazır olduğunu", "indirect", "Türkiye")],
    ),
    (
        "tr-country-in-locative-is-no-speaker",
        "tr",
        "Türkiye'de seçimlerin ertelenmeyeceği açıklandı.",
        set(),
        [("Türkiye'de seçimlerin ertelenmeyeceği", "indirect", None)],
    ),
    (
        "kk-country-speaks",
        "kk",
        "Қазақстан келіссөздерге дайын екенін мәлімдеді.",
        set(),
        [("келіссөздерге дайын екенін", "indirect", "Қазақстан")],
    ),
    (
        "tr-nominalized-reporting-verbs-are-content",
        "tr",
        "Bakanlık Sözcüsü Ayşe Kaya, bakanın yarın açıklama yapacağını ve yeni planı "
        "duyuracağını aktardı.",
        {("PERSON", "Ayşe Kaya")},
        [
            (
                "bakanın yarın açıklama yapacağını ve yeni planı duyuracağını",
                "indirect",
                "Ayşe Kaya",
            )
        ],
    ),
    (
        "tr-soyle-devam-etti-colon-quote",
        "tr",
        "Sorunları sıralayan Başkan Ali Demir, bütçenin yetersiz olduğunu vurgulayarak "
        'şöyle devam etti: "Yollarımızı kendi imkânlarımızla yapacağız."',
        {("PERSON", "Ali Demir")},
        [
            ("bütçenin yetersiz olduğunu", "indirect", "Ali Demir"),
            ("Yollarımızı kendi imkânlarımızla yapacağız.", "direct", "Ali Demir"),
        ],
    ),
    (
        "tr-genitive-source-of-gore-phrase",
        "tr",
        "Bakanlığın açıklamasına göre, yeni düzenleme ocak ayında yürürlüğe girecek.",
        set(),
        [("yeni düzenleme ocak ayında yürürlüğe girecek", "indirect", "Bakanlığın")],
    ),
    (
        "tr-author-of-the-statement",
        "tr",
        "Valiliğin yaptığı yazılı açıklamada, yolların trafiğe kapatıldığı belirtildi.",
        set(),
        [("yolların trafiğe kapatıldığı", "indirect", "Valiliğin")],
    ),
    (
        "tr-speech-event-is-no-content",
        "tr",
        "Yaptığı açıklamada, yolların trafiğe kapatıldığını söyledi.",
        set(),
        [("yolların trafiğe kapatıldığını", "indirect", None)],
    ),
    (
        "tr-seklinde-konustu",
        "tr",
        'Bakan Yılmaz, "Krizi aşacağız" şeklinde konuştu.',
        set(),
        [("Krizi aşacağız", "direct", "Yılmaz")],
    ),
    (
        "az-genitive-source-of-gore-phrase",
        "az",
        "Nazirliyin açıqlamasına görə, yeni qaydalar yanvarda qüvvəyə minəcək.",
        set(),
        [("yeni qaydalar yanvarda qüvvəyə minəcək", "indirect", "Nazirliyin")],
    ),
    (
        "uz-genitive-source-of-kora-phrase",
        "uz",
        "Vazirlikning bayonotiga koʻra, yangi qoidalar yanvarda kuchga kiradi.",
        set(),
        [("yangi qoidalar yanvarda kuchga kiradi", "indirect", "Vazirlikning")],
    ),
    (
        "kk-genitive-source-of-one-word-cue",
        "kk",
        "Сарапшылардың пікірінше, баға әлі де өседі.",
        set(),
        [("баға әлі де өседі", "indirect", "Сарапшылардың")],
    ),
    (
        "az-title-noun-between-quotative-and-verb",
        "az",
        '"Biz hazırıq", - deyə nazir vurğulayıb.',
        set(),
        [("Biz hazırıq", "direct", "nazir")],
    ),
    (
        "tr-direct-dedi-after-name",
        "tr",
        "«Barış için her adımı atacağız», dedi Dışişleri Bakanı Hakan Fidan.",
        {("PERSON", "Hakan Fidan"), ("TITLE", "Dışişleri Bakanı")},
        [("Barış için her adımı atacağız", "direct", "Hakan Fidan")],
    ),
    (
        "tr-indirect-olduğunu-söyledi",
        "tr",
        "Hakan Fidan, iki ülke arasındaki ilişkilerin güçlü olduğunu söyledi.",
        {("PERSON", "Hakan Fidan")},
        [("iki ülke arasındaki ilişkilerin güçlü olduğunu", "indirect", "Hakan Fidan")],
    ),
    (
        "tr-colon-quote",
        "tr",
        "Ekonomi Bakanı Mehmet Şimşek açıklama yaptı: «Enflasyon düşmeye devam edecek.»",
        {("PERSON", "Mehmet Şimşek")},
        [("Enflasyon düşmeye devam edecek.", "direct", "Mehmet Şimşek")],
    ),
    (
        "tr-göre-source",
        "tr",
        "Ayşe Demir'e göre, yeni yasa basın özgürlüğünü kısıtlayacak.",
        {("PERSON", "Ayşe Demir")},
        [("yeni yasa basın özgürlüğünü kısıtlayacak", "indirect", "Ayşe Demir'e")],
    ),
    (
        "tr-direct-dedi-title-org",
        "tr",
        "İletişim Başkanı Fahrettin Altun, «Dezenformasyonla mücadele kararlılıkla sürecek» dedi.",
        {("PERSON", "Fahrettin Altun")},
        [("Dezenformasyonla mücadele kararlılıkla sürecek", "direct", "Fahrettin Altun")],
    ),
    (
        "tr-spokesperson-indirect",
        "tr",
        "Dışişleri Bakanlığı Sözcüsü Öncü Keçeli, iddiaların gerçeği yansıtmadığını belirtti.",
        {("PERSON", "Öncü Keçeli"), ("ORGANIZATION", "Dışişleri Bakanlığı")},
        [("iddiaların gerçeği yansıtmadığını", "indirect", "Öncü Keçeli")],
    ),
    (
        "tr-colon-after-cue",
        "tr",
        "Ticaret Bakanı Ömer Bolat şunları söyledi: «İhracat rekor kırdı.»",
        {("PERSON", "Ömer Bolat")},
        [("İhracat rekor kırdı.", "direct", "Ömer Bolat")],
    ),
    (
        "tr-dedi-ki-clause",
        "tr",
        "Selin Kaya dedi ki, seçim sonuçları henüz kesinleşmedi.",
        {("PERSON", "Selin Kaya")},
        [("seçim sonuçları henüz kesinleşmedi", "indirect", "Selin Kaya")],
    ),
    # --- Azerbaijani ---
    (
        "az-whether-or-not-is-no-cue",
        "az",
        "Nazir Elşən Həsənov qərarı bu gün açıqlayıb açıqlamayacaqlarını "
        "hələ bilmədiklərini bildirib.",
        {("PERSON", "Elşən Həsənov")},
        [
            (
                "qərarı bu gün açıqlayıb açıqlamayacaqlarını hələ bilmədiklərini",
                "indirect",
                "Elşən Həsənov",
            )
        ],
    ),
    (
        "az-quoted-name-of-an-institution-is-no-quote",
        "az",
        "Dünən «Azəriqaz» İstehsalat Birliyinin sədri Rövşən Məmmədov bildirib ki, qaz "
        "təchizatı bərpa olunub.",
        {
            ("ORGANIZATION", "«Azəriqaz» İstehsalat Birliyi"),
            ("PERSON", "Rövşən Məmmədov"),
            ("TITLE", "sədri"),
        },
        [("qaz təchizatı bərpa olunub", "indirect", "Rövşən Məmmədov")],
        {("Rövşən Məmmədov", "sədri", "«Azəriqaz» İstehsalat Birliyi")},
    ),
    (
        "az-direct-deyə-speaker-between",
        "az",
        "«Biz birgə layihələri davam etdirəcəyik», - deyə Rasim Bağırov vurğulayıb.",
        {("PERSON", "Rasim Bağırov")},
        [("Biz birgə layihələri davam etdirəcəyik", "direct", "Rasim Bağırov")],
    ),
    (
        "az-bildirib-ki",
        "az",
        "Rasim Bağırov bildirib ki, Türk dövlətləri arasında informasiya mübadiləsi güclənir.",
        {("PERSON", "Rasim Bağırov")},
        [
            (
                "Türk dövlətləri arasında informasiya mübadiləsi güclənir",
                "indirect",
                "Rasim Bağırov",
            )
        ],
    ),
    (
        "az-headline-name-colon",
        "az",
        "Ceyhun Bayramov: Sülh prosesi geri dönməzdir",
        {("PERSON", "Ceyhun Bayramov")},
        [("Sülh prosesi geri dönməzdir", "direct", "Ceyhun Bayramov")],
    ),
    (
        "az-qeyd-edib-indirect",
        "az",
        "Leyla Məmmədova media sahəsində əməkdaşlığın genişləndiyini qeyd edib.",
        {("PERSON", "Leyla Məmmədova")},
        [("media sahəsində əməkdaşlığın genişləndiyini", "indirect", "Leyla Məmmədova")],
    ),
    (
        "az-president-ki-clause",
        "az",
        "Prezident İlham Əliyev bildirib ki, regionda sülh möhkəmlənir.",
        {("PERSON", "İlham Əliyev")},
        [("regionda sülh möhkəmlənir", "indirect", "İlham Əliyev")],
    ),
    (
        "az-qeyd-edib-after-quote",
        "az",
        "«Media sahəsində əməkdaşlıq vacibdir», - Rasim Bağırov qeyd edib.",
        {("PERSON", "Rasim Bağırov")},
        [("Media sahəsində əməkdaşlıq vacibdir", "direct", "Rasim Bağırov")],
    ),
    (
        "az-sözlərinə-görə",
        "az",
        "Nazir Ceyhun Bayramovun sözlərinə görə, danışıqlar yaxın həftələrdə davam edəcək.",
        set(),
        [("danışıqlar yaxın həftələrdə davam edəcək", "indirect", "Ceyhun Bayramovun")],
    ),
    (
        "az-follow-on-quote",
        "az",
        "«Əməkdaşlıq genişlənir», - deyə Leyla Məmmədova bildirib. «Yeni layihələr hazırlanır.»",
        {("PERSON", "Leyla Məmmədova")},
        # One quote in two pieces around its attribution, as in English.
        [
            (
                "Əməkdaşlıq genişlənir … Yeni layihələr hazırlanır.",
                "direct",
                "Leyla Məmmədova",
            )
        ],
    ),
    # --- Kazakh ---
    (
        "kk-data-say-source-unnamed",
        "kk",
        "Ресми деректерге сай, елде жұмыссыздық деңгейі төмендеді.",
        set(),
        [("елде жұмыссыздық деңгейі төмендеді", "indirect", None)],
    ),
    (
        "kk-subject-between-clause-and-cue",
        "kk",
        "Мектептің жабылатынын ауыл әкімі айтты.",
        set(),
        [("Мектептің жабылатынын", "indirect", "ауыл әкімі")],
    ),
    (
        "kk-phrasal-cue-tilge-tiek-etti",
        "kk",
        "Дәрігерлер науқастардың саны азайғанын тілге тиек етті.",
        set(),
        [("науқастардың саны азайғанын", "indirect", "Дәрігерлер")],
    ),
    (
        "kk-plural-nominalization",
        "kk",
        "Ал полицейлер күдіктілерді ұстау оңай емес екендіктерін айтады.",
        set(),
        [("күдіктілерді ұстау оңай емес екендіктерін", "indirect", "полицейлер")],
    ),
    (
        "kk-short-clause-after-sozinshe",
        "kk",
        "Ұлттық банк төрағасы Тимур Сүлейменовтің сөзінше, инфляция баяулайды.",
        {("PERSON", "Тимур Сүлейменов")},
        [("инфляция баяулайды", "indirect", "Тимур Сүлейменовтің")],
    ),
    (
        "kk-direct-деді",
        "kk",
        "Сыртқы істер министрі Мұрат Нұртілеу «Бейбітшілік бәрінен маңызды» деді.",
        {("PERSON", "Мұрат Нұртілеу"), ("TITLE", "Сыртқы істер министрі")},
        [("Бейбітшілік бәрінен маңызды", "direct", "Мұрат Нұртілеу")],
    ),
    (
        "kk-атап-өтті-indirect",
        "kk",
        "Мұрат Нұртілеу келіссөздердің жақсы өткенін атап өтті.",
        {("PERSON", "Мұрат Нұртілеу")},
        [("келіссөздердің жақсы өткенін", "indirect", "Мұрат Нұртілеу")],
    ),
    (
        "kk-title-person-деп-мәлімдеді",
        "kk",
        "Үкімет басшысы Олжас Бектенов «Экономика тұрақты өсіп келеді» деп мәлімдеді.",
        {("PERSON", "Олжас Бектенов")},
        [("Экономика тұрақты өсіп келеді", "direct", "Олжас Бектенов")],
    ),
    (
        "kk-деп-хабарлады-after-quote",
        "kk",
        "«Жоба келесі жылы аяқталады», – деп хабарлады Айгүл Сәрсенова.",
        {("PERSON", "Айгүл Сәрсенова")},
        [("Жоба келесі жылы аяқталады", "direct", "Айгүл Сәрсенова")],
    ),
    (
        "kk-айтты-indirect",
        "kk",
        "Аида Балаева медиа саласындағы ынтымақтастық күшейгенін айтты.",
        {("PERSON", "Аида Балаева")},
        [("медиа саласындағы ынтымақтастық күшейгенін", "indirect", "Аида Балаева")],
    ),
    # --- Uzbek (no gold data: transfer from the Azerbaijani model) ---
    (
        "uz-direct-dedi",
        "uz",
        "«Biz hamkorlikni davom ettiramiz», dedi Baxtiyor Saidov.",
        {("PERSON", "Baxtiyor Saidov")},
        [("Biz hamkorlikni davom ettiramiz", "direct", "Baxtiyor Saidov")],
    ),
    (
        "uz-indirect-ta'kidladi",
        "uz",
        "Tashqi ishlar vaziri Baxtiyor Saidov muzokaralar samarali o'tganini ta'kidladi.",
        {("PERSON", "Baxtiyor Saidov")},
        [("muzokaralar samarali o'tganini", "indirect", "Baxtiyor Saidov")],
    ),
    (
        "uz-president-direct",
        "uz",
        "Prezident Shavkat Mirziyoyev «Islohotlar davom etadi» dedi.",
        {("PERSON", "Shavkat Mirziyoyev")},
        [("Islohotlar davom etadi", "direct", "Shavkat Mirziyoyev")],
    ),
    # --- Kyrgyz (no gold data: transfer from the Kazakh model) ---
    (
        "ky-direct-деди",
        "ky",
        "«Биз кызматташтыкты улантабыз», деди Жээнбек Кулубаев.",
        {("PERSON", "Жээнбек Кулубаев")},
        [("Биз кызматташтыкты улантабыз", "direct", "Жээнбек Кулубаев")],
    ),
    (
        "ky-indirect-билдирди",
        "ky",
        "Тышкы иштер министри Жээнбек Кулубаев сүйлөшүүлөр ийгиликтүү өткөнүн билдирди.",
        {("PERSON", "Жээнбек Кулубаев")},
        [("сүйлөшүүлөр ийгиликтүү өткөнүн", "indirect", "Жээнбек Кулубаев")],
    ),
    (
        "ky-president-direct",
        "ky",
        "Президент Садыр Жапаров «Биз тынчтыкты колдойбуз» деди.",
        {("PERSON", "Садыр Жапаров")},
        [("Биз тынчтыкты колдойбуз", "direct", "Садыр Жапаров")],
    ),
    # --- added: roles (person, title, organization or country) checked too ---
    (
        "ky-first-word-capitalized-institution",
        "ky",
        "«Биз инвестиция тартабыз», - деди Министрлер кабинетинин төрагасы Адылбек Касымалиев.",
        {("ORGANIZATION", "Министрлер кабинети"), ("PERSON", "Адылбек Касымалиев")},
        [("Биз инвестиция тартабыз", "direct", "Адылбек Касымалиев")],
        {("Адылбек Касымалиев", "Министрлер кабинетинин төрагасы", "Министрлер кабинети")},
    ),
    (
        "ky-future-participle-clause",
        "ky",
        "Кыргызстандын Президенти Садыр Жапаров реформалар уланарын билдирди.",
        {("PERSON", "Садыр Жапаров"), ("COUNTRY", "Кыргызстан")},
        [("реформалар уланарын", "indirect", "Садыр Жапаров")],
    ),
    (
        "tr-acronym-opening-a-title-is-its-institution",
        "tr",
        "TBMM Başkanı Numan Kurtulmuş, yeni anayasa çalışmalarının süreceğini açıkladı.",
        {("ORGANIZATION", "TBMM"), ("PERSON", "Numan Kurtulmuş")},
        [("yeni anayasa çalışmalarının süreceğini", "indirect", "Numan Kurtulmuş")],
        {("Numan Kurtulmuş", "Başkanı", "TBMM")},
    ),
    (
        "az-acronym-before-a-title-is-its-institution",
        "az",
        "AMEA prezidenti İsa Həbibbəyli bildirib ki, elm inkişaf edir.",
        {("ORGANIZATION", "AMEA"), ("PERSON", "İsa Həbibbəyli")},
        [("elm inkişaf edir", "indirect", "İsa Həbibbəyli")],
        {("İsa Həbibbəyli", "prezidenti", "AMEA")},
    ),
    (
        "tr-indirect-açıkladı-portfolio-title",
        "tr",
        "Milli Eğitim Bakanı Yusuf Tekin, yeni müfredatın eylül ayında uygulanacağını açıkladı.",
        {("PERSON", "Yusuf Tekin"), ("TITLE", "Milli Eğitim Bakanı")},
        [("yeni müfredatın eylül ayında uygulanacağını", "indirect", "Yusuf Tekin")],
        {("Yusuf Tekin", "Milli Eğitim Bakanı", None)},
    ),
    (
        "tr-diye-konuştu-speaker-after",
        "tr",
        '"Enflasyonla mücadele kararlılıkla sürecek" diye konuştu Merkez Bankası Başkanı '
        "Fatih Karahan.",
        {("PERSON", "Fatih Karahan")},
        [("Enflasyonla mücadele kararlılıkla sürecek", "direct", "Fatih Karahan")],
        None,
    ),
    (
        "tr-göre-apostrophe-person",
        "tr",
        "TBMM Başkanı Numan Kurtulmuş'a göre, anayasa çalışmaları bu yıl tamamlanacak.",
        {("PERSON", "Numan Kurtulmuş"), ("TITLE", "Başkanı")},
        [("anayasa çalışmaları bu yıl tamamlanacak", "indirect", "Numan Kurtulmuş'a")],
        None,
    ),
    (
        "az-capitalized-portfolio-country-role",
        "az",
        "Azərbaycan Respublikasının Xarici İşlər Naziri Ceyhun Bayramov bildirib ki, "
        "danışıqlar davam edir.",
        {("PERSON", "Ceyhun Bayramov"), ("COUNTRY", "Azərbaycan Respublikası")},
        [("danışıqlar davam edir", "indirect", "Ceyhun Bayramov")],
        {("Ceyhun Bayramov", "Xarici İşlər Naziri", "Azərbaycan Respublikası")},
    ),
    (
        "az-genitive-organization-role-short-ki",
        "az",
        "Mərkəzi Bankın sədri Taleh Kazımov bildirib ki, inflyasiya azalır.",
        {("PERSON", "Taleh Kazımov"), ("ORGANIZATION", "Mərkəzi Bank")},
        [("inflyasiya azalır", "indirect", "Taleh Kazımov")],
        {("Taleh Kazımov", "sədri", "Mərkəzi Bank")},
    ),
    (
        "az-person-genitive-sözlərinə-görə",
        "az",
        "Rasim Bağırovun sözlərinə görə, Türk dövlətləri arasında əməkdaşlıq güclənir.",
        {("PERSON", "Rasim Bağırov")},
        [("Türk dövlətləri arasında əməkdaşlıq güclənir", "indirect", "Rasim Bağırovun")],
        None,
    ),
    (
        "az-title-word-inside-organization-name",
        "az",
        "Prezident Administrasiyasının rəhbəri Samir Nuriyev bildirib ki, islahatlar davam edəcək.",
        {("PERSON", "Samir Nuriyev"), ("ORGANIZATION", "Prezident Administrasiyası")},
        [("islahatlar davam edəcək", "indirect", "Samir Nuriyev")],
        {("Samir Nuriyev", "rəhbəri", "Prezident Administrasiyası")},
    ),
    (
        "kk-capitalized-title-country-role",
        "kk",
        "Қазақстан Республикасының Сыртқы істер министрі Мұрат Нұртілеу Түркиямен қарым-қатынас "
        "нығайып келе жатқанын атап өтті.",
        {("PERSON", "Мұрат Нұртілеу"), ("COUNTRY", "Түркия")},
        [
            (
                "Түркиямен қарым-қатынас нығайып келе жатқанын",
                "indirect",
                "Мұрат Нұртілеу",
            )
        ],
        None,
    ),
    (
        "kk-short-nominalized-clause",
        "kk",
        "Ұлттық банк төрағасы Тимур Сүлейменов инфляция баяулағанын мәлімдеді.",
        {("PERSON", "Тимур Сүлейменов"), ("TITLE", "Ұлттық банк төрағасы")},
        [("инфляция баяулағанын", "indirect", "Тимур Сүлейменов")],
        {("Тимур Сүлейменов", "Ұлттық банк төрағасы", None)},
    ),
    (
        "kk-деді-hyphenated-title",
        "kk",
        "«Біз инвестиция тартуды жалғастырамыз», – деді Премьер-министр Олжас Бектенов.",
        {("PERSON", "Олжас Бектенов"), ("TITLE", "Премьер-министр")},
        [("Біз инвестиция тартуды жалғастырамыз", "direct", "Олжас Бектенов")],
        {("Олжас Бектенов", "Премьер-министр", None)},
    ),
    (
        "kk-person-genitive-айтуынша",
        "kk",
        "Мұрат Нұртілеудің айтуынша, екі ел арасындағы сауда көлемі артты.",
        {("PERSON", "Мұрат Нұртілеу")},
        [("екі ел арасындағы сауда көлемі артты", "indirect", "Мұрат Нұртілеудің")],
        None,
    ),
    (
        "uz-indirect-maʼlum-qildi-title",
        "uz",
        "Tashqi ishlar vaziri Baxtiyor Saidov muzokaralar davom etayotganini ma'lum qildi.",
        {("PERSON", "Baxtiyor Saidov"), ("TITLE", "Tashqi ishlar vaziri")},
        [("muzokaralar davom etayotganini", "indirect", "Baxtiyor Saidov")],
        {("Baxtiyor Saidov", "Tashqi ishlar vaziri", None)},
    ),
    (
        "uz-name-colon-quote-dedi",
        "uz",
        'Prezident Shavkat Mirziyoyev: "Islohotlar to\'xtamaydi", dedi.',
        {("PERSON", "Shavkat Mirziyoyev")},
        [("Islohotlar to'xtamaydi", "direct", "Shavkat Mirziyoyev")],
        {("Shavkat Mirziyoyev", "Prezident", None)},
    ),
    (
        "uz-person-genitive-soʻzlariga-koʻra",
        "uz",
        "Mamarizo Nurmuratovning so'zlariga ko'ra, inflyatsiya sekin pasaymoqda.",
        {("PERSON", "Mamarizo Nurmuratov")},
        [("inflyatsiya sekin pasaymoqda", "indirect", "Mamarizo Nurmuratovning")],
        None,
    ),
    (
        "ky-indirect-билдирди-title",
        "ky",
        "Тышкы иштер министри Жээнбек Кулубаев сүйлөшүүлөр уланып жатканын билдирди.",
        {("PERSON", "Жээнбек Кулубаев"), ("TITLE", "Тышкы иштер министри")},
        [("сүйлөшүүлөр уланып жатканын", "indirect", "Жээнбек Кулубаев")],
        {("Жээнбек Кулубаев", "Тышкы иштер министри", None)},
    ),
    (
        "ky-деди-genitive-organization-role",
        "ky",
        "«Биз инвестицияларды колдойбуз», – деди Министрлер Кабинетинин төрагасы Адылбек "
        "Касымалиев.",
        {("PERSON", "Адылбек Касымалиев"), ("ORGANIZATION", "Министрлер Кабинети")},
        [("Биз инвестицияларды колдойбуз", "direct", "Адылбек Касымалиев")],
        {("Адылбек Касымалиев", "Министрлер Кабинетинин төрагасы", "Министрлер Кабинети")},
    ),
    (
        "ky-short-clause-белгиледи",
        "ky",
        "Улуттук банктын төрагасы Мелис Турганбаев инфляция төмөндөгөнүн белгиледи.",
        {("PERSON", "Мелис Турганбаев")},
        [("инфляция төмөндөгөнүн", "indirect", "Мелис Турганбаев")],
        None,
    ),
    (
        "kk-country-led-ministry-patronymic-quote",
        "kk",
        "Қазақстан Білім министрлігінің өкілі Асқар Бауыржан ұлы жаңа бағдарлама "
        "енгізілетінін хабарлады.",
        {("ORGANIZATION", "Қазақстан Білім министрлігі"), ("PERSON", "Асқар Бауыржан ұлы")},
        [("жаңа бағдарлама енгізілетінін", "indirect", "Асқар Бауыржан ұлы")],
        {
            (
                "Асқар Бауыржан ұлы",
                "Қазақстан Білім министрлігінің өкілі",
                "Қазақстан Білім министрлігі",
            )
        },
    ),
    # --- clauses of Turkic news: verbs of saying, nominalized clauses, quotatives,
    # participles, passives, anaphors; sentences that report nothing ---
    (
        "az-dığını-bildirib",
        "az",
        "Səhiyyə naziri Teymur Musayev yeni xəstəxananın ilin sonunadək istifadəyə veriləcəyini bildirib.",
        {("PERSON", "Teymur Musayev")},
        [
            (
                "yeni xəstəxananın ilin sonunadək istifadəyə veriləcəyini",
                "indirect",
                "Teymur Musayev",
            )
        ],
    ),
    (
        "az-experts-say-plural",
        "az",
        "Mütəxəssislər qış aylarında qaz istehlakının artacağını deyirlər.",
        set(),
        [("qış aylarında qaz istehlakının artacağını", "indirect", "Mütəxəssislər")],
    ),
    (
        "az-passive-bildirilib-no-speaker",
        "az",
        "Yolların təmirinin gələn ay başa çatacağı bildirilib.",
        set(),
        [("Yolların təmirinin gələn ay başa çatacağı", "indirect", None)],
    ),
    (
        "az-deyə-verb-then-speaker",
        "az",
        "«Sərhəddə vəziyyət sabitdir», - deyə Müdafiə Nazirliyinin mətbuat xidmətinin rəhbəri Vaqif Dərgahlı bildirib.",
        {("PERSON", "Vaqif Dərgahlı")},
        [("Sərhəddə vəziyyət sabitdir", "direct", "Vaqif Dərgahlı")],
    ),
    (
        "az-quote-then-name-qeyd-edib",
        "az",
        "«İqtisadi artım davam edəcək», - Mərkəzi Bankın sədri Taleh Kazımov qeyd edib.",
        {("PERSON", "Taleh Kazımov")},
        [("İqtisadi artım davam edəcək", "direct", "Taleh Kazımov")],
    ),
    (
        "az-participle-speaker-after",
        "az",
        "Danışıqların davam etdiyini bildirən Hikmət Hacıyev tərəflərin razılığa gələcəyinə ümid etdiyini söyləyib.",
        {("PERSON", "Hikmət Hacıyev")},
        [
            ("Danışıqların davam etdiyini", "indirect", "Hikmət Hacıyev"),
            ("tərəflərin razılığa gələcəyinə ümid etdiyini", "indirect", "Hikmət Hacıyev"),
        ],
    ),
    (
        "az-bu-barədə-anaphor",
        "az",
        "Nazirlik yeni qaydalar hazırlayıb. Bu barədə nazir müavini Elnur Əliyev məlumat verib.",
        {("PERSON", "Elnur Əliyev")},
        [("Nazirlik yeni qaydalar hazırlayıb", "indirect", "Elnur Əliyev")],
    ),
    (
        "az-fikrincə-source",
        "az",
        "Ekspert Natiq Cəfərlinin fikrincə, neftin qiyməti aşağı düşəcək.",
        {("PERSON", "Natiq Cəfərli")},
        [("neftin qiyməti aşağı düşəcək", "indirect", "Natiq Cəfərlinin")],
    ),
    (
        "az-residents-complain-tokenized",
        "az",
        "Sakinlər , « su ikinci gündür verilmir » , - deyə şikayət edirlər .",
        set(),
        [("su ikinci gündür verilmir", "direct", "Sakinlər")],
    ),
    (
        "az-ki-plural-officials",
        "az",
        "Rəsmilər bildiriblər ki, körpünün tikintisi payızda bitəcək.",
        set(),
        [("körpünün tikintisi payızda bitəcək", "indirect", "Rəsmilər")],
    ),
    (
        "az-said-with-time-adverb",
        "az",
        "Dünən Baş nazir Əli Əsədov iclasda yeni büdcənin qəbul edildiyini deyib.",
        {("PERSON", "Əli Əsədov")},
        [("yeni büdcənin qəbul edildiyini", "indirect", "Əli Əsədov")],
    ),
    (
        "az-purpose-deyə-is-no-quote",
        "az",
        "Uşaqlar dərsə gecikməsinlər deyə avtobus tez gəlir.",
        set(),
        [],
    ),
    (
        "az-no-report-object",
        "az",
        "Şirkət yeni məhsulunu təqdim edib.",
        set(),
        [],
    ),
    (
        "kk-residents-direct-speaker-after",
        "kk",
        "«Жол әлі жөнделген жоқ», — дейді жергілікті тұрғындар.",
        set(),
        [("Жол әлі жөнделген жоқ", "direct", "жергілікті тұрғындар")],
    ),
    (
        "kk-experts-nominalized",
        "kk",
        "Мамандар су тапшылығы күшейетінін айтты.",
        set(),
        [("су тапшылығы күшейетінін", "indirect", "Мамандар")],
    ),
    (
        "kk-title-name-nominalized-time",
        "kk",
        "Кеше Премьер-министр Әлихан Смайылов жаңа зауыт ашылатынын мәлімдеді.",
        {("PERSON", "Әлихан Смайылов")},
        [("жаңа зауыт ашылатынын", "indirect", "Әлихан Смайылов")],
    ),
    (
        "kk-бұл-туралы-standalone",
        "kk",
        "Бұл туралы Денсаулық сақтау министрі Ажар Ғиният мәлімдеді.",
        {("PERSON", "Ажар Ғиният")},
        [("Бұл", "indirect", "Ажар Ғиният")],
    ),
    (
        "kk-say-verb-any-clause",
        "kk",
        "Ал шаруалар биыл егін шықпай қалды дейді.",
        set(),
        [("биыл егін шықпай қалды", "indirect", "шаруалар")],
    ),
    (
        "kk-modal-is-no-report",
        "kk",
        "Бұл үлкен жетістік деп айтуға болады.",
        set(),
        [],
    ),
    (
        "kk-intention-is-no-report",
        "kk",
        "Олар жиынға барайын деп жатқан еді.",
        set(),
        [],
    ),
    (
        "kk-tokenized-direct",
        "kk",
        "« Жол уақытша жабылды » , — деді полиция өкілі .",
        set(),
        [("Жол уақытша жабылды", "direct", "полиция өкілі")],
    ),
    (
        "tr-experts-comma-subject",
        "tr",
        "Uzmanlar, enflasyonun yılın ikinci yarısında düşeceğini söyledi.",
        set(),
        [("enflasyonun yılın ikinci yarısında düşeceğini", "indirect", "Uzmanlar")],
    ),
    (
        "tr-subject-after-participle-phrase",
        "tr",
        "Toplantı sonrası açıklama yapan Dışişleri Bakanı Hakan Fidan, görüşmelerin yapıcı geçtiğini belirtti.",
        {("PERSON", "Hakan Fidan")},
        [("görüşmelerin yapıcı geçtiğini", "indirect", "Hakan Fidan")],
    ),
    (
        "tr-participle-speaker-after",
        "tr",
        "Krizin derinleşeceğini belirten Kılıçdaroğlu, hükümeti istifaya çağırdı.",
        {("PERSON", "Kılıçdaroğlu")},
        [("Krizin derinleşeceğini", "indirect", "Kılıçdaroğlu")],
    ),
    (
        "tr-passive-with-document",
        "tr",
        "Açıklamada, yeni düzenlemenin Ocak ayında yürürlüğe gireceği belirtildi.",
        set(),
        [("yeni düzenlemenin Ocak ayında yürürlüğe gireceği", "indirect", "Açıklamada")],
    ),
    (
        "tr-dedi-ve-second-report-inherits",
        "tr",
        'Erdoğan, "Kimseye boyun eğmeyeceğiz" dedi ve ekonomideki iyileşmenin süreceğini vurguladı.',
        {("PERSON", "Erdoğan")},
        [
            ("Kimseye boyun eğmeyeceğiz", "direct", "Erdoğan"),
            ("ekonomideki iyileşmenin süreceğini", "indirect", "Erdoğan"),
        ],
    ),
    (
        "tr-tokenized-direct",
        "tr",
        'Bakan , " Yeni yasa meclise gelecek " dedi .',
        set(),
        [("Yeni yasa meclise gelecek", "direct", "Bakan")],
    ),
    (
        "tr-writers-remark-is-no-report",
        "tr",
        "Durumu netleştirmek için belirtelim ki, seçimler ertelendi.",
        set(),
        [],
    ),
    (
        "tr-expected-announcement-is-no-report",
        "tr",
        "Şirketin yeni ürününü yarın açıklaması bekleniyor.",
        set(),
        [],
    ),
    (
        "tr-addressee-between-clause-and-verb",
        "tr",
        "Yetkililer, ihalenin iptal edildiğini ortaklara bildirdi.",
        set(),
        [("ihalenin iptal edildiğini", "indirect", "Yetkililer")],
    ),
    (
        "uz-experts-ganini",
        "uz",
        "Mutaxassislar narxlar pasayganini aytdi.",
        set(),
        [("narxlar pasayganini", "indirect", "Mutaxassislar")],
    ),
    (
        "az-statement-issued-converb-comma",
        "az",
        "Azərbaycan Futbol Federasiyası bəyanat yayaraq, hakimlərin təhlükəsizliyinin "
        "təmin ediləcəyini açıqlayıb.",
        set(),
        [
            (
                "hakimlərin təhlükəsizliyinin təmin ediləcəyini",
                "indirect",
                "Azərbaycan Futbol Federasiyası",
            )
        ],
    ),
    (
        "kk-member-of-unnamed-institution",
        "kk",
        "Ұлттық кәсіпкерлер палатасының мүшесі Ерлан Қошанов салық ауыртпалығы артып "
        "жатқанын айтты.",
        {("PERSON", "Ерлан Қошанов")},
        [("салық ауыртпалығы артып жатқанын", "indirect", "Ерлан Қошанов")],
    ),
    (
        "ky-residents-direct",
        "ky",
        "«Суу эки күндөн бери жок», — дейт тургундар.",
        set(),
        [("Суу эки күндөн бери жок", "direct", "тургундар")],
    ),
    # --- a law as the source of what it says ("according to the law") ---
    (
        "tr-law-says",
        "tr",
        "Siyasi Partiler Kanunu'na göre hiçbir siyasi partiye üye olamayacak.",
        set(),
        [("hiçbir siyasi partiye üye olamayacak", "indirect", "Siyasi Partiler Kanunu'na")],
    ),
    # --- indefinite pronouns as speakers ("some", "many", "others"), and Uzbek nouns
    # written with an apostrophe letter ---
    (
        "kk-some-say-dep",
        "kk",
        "Кейбіреулер бұл шешімді қате деп санайды.",
        set(),
        [("бұл шешімді қате", "indirect", "Кейбіреулер")],
    ),
    (
        "tr-some-say",
        "tr",
        "Bazıları bu kararın yanlış olduğunu söylüyor.",
        set(),
        [("bu kararın yanlış olduğunu", "indirect", "Bazıları")],
    ),
    (
        "az-some-say",
        "az",
        "Bəziləri bu qərarın səhv olduğunu bildirib.",
        set(),
        [("bu qərarın səhv olduğunu", "indirect", "Bəziləri")],
    ),
    (
        "ky-some-say",
        "ky",
        "Айрымдар бул чечим туура эмес экенин айтышты.",
        set(),
        [("бул чечим туура эмес экенин", "indirect", "Айрымдар")],
    ),
    (
        "uz-some-say-apostrophe",
        "uz",
        "Ba'zilar bu qaror noto'g'ri ekanini aytdi.",
        set(),
        [("bu qaror noto'g'ri ekanini", "indirect", "Ba'zilar")],
    ),
    (
        "uz-teachers-apostrophe",
        "uz",
        "O'qituvchilar bu qaror noto'g'ri ekanini aytdi.",
        set(),
        [("bu qaror noto'g'ri ekanini", "indirect", "O'qituvchilar")],
    ),
]


@pytest.mark.parametrize("language, text, entities, quotes, roles", case_params(CASES))
def test_turkic_cases(
    extractor: Extractor,
    language: str,
    text: str,
    entities: set[tuple[str, str]],
    quotes: list[tuple[str, ...]],
    roles: set[tuple[str, str, str | None]] | None,
) -> None:
    check_case(extractor, language, text, entities, quotes, roles)
