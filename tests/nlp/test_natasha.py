"""natasha's Russian pipeline as spaCy runs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_natasha_pipeline_runs_without_sentence_boundaries() -> None:
    """The bare pipeline (``extractor bench`` times it) sets no sentences: the title
    model's speaker is then looked for in the whole text."""
    from extractor.nlp.natasha import natasha_pipeline
    from extractor.nlp.startup import title_model

    nlp = natasha_pipeline(title_model())
    doc = nlp("Лавров на пресс-конференции заявил, что переговоры продолжатся.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Лавров"]


def test_the_parse_is_one_tree_a_sentence_cut_at_line_breaks() -> None:
    from extractor.nlp.natasha import natasha_pipeline
    from extractor.nlp.startup import title_model

    nlp = natasha_pipeline(title_model(), syntax=True)
    doc = nlp(
        "Заголовок без точки\nЛавров на пресс-конференции заявил, что переговоры "
        "продолжатся, пишет ТАСС."
    )
    assert doc.has_annotation("DEP")
    assert next(s.text.strip() for s in doc.sents) == "Заголовок без точки"
    cue = next(t for t in doc if t.text == "заявил")
    assert cue.lemma_ == "заявить" and cue.pos_ == "VERB"
    assert [c.text for c in cue.children if c.dep_ == "nsubj"] == ["Лавров"]
    assert any(c.dep_ == "ccomp" for c in cue.children)
    for token in doc:  # every token reaches its root
        seen = set()
        while token.head.i != token.i:
            assert token.i not in seen
            seen.add(token.i)
            token = token.head


def test_a_cycle_in_natasha_parse_keeps_the_sentence_one_tree() -> None:
    """natasha makes each of «таинства исповеди» the other's head: the cycle is cut,
    the words hang on the sentence, which stays one (not three), and every word has
    natasha's morphology."""
    from extractor.nlp.natasha import natasha_pipeline
    from extractor.nlp.startup import title_model

    nlp = natasha_pipeline(title_model(), syntax=True)
    doc = nlp("В заявлении говорится, что его признали виновным в нарушении «таинства исповеди».")
    assert len(list(doc.sents)) == 1
    fragment = next(t for t in doc if t.text == "таинства")
    assert fragment.head.i < fragment.i
    assert doc[1].morph.get("Case") == ["Loc"]  # "заявлении"


def test_a_word_natasha_made_its_own_head_hangs_on_the_sentence() -> None:
    """natasha gives "надев" itself as head (a relation, but no root): it hangs on the
    sentence's root, and the sentence stays one, so the report after "утверждал, что"
    is found whole."""
    from extractor import Extractor
    from extractor.nlp.natasha import natasha_pipeline
    from extractor.nlp.startup import title_model

    text = (
        "Он утверждал, что сражался, даже не надев латы, в течение двух часов после "
        "того, как началась борьба."
    )
    doc = natasha_pipeline(title_model(), syntax=True)(text)
    assert len(list(doc.sents)) == 1
    assert all(t.head.i != t.i or t.dep_ == "ROOT" for t in doc)
    quotes = Extractor().extract(text, language="ru").quotes
    assert [(text[q.start : q.end], q.cue.text if q.cue else None) for q in quotes] == [
        (text[text.index("сражался") : -1], "утверждал")
    ]


def test_a_very_long_sentence_is_parsed_in_pieces() -> None:
    """natasha's parser scores every pair of a sentence's words: a run of a thousand
    words with no sentence end (a list, a run of marks) is parsed in pieces."""
    from natasha import Doc as NatashaDoc

    from extractor.nlp.natasha import LONGEST_SENTENCE, _line_sentences, natasha_models

    text = "Первый, " * 500 + "\nвторой."
    nd = NatashaDoc(text)
    nd.segment(natasha_models()[0])
    assert max(len(s.tokens) for s in nd.sents) > LONGEST_SENTENCE
    pieces = _line_sentences(nd.sents, text)
    assert max(len(s.tokens) for s in pieces) <= LONGEST_SENTENCE
    assert [t.text for s in pieces for t in s.tokens] == [t.text for t in nd.tokens]
    assert pieces[-1].text == "второй."


@pytest.mark.parametrize("text", ["A𗀀", "Министр 𗀀 Обамы сказал, что всё 𗀀 хорошо."])
def test_a_letter_without_a_unicode_name_is_read(text: str) -> None:
    """pymorphy2 tells Latin letters by their Unicode names; a letter this Python has no
    name for (U+17000) is no Latin letter, not an error."""
    from extractor import Extractor

    result = Extractor().extract(text, language="ru")
    assert result.text_length == len(text)
