"""Annotation on Apache Spark: ``annotate_dataframe(df)`` and ``extractor annotate
--engine spark``.

In: a Spark DataFrame of documents (a text column, an optional id column, the metadata
``title``, ``url``, ``source``, ``published_at``, an optional column of forced
languages), or JSONL, CSV and Parquet files. Out: one row per document, in the layout
:func:`row_schema` gives: ``id``, ``text``, the metadata, ``error`` (null when the
extraction worked), ``content_hash``, then every field of :class:`~extractor.schema.Extraction`
as a top-level column of the same name, its Spark type generated from the pydantic
model (:func:`spark_type`), so that
``Extraction.model_validate({k: row[k] for k in Extraction.model_fields})`` rebuilds the
extraction (a Spark ``Row`` read with ``asDict(recursive=True)``; pyarrow readers with
``to_pylist(maps_as_pydicts="strict")``, ``models`` being a map). Flat tables of quotes
and entities: :func:`explode_quotes`, :func:`explode_entities`.

Extraction runs in ``mapInPandas`` over Arrow batches: each Python worker builds one
:class:`~extractor.extract.Extractor` (a module-level cache, reused by every task the
worker runs) and sends the batch through ``extract_many``; a text it refuses becomes an
error row, and a batch that fails as a whole is extracted again one text at a time.

:func:`annotate_files` (the command) writes Parquet partitioned by ``language`` and
publication ``month`` (``YYYY-MM``, or ``unknown``), idempotently: the ids already under
the output folder are left out, and new part files are appended under the write job's
own unique names. Spark's commit protocol (file output committer, algorithm 2) moves a
task's files into place only once they are complete, so a killed run leaves no partial
file in view, and running it again finishes the rest and duplicates nothing. Tasks take
ranges of publication months, so that each writes few files. Last, the people across
the whole output (:func:`resolve_people`) are written to ``_people/`` under it.

Needs the ``spark`` extra (pyspark, pandas) and Java 17 or later. Only the command
imports this module, lazily. May import: extract and everything below it; never the
web layer or devtools.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import time
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..errors import ExtractorError, InvalidInputError
from ..schema import Extraction
from .annotate import Summary
from .store import content_hash, person_skeleton

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructField, StructType

    from ..extract import Extractor

# The document columns of a result row, before the Extraction's fields.
METADATA = ("title", "url", "source")
LEAD = ("id", "text", *METADATA, "published_at", "error", "content_hash")
# Output partitions: the Extraction's language and the publication month.
PARTITIONS = ("language", "month")
UNKNOWN_MONTH = "unknown"
# The folder under the output of the people across documents (:func:`resolve_people`).
PEOPLE_FOLDER = "_people"
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}
FORMATS[".parquet"] = "parquet"
# Texts per extract_many call inside a worker: a result frame is sent back per chunk.
CHUNK = 64
_LANGUAGE = "_language"  # the forced language column inside the mapInPandas input


# --- the Spark schema, from the pydantic model ------------------------------------------


def _optional(annotation: Any) -> tuple[Any, bool]:
    """``annotation`` without ``None``, and whether ``None`` was allowed."""
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"no Spark type for the union {annotation!r}")
        return args[0], len(args) < len(get_args(annotation))
    return annotation, False


def spark_type(annotation: Any) -> DataType:
    """The Spark type of a field annotation of the schema's pydantic models: a model is
    a struct of its fields, ``list[X]`` an array, ``dict[K, V]`` a map, a ``Literal``
    of strings a string; ``X | None`` is X, nullable where it is used."""
    from pyspark.sql import types as T

    annotation, _ = _optional(annotation)
    origin = get_origin(annotation)
    if origin is Annotated:
        return spark_type(get_args(annotation)[0])
    if origin is Literal:
        values = get_args(annotation)
        if all(isinstance(v, str) for v in values):
            return T.StringType()
        raise TypeError(f"no Spark type for {annotation!r}")
    if origin in (list, Sequence, tuple, set, frozenset):
        (item,) = get_args(annotation)[:1]
        inner, nullable = _optional(item)
        return T.ArrayType(spark_type(inner), containsNull=nullable)
    if origin is dict:
        key, value = get_args(annotation)
        inner, nullable = _optional(value)
        return T.MapType(spark_type(key), spark_type(inner), valueContainsNull=nullable)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_struct(annotation)
    scalars: list[tuple[type, DataType]] = [
        (bool, T.BooleanType()),  # before int: a bool is an int
        (int, T.LongType()),
        (float, T.DoubleType()),
        (str, T.StringType()),
        (datetime, T.TimestampType()),
        (date, T.DateType()),
    ]
    for python, spark in scalars:
        if isinstance(annotation, type) and issubclass(annotation, python):
            return spark
    raise TypeError(f"no Spark type for {annotation!r}")


def model_fields(model: type[BaseModel], nullable: bool = False) -> list[StructField]:
    """A struct field per field of ``model``, in order; nullable where the field allows
    None, or all of them with ``nullable``."""
    from pyspark.sql import types as T

    fields = []
    for name, info in model.model_fields.items():
        _, optional = _optional(info.annotation)
        fields.append(T.StructField(name, spark_type(info.annotation), nullable or optional))
    return fields


@functools.cache
def model_struct(model: type[BaseModel]) -> StructType:
    """The Spark struct of a pydantic model (:func:`spark_type` of each field)."""
    from pyspark.sql import types as T

    return T.StructType(model_fields(model))


def row_schema(published_at: DataType | None = None) -> StructType:
    """The layout of a result row: ``id``, ``text``, ``title``, ``url``, ``source``,
    ``published_at`` (timestamp unless the input gave another type), ``error``,
    ``content_hash``, then every field of Extraction (all nullable: an error row has
    none of them)."""
    from pyspark.sql import types as T

    lead = [
        T.StructField("id", T.StringType(), False),
        T.StructField("text", T.StringType(), True),
        *(T.StructField(name, T.StringType(), True) for name in METADATA),
        T.StructField("published_at", published_at or T.TimestampType(), True),
        T.StructField("error", T.StringType(), True),
        T.StructField("content_hash", T.StringType(), False),
    ]
    return T.StructType([*lead, *model_fields(Extraction, nullable=True)])


# --- extraction inside the Python workers ---------------------------------------------------

_extractor: Extractor | None = None


def worker_extractor() -> Extractor:
    """This Python worker's extractor, built on first use and kept for every later
    batch and task (settings from the worker's EXTRACTOR_* environment)."""
    global _extractor
    if _extractor is None:
        from ..nlp.startup import import_spacy
        from ..settings import get_settings

        import_spacy(get_settings())
        from ..extract import Extractor

        _extractor = Extractor()
    return _extractor


def _error(exc: BaseException) -> str:
    """The one-line error of a refused text: ``code: message``."""
    if isinstance(exc, ExtractorError):
        return f"{exc.code}: {exc.reason}"
    first = (str(exc).splitlines() or [""])[0][:300]
    return f"internal_error: {type(exc).__name__}: {first}"


def _one(extractor: Extractor, text: str, language: str | None) -> Extraction | str:
    try:
        return extractor.extract(text, language=language)
    except Exception as exc:  # recorded in the row, never stops the job
        return _error(exc)


def extract_texts(
    texts: Sequence[object], languages: Sequence[str | None]
) -> list[Extraction | str]:
    """Per text, its Extraction or its error: texts are grouped by forced language and
    sent through ``extract_many``; a group failing as a whole goes one text at a time."""
    out: list[Extraction | str] = ["internal_error: not extracted"] * len(texts)
    groups: dict[str | None, list[int]] = {}
    for i, text in enumerate(texts):
        if isinstance(text, str):
            groups.setdefault(languages[i], []).append(i)
        else:
            out[i] = "empty_text: the text is missing (null)"
    if not groups:
        return out
    extractor = worker_extractor()
    for language, group in groups.items():
        batch = [str(texts[i]) for i in group]
        done: list[Extraction | str]
        try:
            done = [
                _error(x) if isinstance(x, ExtractorError) else x
                for x in extractor.extract_many(batch, language=language)
            ]
        except Exception:  # the batch as a whole: one by one, each its own result
            done = [_one(extractor, text, language) for text in batch]
        for i, result in zip(group, done, strict=True):
            out[i] = result
    return out


def _language(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _annotate_frames(
    frames: Iterator[pd.DataFrame], names: Sequence[str]
) -> Iterator[pd.DataFrame]:
    """The mapInPandas function: input frames of ``id``, ``text``, metadata and maybe
    ``_language``; output frames of the columns ``names`` (:func:`row_schema`)."""
    import pandas as pd

    fields = list(Extraction.model_fields)
    for frame in frames:
        for start in range(0, len(frame), CHUNK):
            part = frame.iloc[start : start + CHUNK].reset_index(drop=True)
            texts = [t if isinstance(t, str) else None for t in part["text"].tolist()]
            forced = (
                [_language(v) for v in part[_LANGUAGE].tolist()]
                if _LANGUAGE in part
                else [None] * len(part)
            )
            results = extract_texts(texts, forced)
            hashes = [content_hash(t or "") for t in texts]
            ids = [
                str(v) if isinstance(v, str) and v != "" else h
                for v, h in zip(part["id"].tolist(), hashes)
            ]
            columns: dict[str, Any] = {
                "id": pd.Series(ids, dtype=object),
                "text": pd.Series(texts, dtype=object),
            }
            for name in (*METADATA, "published_at"):
                columns[name] = part[name]
            columns["error"] = pd.Series(
                [r if isinstance(r, str) else None for r in results], dtype=object
            )
            columns["content_hash"] = pd.Series(hashes, dtype=object)
            dumped = [r.model_dump() if isinstance(r, Extraction) else None for r in results]
            for name in fields:
                columns[name] = pd.Series(
                    [d[name] if d is not None else None for d in dumped], dtype=object
                )
            yield pd.DataFrame({name: columns[name] for name in names})


def annotate_dataframe(
    df: DataFrame,
    text_col: str = "text",
    id_col: str | None = "id",
    language_col: str | None = None,
) -> DataFrame:
    """One row per document of ``df`` with its extraction (:func:`row_schema`): the
    text of ``text_col``, the id of ``id_col`` (the text's ``content_hash`` where the
    column is absent or null), the metadata columns ``title``, ``url``, ``source``,
    ``published_at`` where present (``published_at`` as given: a timestamp or a date
    stays one, other types become strings), and the language of ``language_col``
    forced where it is not null. A text the extractor refuses (null, empty, too large,
    an unsupported language) is a row with its ``error`` and null extraction fields."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    present = set(df.columns)
    if text_col not in present:
        raise InvalidInputError(
            f"no {text_col!r} column (columns: {', '.join(df.columns)})", field=text_col
        )
    if language_col is not None and language_col not in present:
        raise InvalidInputError(f"no {language_col!r} column", field=language_col)
    published_type: DataType = T.TimestampType()
    if "published_at" in present:
        given = df.schema["published_at"].dataType
        if isinstance(given, T.TimestampType | T.TimestampNTZType | T.DateType):
            published_type = given
            published = F.col("published_at")
        else:
            published_type = T.StringType()
            published = F.col("published_at").cast("string")
    else:
        published = F.lit(None).cast(published_type)

    def string(name: str | None) -> Column:
        if name is not None and name in present:
            return F.col(name).cast("string")
        return F.lit(None).cast("string")

    selected = [
        string(id_col).alias("id"),
        string(text_col).alias("text"),
        *(string(name).alias(name) for name in METADATA),
        published.alias("published_at"),
    ]
    if language_col is not None:
        selected.append(string(language_col).alias(_LANGUAGE))
    schema = row_schema(published_type)
    run = functools.partial(_annotate_frames, names=schema.names)
    return df.select(*selected).mapInPandas(run, schema)


# --- flat tables --------------------------------------------------------------------------


def explode_quotes(df: DataFrame) -> DataFrame:
    """One row per quote of annotated rows: ``document_id``, ``quote_id``, ``text``,
    ``start``, ``end``, ``kind``, ``cue`` (its words), ``speaker_mention`` (its words,
    ``speaker_start``, ``speaker_end``), ``speaker`` (entity id), ``speaker_name``,
    ``speaker_key``, ``speaker_kind``, ``confidence``, and the document's ``language``
    and ``published_at``."""
    from pyspark.sql import functions as F

    quotes = df.select(
        F.col("id").alias("document_id"),
        "language",
        "published_at",
        "entities",
        F.explode("quotes").alias("q"),
    )
    speaker = F.filter("entities", lambda e: e["id"] == F.col("q.speaker"))[0]
    return quotes.select(
        "document_id",
        F.col("q.id").alias("quote_id"),
        F.col("q.text").alias("text"),
        F.col("q.start").alias("start"),
        F.col("q.end").alias("end"),
        F.col("q.kind").alias("kind"),
        F.col("q.cue.text").alias("cue"),
        F.col("q.speaker_mention.text").alias("speaker_mention"),
        F.col("q.speaker_mention.start").alias("speaker_start"),
        F.col("q.speaker_mention.end").alias("speaker_end"),
        F.col("q.speaker").alias("speaker"),
        speaker["name"].alias("speaker_name"),
        speaker["key"].alias("speaker_key"),
        F.col("q.speaker_kind").alias("speaker_kind"),
        F.col("q.confidence").alias("confidence"),
        "language",
        "published_at",
    )


def explode_entities(df: DataFrame) -> DataFrame:
    """One row per entity of annotated rows: ``document_id``, ``entity_id``, ``type``,
    ``name``, ``key``, ``code`` (countries), ``mentions`` (how many times the text names
    it), ``first_start`` (offset of its first mention), and the document's ``language``
    and ``published_at``."""
    from pyspark.sql import functions as F

    entities = df.select(
        F.col("id").alias("document_id"),
        "language",
        "published_at",
        F.explode("entities").alias("e"),
    )
    return entities.select(
        "document_id",
        F.col("e.id").alias("entity_id"),
        F.col("e.type").alias("type"),
        F.col("e.name").alias("name"),
        F.col("e.key").alias("key"),
        F.col("e.code").alias("code"),
        F.size("e.mentions").alias("mentions"),
        F.col("e.mentions")[0]["start"].alias("first_start"),
        "language",
        "published_at",
    )


# --- cross-document identity ---------------------------------------------------------------

PEOPLE_SCHEMA = (
    "key string, entity_key string, entity_name string, block string, documents long, "
    "first_published string, first_document string"
)


def resolve_people(df: DataFrame) -> DataFrame:
    """The people of annotated rows as entities across documents: one row per person key
    (``key``) with the ``entity_key`` and ``entity_name`` of the entity it belongs to,
    ``block`` (its surname skeleton, null for a single name), ``documents`` (how many
    rows name it) and where it first appears (``first_published``, ``first_document``).

    A Spark job that decides as the store does (:meth:`Store.add_many`): the keys are
    blocked by surname skeleton (:func:`~extractor.archive.store.person_skeleton`);
    inside a block, in order of first appearance (publication time, then document id,
    then key), each key joins the first entity whose key :func:`same_name_key` calls
    the same person, else starts one, named by it. So "Ilham Aliyev", "Ильхам Алиев"
    and "İlham Əliyev" in three partitions are one entity. Join it to
    :func:`explode_entities` on ``key`` for an entity column."""
    from pyspark.sql import functions as F

    people = explode_entities(df).where(F.col("type") == "PERSON")
    first = F.struct(
        F.coalesce(F.col("published_at").cast("string"), F.lit("~")).alias("published"),
        F.col("document_id").alias("document"),
    )
    keys = people.groupBy("key").agg(
        F.min(first).alias("first"),
        F.min_by("name", first).alias("name"),
        F.countDistinct("document_id").alias("documents"),
    )
    block = F.udf(lambda key: person_skeleton("PERSON", key), "string", useArrow=True)
    keys = keys.select(
        "key",
        "name",
        "documents",
        F.col("first.published").alias("first_published"),
        F.col("first.document").alias("first_document"),
        F.coalesce(block(F.col("key")), F.lit("")).alias("block"),
    )
    # Each block whole in one task, its keys in order of first appearance.
    ordered = keys.repartition("block").sortWithinPartitions(
        "block", "first_published", "first_document", "key"
    )
    return ordered.mapInPandas(_resolve_blocks, PEOPLE_SCHEMA)


def _resolve_blocks(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The entities of a task's keys, sorted by block then order of first appearance
    (:func:`resolve_people`); a block may go on from one frame to the next. The empty
    block's keys (single names) are each their own."""
    import pandas as pd

    from ..entities.linking import same_name_key

    current: str | None = None
    made: list[tuple[str, str, str]] = []  # (key, name key, display name) of each entity
    for frame in frames:
        entity_keys: list[str] = []
        entity_names: list[str] = []
        for key, name, block in zip(frame["key"], frame["name"], frame["block"], strict=True):
            if block != current:
                current, made = block, []
            names = key.removeprefix("person:")
            found = next((m for m in made if same_name_key(names, m[1])), None) if block else None
            if found is None:
                found = (key, names, name)
                if block:
                    made.append(found)
            entity_keys.append(found[0])
            entity_names.append(found[2])
        yield pd.DataFrame(
            {
                "key": frame["key"].to_numpy(),
                "entity_key": entity_keys,
                "entity_name": entity_names,
                "block": [b or None for b in frame["block"]],
                "documents": frame["documents"].astype("int64").to_numpy(),
                "first_published": frame["first_published"].replace("~", None).to_numpy(),
                "first_document": frame["first_document"].to_numpy(),
            }
        )


# --- the command: files in, partitioned Parquet out --------------------------------------


def java_command() -> str | None:
    """The java Spark will start: ``$JAVA_HOME/bin/java``, else ``java`` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        found = Path(home) / "bin" / "java"
        return str(found) if os.access(found, os.X_OK) else None
    return shutil.which("java")


def require_spark() -> None:
    """Raise a clear error when Java or pyspark is missing."""
    if java_command() is None:
        raise ExtractorError(
            "no Java: Spark needs Java 17 or later (apt-get install openjdk-17-jre-headless, "
            "or set JAVA_HOME)"
        )
    try:
        import pandas  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ExtractorError(
            f"{exc.name} is not installed: pip install 'who-said-what-extractor[spark]'"
        ) from exc


def spark_session(
    master: str = "local[*]",
    app_name: str = "extractor annotate",
    *,
    ui: bool = True,
    shuffle_partitions: int | None = None,
    conf: dict[str, str] | None = None,
) -> SparkSession:
    """A SparkSession (the running one if there is one) set up for annotation: Python
    workers reused (their extractor with them), the session in UTC (months are UTC
    months of timestamps), file commits of algorithm 2 (a task's complete files appear
    when the task ends), partition values read as strings. Local masters run the Python
    workers with this interpreter unless PYSPARK_PYTHON says otherwise."""
    require_spark()
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings = {
        "spark.python.worker.reuse": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version": "2",
        "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
        "spark.ui.enabled": "true" if ui else "false",
        "spark.ui.showConsoleProgress": "false",
        # Partitioned output written as rows come, not sorted first and written after
        # the task's last row: writing overlaps the extraction.
        "spark.sql.maxConcurrentOutputFileWriters": "64",
    }
    if shuffle_partitions:
        settings["spark.sql.shuffle.partitions"] = str(shuffle_partitions)
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in {**settings, **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # the JVM did not start, or the master is not there
        raise ExtractorError(f"Spark did not start ({master}): {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:500]


def input_format(path: str, given: str | None = None) -> str:
    """``jsonl``, ``csv`` or ``parquet``: ``given``, else by the path's extension."""
    if given is not None:
        if given not in {"jsonl", "csv", "parquet"}:
            raise InvalidInputError(f"unknown format {given!r}; use jsonl, csv or parquet")
        return given
    suffix = Path(path.rstrip("/")).suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInputError(
            f"{path}: unknown input format {suffix or '(no extension)'}; use .jsonl, .csv, "
            ".parquet or --format",
            path=path,
        )
    return FORMATS[suffix]


def _is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def read_documents(
    spark: SparkSession,
    inputs: Sequence[str],
    fmt: str | None = None,
    fields: Sequence[str] | None = None,
) -> DataFrame:
    """The documents of ``inputs`` (JSONL, CSV with a header, Parquet; by extension or
    ``fmt``), one DataFrame: columns missing from some inputs are null there. With
    ``fields``, JSONL is read as those fields only, each a string (a number or an object
    as its JSON text), without a pass over the input to infer its schema."""
    frames: list[DataFrame] = []
    for path in inputs:
        kind = input_format(path, fmt)
        if _is_local(path) and not Path(path.removeprefix("file://")).exists():
            raise InvalidInputError(f"no such input: {path}", path=path)
        reader = spark.read
        if kind == "jsonl":
            if fields:
                reader = reader.schema(", ".join(f"`{f}` string" for f in dict.fromkeys(fields)))
            frame = reader.json(path, mode="PERMISSIVE")
        elif kind == "csv":
            frame = reader.csv(path, header=True, multiLine=True, escape='"')
        else:
            frame = reader.parquet(path)
        frames.append(frame)
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame, allowMissingColumns=True)
    return result


def done_ids(spark: SparkSession, out: str) -> DataFrame | None:
    """The ``id`` and ``error`` of the rows already written under ``out`` (complete part
    files only: Spark reads no ``_temporary`` folder), or None where nothing is there yet."""
    from pyspark.errors import AnalysisException

    if _is_local(out):
        folder = Path(out.removeprefix("file://"))
        found = folder.is_dir() and any(
            not any(part.startswith(("_", ".")) for part in p.relative_to(folder).parts)
            for p in folder.rglob("*.parquet")
        )
        if not found:
            return None
    try:
        return spark.read.parquet(out).select("id", "error")
    except AnalysisException:  # no such folder, or no Parquet in it yet
        return None


def month_column(published: Column, kind: DataType) -> Column:
    """``YYYY-MM`` of the publication time (a timestamp's in UTC, a string's as written
    at its start), ``unknown`` where there is none."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if isinstance(kind, T.TimestampType | T.TimestampNTZType | T.DateType):
        month = F.date_format(published, "yyyy-MM")
    else:
        month = F.regexp_extract(published.cast("string"), r"^\s*(\d{4}-\d{2})", 1)
        month = F.when(month == "", None).otherwise(month)
    return F.coalesce(month, F.lit(UNKNOWN_MONTH))


def with_ids(df: DataFrame, text_col: str = "text", id_col: str = "id") -> DataFrame:
    """``df`` with its id column (string) filled, where absent, null or empty, with the
    store's ``content_hash`` of the text (SHA-256 of its UTF-8, by Spark itself)."""
    from pyspark.sql import functions as F

    hashed = F.sha2(F.coalesce(F.col(text_col).cast("string"), F.lit("")), 256)
    given = F.col(id_col).cast("string") if id_col in df.columns else F.lit(None).cast("string")
    return df.withColumn(id_col, F.when(given.isNull() | (given == ""), hashed).otherwise(given))


@dataclass
class SparkSummary(Summary):
    person_keys: int = 0  # spellings of people across the whole output
    people: int = 0  # the entities they make (resolve_people)

    def text(self) -> str:
        return (
            f"{super().text()}; {self.person_keys} spellings of people as {self.people} "
            f"people across documents ({PEOPLE_FOLDER}/)"
        )


def annotate_files(
    inputs: Sequence[str],
    out: str,
    *,
    master: str = "local[*]",
    fmt: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    partitions: int | None = None,
    spark: SparkSession | None = None,
) -> SparkSummary:
    """Annotate every document of ``inputs`` not yet under ``out`` into Parquet there,
    partitioned by ``language`` and ``month``; documents of the same id (within the
    inputs or with earlier runs) are annotated once. Then the people across the whole
    output (:func:`resolve_people`) are written to ``out/_people``. A session is started on
    ``master`` (and stopped at the end) unless ``spark`` gives one."""
    if not inputs:
        raise InvalidInputError("no inputs given")
    for path in inputs:
        input_format(path, fmt)
        if _is_local(path) and not Path(path.removeprefix("file://")).exists():
            raise InvalidInputError(f"no such input: {path}", path=path)
    session = spark or spark_session(master)
    try:
        return _annotate_into(session, inputs, out, fmt, text_field, id_field, partitions)
    finally:
        if spark is None:
            session.stop()


def _annotate_into(
    session: SparkSession,
    inputs: Sequence[str],
    out: str,
    fmt: str | None,
    text_field: str,
    id_field: str,
    partitions: int | None,
) -> SparkSummary:
    from pyspark.sql import functions as F

    started = time.perf_counter()
    summary = SparkSummary()
    fields = [id_field, text_field, *METADATA, "published_at", "language"]
    docs = read_documents(session, inputs, fmt, fields)
    if text_field not in docs.columns:
        raise InvalidInputError(
            f"no {text_field!r} column in the inputs (columns: {', '.join(docs.columns)})",
            field=text_field,
        )
    docs = with_ids(docs, text_field, id_field)
    if id_field != "id":
        docs = docs.drop("id").withColumnRenamed(id_field, "id")
    # Not cached: reading the input again (to count it against what is done, to sample
    # it for the tasks' ranges) costs less than caching it.
    docs = docs.dropDuplicates(["id"])
    before = done_ids(session, out)
    written_before, failed_before = _counts(before)
    if before is not None:
        marked = docs.join(
            before.select("id").distinct().withColumn("_done", F.lit(True)), "id", "left"
        )
        counted = marked.agg(F.count(F.lit(1)), F.count("_done")).first()
        summary.total, summary.skipped = (int(counted[0]), int(counted[1])) if counted else (0, 0)
        docs = marked.where(F.col("_done").isNull()).drop("_done")
    todo = summary.total - summary.skipped
    after = before
    if todo or before is None:  # (nothing done before: all there is, counted after)
        _write_annotated(session, docs, out, text_field, partitions)
        after = done_ids(session, out)
        written, failed = _counts(after)
        summary.done = written - written_before
        summary.failed = failed - failed_before
        if before is None:
            summary.total = todo = summary.done
    if after is not None:  # (nothing is there when no input had rows)
        if todo or not _has_people(out):
            people = resolve_people(session.read.parquet(out))
            people.coalesce(1).write.mode("overwrite").parquet(_people_path(out))
        counted = (
            session.read.parquet(_people_path(out))
            .agg(F.count(F.lit(1)), F.count_distinct("entity_key"))
            .first()
        )
        if counted:
            summary.person_keys, summary.people = int(counted[0]), int(counted[1])
    summary.seconds = time.perf_counter() - started
    return summary


def _counts(done: DataFrame | None) -> tuple[int, int]:
    """How many rows ``done`` (:func:`done_ids`) holds, and how many of them are errors."""
    if done is None:
        return 0, 0
    from pyspark.sql import functions as F

    row = done.agg(F.count(F.lit(1)), F.count("error")).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def _write_annotated(
    session: SparkSession, docs: DataFrame, out: str, text_field: str, partitions: int | None
) -> None:
    """Annotate ``docs`` and append them to ``out``, partitioned by language and month."""
    from pyspark.sql import functions as F

    # Tasks of a range of publication months each (then of ids, so that a big month is
    # shared out too): a task writes a file per language and month it holds, and every
    # task holding every month would make many small files.
    tasks = partitions or max(2, 8 * session.sparkContext.defaultParallelism)
    kind = docs.schema["published_at"].dataType if "published_at" in docs.columns else None
    month = month_column(F.col("published_at"), kind) if kind else F.lit(UNKNOWN_MONTH)
    docs = docs.withColumn("_month", month).repartitionByRange(tasks, "_month", "id")
    language = "language" if "language" in docs.columns else None
    rows = annotate_dataframe(
        docs.drop("_month"), text_col=text_field, id_col="id", language_col=language
    )
    published = rows.schema["published_at"].dataType
    rows = rows.withColumn("month", month_column(F.col("published_at"), published))
    try:
        rows.write.mode("append").partitionBy(*PARTITIONS).parquet(out)
    except Exception as exc:  # Spark has logged the details; the command says one line
        raise ExtractorError(f"the Spark job failed: {_first_line(exc)}") from exc


def _people_path(out: str) -> str:
    """Where the command writes :func:`resolve_people` of its whole output (a folder
    Spark's and ``extractor load``'s readers of ``out`` leave out: its name starts with
    "_")."""
    return out.rstrip("/") + "/" + PEOPLE_FOLDER


def _has_people(out: str) -> bool:
    if not _is_local(out):
        return False  # written again: cheap next to annotating
    return any(Path(_people_path(out).removeprefix("file://")).glob("*.parquet"))
