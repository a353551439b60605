"""navec's word vectors as the static vectors of our Russian (and Cyrillic Kazakh)
models: looked up by lower-case form, decoded from natasha's installed table."""

from __future__ import annotations

import numpy as np

from extractor.nlp.embeddings import NAVEC_WIDTH, navec_hash_embed, navec_table, news_embedding


def test_known_words_decode_to_navec_vectors_in_any_case() -> None:
    table = navec_table()
    vectors = table.vectors(["Путин", "путин", "ПУТИН"])
    assert vectors.shape == (3, NAVEC_WIDTH)
    expected = news_embedding().get("путин")
    np.testing.assert_allclose(vectors[0], expected, rtol=1e-6)
    np.testing.assert_allclose(vectors[1], vectors[2])
    assert np.abs(vectors[0]).sum() > 0


def test_unknown_words_are_zero() -> None:
    table = navec_table()
    vectors = table.vectors(["Нұртілеу", "qwzxqwzx"])
    assert not vectors.any()


def test_yo_falls_back_to_ye() -> None:
    from types import SimpleNamespace

    from extractor.nlp.embeddings import NavecTable

    codes = np.random.default_rng(0).random((100, 256, 3), dtype=np.float32)
    fake = SimpleNamespace(
        vocab=SimpleNamespace(word_ids={"полет": 0, "берёза": 1}),
        pq=SimpleNamespace(indexes=np.array([[1] * 100, [2] * 100], dtype=np.uint8), codes=codes),
    )
    table = NavecTable(fake)
    assert (table.row("Полёт"), table.row("берёза"), table.row("береза")) == (0, 1, -1)
    np.testing.assert_allclose(table.vectors(["полёт"])[0], codes[:, 1, :].reshape(300))


def test_embed_layer_gives_one_row_per_token() -> None:
    import spacy

    nlp = spacy.blank("ru")
    docs = [nlp("Глава МИД России заявил"), nlp("")]
    model = navec_hash_embed(32, ["NORM", "PREFIX", "SUFFIX", "SHAPE"], [100, 100, 100, 100])
    model.initialize(X=docs[:1])
    out = model.predict(docs)
    assert [a.shape for a in out] == [(4, 32), (0, 32)]


def test_tagging_in_slices_gives_the_training_projection() -> None:
    import spacy

    from extractor.nlp import embeddings

    nlp = spacy.blank("ru")
    doc = nlp(" ".join(["Министр иностранных дел России заявил"] * 1000))
    model = embeddings.NavecVectors(16)
    model.initialize()
    whole, _ = model(docs := [doc], is_train=True)
    sliced = model.predict(docs)
    assert len(doc) > embeddings._SLICE
    np.testing.assert_allclose(sliced.data, whole.data, rtol=1e-5, atol=1e-6)
