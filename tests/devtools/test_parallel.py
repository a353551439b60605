"""The cross-language consistency benchmark (extractor eval parallel): its definitions on
hand-made extractions, the parallel sentences' split, and the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.devtools.parallel import ParallelSentence, parallel_pud, score_parallel
from extractor.schema import Entity, Extraction, Quote, Span


def _entity(id_: str, type_: str, name: str, key: str, code: str | None = None) -> Entity:
    return Entity(
        id=id_, type=type_, name=name, key=key, code=code, mentions=[Span(start=0, end=1, text="x")]
    )


def _quote(id_: str, speaker: str | None) -> Quote:
    return Quote(id=id_, text="x", start=0, end=1, kind="direct", speaker=speaker, confidence=0.9)


def _extraction(language: str, entities: list[Entity], quotes: list[Quote]) -> Extraction:
    return Extraction(
        language=language,
        text_length=1,
        entities=entities,
        quotes=quotes,
        extractor_version="test",
    )


def test_agreement_by_key_by_country_code_and_by_same_person() -> None:
    en = _extraction(
        "en",
        [
            _entity("e1", "PERSON", "Donald Trump", "person:donald trump"),
            _entity("e2", "COUNTRY", "Britain", "country:GB", "GB"),
            _entity("e3", "ORGANIZATION", "NATO", "organization:nato"),
            _entity("e4", "PERSON", "Kamchatka", "person:kamchatka"),
        ],
        [_quote("q1", "e1")],
    )
    ru = _extraction(
        "ru",
        [
            # The same person in another script: same_person decides, not the key.
            _entity("e1", "PERSON", "Дональд Трамп", "person:donald tramp"),
            _entity("e2", "COUNTRY", "Великобритания", "country:GB", "GB"),
            _entity("e3", "ORGANIZATION", "НАТО", "organization:nato"),
        ],
        [_quote("q1", "e1"), _quote("q2", None)],
    )
    sentences = [ParallelSentence("s1", {"en": "", "ru": "", "tr": ""})]
    tr = _extraction("tr", [], [])
    quotes, pairs = score_parallel(sentences, {"en": [en], "ru": [ru], "tr": [tr]})
    assert quotes == {"en": 1, "ru": 2, "tr": 0}
    en_ru, en_tr = pairs
    assert (en_ru.entities["PERSON"].agreed, en_ru.entities["PERSON"].total) == (1, 2)
    assert en_ru.entities["PERSON"].misses == [
        "s1: Kamchatka [person:kamchatka] -> Дональд Трамп [person:donald tramp]"
    ]
    assert en_ru.entities["COUNTRY"].rate == 1.0 and en_ru.entities["ORGANIZATION"].rate == 1.0
    assert (en_ru.quote_counts.agreed, en_ru.quote_counts.total) == (0, 1)
    assert (en_ru.speakers.agreed, en_ru.speakers.total) == (1, 1)
    # Nothing found in the Turkish version: every English entity and speaker disagrees.
    assert en_tr.entities["PERSON"].agreed == 0 and en_tr.speakers.misses == [
        "s1: Donald Trump [person:donald trump] -> no quote"
    ]


def test_different_people_do_not_agree() -> None:
    en = _extraction("en", [_entity("e1", "PERSON", "Michael Fallon", "person:mijhael fallon")], [])
    ru = _extraction("ru", [_entity("e1", "PERSON", "Майкл Пенс", "person:maykl pens")], [])
    sentences = [ParallelSentence("s1", {"en": "", "ru": "", "tr": ""})]
    _, pairs = score_parallel(sentences, {"en": [en], "ru": [ru], "tr": [ru]})
    assert pairs[0].entities["PERSON"].agreed == 0


@pytest.mark.corpus
def test_the_parallel_sentences_split_in_contiguous_blocks(shared_dir: Path) -> None:
    dev, final = parallel_pud("dev", shared_dir), parallel_pud("final", shared_dir)
    assert (len(dev), len(final)) == (400, 100)
    assert not {s.id for s in dev} & {s.id for s in final}
    assert all(set(s.texts) == {"en", "ru", "tr"} and all(s.texts.values()) for s in dev)


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.model
def test_eval_parallel_prints_agreement_and_disagreements(shared_dir: Path) -> None:
    from extractor.devtools.parallel import eval_parallel

    report = eval_parallel("dev", limit=40, shared_dir=shared_dir)
    text = report.text(examples=2)
    assert report.sentences == 40 and set(report.quotes) == {"en", "ru", "tr"}
    for label in ("PERSON same entity", "quote count agrees", "speaker agrees", "en-ru", "en-tr"):
        assert label in text
    assert "disagreements" in text


def test_statement_links_are_scored_across_languages_and_sentences() -> None:
    from extractor.devtools.parallel import score_statements

    def quote(id_: str, text: str) -> Quote:
        return Quote(id=id_, text=text, start=0, end=1, kind="direct", confidence=0.9)

    en = [
        _extraction("en", [], [quote("q1", "Taxes will rise")]),
        _extraction("en", [], [quote("q1", "Roads will be built")]),
    ]
    ru = [
        _extraction("ru", [], [quote("q1", "Налоги вырастут")]),
        # Two quotes where English has one: these pairs are not counted.
        _extraction("ru", [], [quote("q1", "Дороги построят"), quote("q2", "Скоро")]),
    ]
    tr = [_extraction("tr", [], []), _extraction("tr", [], [])]
    vectors = {
        "Taxes will rise": [1.0, 0.0],
        "Налоги вырастут": [1.0, 0.05],
        "Roads will be built": [0.0, 1.0],
        "Дороги построят": [0.0, 1.0],
        "Скоро": [0.7, 0.7],
    }

    def encode(texts):  # type: ignore[no-untyped-def]
        import numpy as np

        rows = np.array([vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    sentences = [
        ParallelSentence("s1", {"en": "", "ru": "", "tr": ""}),
        ParallelSentence("s2", {"en": "", "ru": "", "tr": ""}),
    ]
    links = score_statements(sentences, {"en": en, "ru": ru, "tr": tr}, encode)
    # s1's pair links (right); "Скоро" is near neither (cos 0.71-0.75); s2 is not counted.
    assert (links.right, links.wrong, links.missed) == (1, 0, 0)
    assert links.precision == 1.0 and links.recall == 1.0
    without = score_statements(sentences, {"en": en, "ru": ru, "tr": tr}, None)
    assert (without.right, without.missed) == (0, 1)
