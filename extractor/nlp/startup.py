"""What a process starting to extract imports: spaCy without torch, where no pipeline
the settings name needs torch.

thinc, spaCy's machine learning library, imports torch (where it is installed) as it is
imported itself, only to know whether torch layers can run: about 2 s, as long as all
else a one-off ``extractor extract`` of a short English text does. The project's
pipelines, spaCy's CNN pipelines and natasha have no torch layers; spaCy's transformer
pipelines have (their configs name them), and stanza imports torch itself. This module
imports nothing heavy itself.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

from ..language import SUPPORTED
from ..settings import MODELS_DIR, Settings

NATASHA = "natasha_ru"  # the pipeline name that stands for natasha's Russian models
STANZA_PREFIX = "stanza:"  # a pipeline name for stanza's models in a local folder
# Words of a pipeline's config.cfg that name layers running on torch
# (spacy-transformers, spacy-curated-transformers, thinc's PyTorch wrappers).
TORCH_LAYERS = ("PyTorch", "Transformer", "transformer", "torch")


def needs_torch(names: Iterable[str]) -> bool:
    """Whether any of the pipelines ``names`` (values of the settings) runs on torch:
    a stanza folder, a spaCy pipeline whose config names a torch layer, or one whose
    config cannot be found without loading it."""
    for given in names:
        name = title_model() if given == NATASHA else given
        if name is None:
            continue
        if name.startswith(STANZA_PREFIX):
            return True
        config = _config(name)
        if config is None or any(word in config for word in TORCH_LAYERS):
            return True
    return False


def import_spacy(settings: Settings) -> None:
    """Import spaCy, without torch when none of the pipelines ``settings`` names for the
    supported languages needs it (thinc then takes torch for not installed; torch itself
    may still be imported later)."""
    names = [settings.pipeline_for(code) for code in SUPPORTED]
    if "spacy" in sys.modules or "torch" in sys.modules or needs_torch(names):
        import spacy

        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # import torch fails here
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get("torch", ...) is None:
            del sys.modules["torch"]


def _config(name: str) -> str | None:
    """The text of the config.cfg of pipeline ``name`` (a folder or an installed
    package), found without importing it."""
    folder = Path(name).expanduser()
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        locations = list(spec.submodule_search_locations or []) if spec else []
        # A spaCy package keeps its pipeline in a folder named with its version.
        found = [c for place in locations for c in sorted(Path(place).glob("*/config.cfg"))]
        return found[0].read_text(encoding="utf-8") if found else None
    config = folder / "config.cfg"
    return config.read_text(encoding="utf-8") if config.is_file() else None


def title_model() -> str | None:
    """The path of the Russian title model run before natasha, where it is installed."""
    path = MODELS_DIR / "ru_ner"
    return str(path) if path.is_dir() else None
