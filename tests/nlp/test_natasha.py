"""natasha's Russian pipeline as spaCy runs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_natasha_pipeline_runs_without_sentence_boundaries() -> None:
    """The bare pipeline (``extractor bench`` times it) sets no sentences: the title
    model's speaker is then looked for in the whole text."""
    from extractor.nlp.natasha import natasha_pipeline, title_model

    nlp = natasha_pipeline(title_model())
    doc = nlp("Лавров на пресс-конференции заявил, что переговоры продолжатся.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Лавров"]
