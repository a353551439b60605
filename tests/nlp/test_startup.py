"""spaCy is imported without torch where no configured pipeline needs torch."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.nlp.startup import NATASHA, needs_torch
from extractor.settings import DEFAULT_PIPELINES


@pytest.mark.model
def test_the_default_pipelines_need_no_torch() -> None:
    assert not needs_torch([*DEFAULT_PIPELINES.values(), NATASHA])


@pytest.mark.parametrize(
    "config, needed",
    [
        ('[components.tok2vec.model]\n@architectures = "spacy.Tok2Vec.v2"\n', False),
        ('[components.transformer]\nfactory = "transformer"\n', True),
        ('[model]\n@architectures = "spacy.PyTorchWrapper.v1"\n', True),
    ],
)
def test_a_pipeline_needs_torch_where_its_config_names_a_torch_layer(
    tmp_path: Path, config: str, needed: bool
) -> None:
    (tmp_path / "config.cfg").write_text(config, encoding="utf-8")
    assert needs_torch([str(tmp_path)]) is needed


@pytest.mark.parametrize("name", ["stanza:/models/stanza", "no_such_pipeline_package"])
def test_stanza_and_unknown_pipelines_count_as_needing_torch(name: str) -> None:
    assert needs_torch([name])
