"""Language identification per paragraph, and the error naming the supported
languages (no NLP model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.langid import evaluate, report
from extractor.errors import UnsupportedLanguageError
from extractor.language import SUPPORTED, get_lang, ngrams
from extractor.language.identify import detect_language, segment


def test_unsupported_language_lists_supported() -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        get_lang("fr")
    assert "en" in info.value.message
    assert info.value.details["supported"] == list(SUPPORTED)


def test_segments_by_paragraph_language() -> None:
    text = (
        "The ministers met in Baku on Monday to discuss regional cooperation.\n\n"
        "They agreed to meet again next year and to expand the exchange of news.\n\n"
        "Rasim Bağırov: Türk dövlətlərinin informasiya mübadiləsi vahid məkan yaradır\n"
        "Расим Багиров: ОТГ формирует единое медиапространство благодаря проектам\n"
    )
    main, segments = segment(text, "en")
    assert main == "en"
    assert [s.language for s in segments] == ["en", "az", "ru"]
    assert text[segments[0].start : segments[0].end].endswith("exchange of news.")
    assert text[segments[-1].start : segments[-1].end].startswith("Расим")
    assert segments[-1].end == len(text.rstrip())


def test_short_text_takes_default_language() -> None:
    main, segments = segment("OK.", "en")
    assert main == "en" and segments[0].language == "en"


# One news sentence in each supported language, written for these tests (Uzbek in both
# scripts), and sentences in languages the extractor does not support.
ONE_SENTENCE = [
    ("en", "The foreign minister said talks with Armenia would resume next week."),
    ("en", "Police arrested two men after the attack."),
    ("ru", "«Да», — заявила Анна Корхонен."),
    ("ru", "Президент подписал указ о назначении нового министра."),
    ("ru", "Министр уехал в Киев."),
    ("tr", "Dışişleri Bakanı, müzakerelerin gelecek hafta yeniden başlayacağını söyledi."),
    ("tr", "Toplantı yarın Ankara'da yapılacak."),
    ("az", "Xarici işlər naziri danışıqların gələn həftə bərpa olunacağını bildirib."),
    ("az", "Prezident yeni fərman imzalayıb."),
    ("kk", "Сыртқы істер министрі келіссөздер келесі аптада жалғасатынын айтты."),
    ("kk", "Президент жаңа жарлыққа қол қойды."),
    ("ky", "Тышкы иштер министри сүйлөшүүлөр кийинки жумада улана турганын билдирди."),
    ("ky", "Президент жаңы жарлыкка кол койду."),
    ("ky", "Бишкекте жаан жаады."),
    ("uz", "Tashqi ishlar vaziri muzokaralar kelasi hafta davom etishini aytdi."),
    ("uz", "Prezident yangi farmonni imzoladi."),
    ("uz", "Ташқи ишлар вазири музокаралар келаси ҳафта давом этишини айтди."),
    ("uz", "Президент янги фармонни имзолади."),
]
FOREIGN = [
    ("fr", "Le gouvernement a annoncé mardi une réforme des retraites."),
    ("de", "Der Minister sagte, die Gespräche würden am Montag fortgesetzt."),
    ("es", "El presidente dijo que las negociaciones se reanudarán el lunes."),
    ("pl", "Według policji dwie osoby zostały ranne."),
    ("uk", "Уряд оголосив у вівторок про пенсійну реформу."),
    ("bg", "Правителството обяви във вторник пенсионна реформа."),
    ("sr", "Влада је у уторак најавила пензијску реформу."),
    ("mn", "Засгийн газар мягмар гарагт тэтгэврийн шинэчлэлийг зарлалаа."),
]


@pytest.mark.parametrize("language, text", ONE_SENTENCE)
def test_one_sentence_of_a_supported_language(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("language, text", FOREIGN)
def test_a_language_not_supported_is_named_as_such(language: str, text: str) -> None:
    assert detect_language(text) == language


def test_a_kyrgyz_paragraph_in_a_russian_text() -> None:
    text = (
        "Президент Кыргызстана Садыр Жапаров заявил, что переговоры продолжатся.\n\n"
        "Кыргызстандын президенти Садыр Жапаров сүйлөшүүлөр дүйшөмбүдө уланарын билдирди."
    )
    main, segments = segment(text, "en")
    assert main in {"ru", "ky"}
    assert [s.language for s in segments] == ["ru", "ky"]


def test_ngram_features_mark_word_edges_and_fold_apostrophes() -> None:
    grams = ngrams.features("Oʻzbekiston, 2024!")
    assert grams[" o'z"] == 1 and grams["on "] == 1
    assert not any(ch.isdigit() for g in grams for ch in g)
    assert ngrams.features("Oʻzbek") == ngrams.features("O'zbek") == ngrams.features("O‘zbek")


@pytest.mark.slow
def test_langid_benchmark_floors(shared_dir: Path) -> None:
    """At one sentence, on the held-back sentences of every corpus (the issue's target
    is 0.98 per language; floors sit a little below what is reached)."""
    rows = evaluate(detect_language, contexts=(1,), shared_dir=shared_dir)
    text = report(rows, "langid")
    per_language: dict[str, list[int]] = {}
    for r in rows:
        tally = per_language.setdefault(r.language, [0, 0])
        tally[0] += r.correct
        tally[1] += r.samples
    floors = {"en": 0.985, "ru": 0.985, "tr": 0.99, "az": 0.99, "kk": 0.99, "ky": 0.97, "uz": 0.98}
    for language, (correct, samples) in per_language.items():
        assert correct / samples >= floors[language], text
