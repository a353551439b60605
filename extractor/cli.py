"""The ``extractor`` command: extract, serve, bench."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from .errors import ExtractorError, InvalidInputError


def _extract(args: argparse.Namespace) -> int:
    from .nlp.startup import import_spacy
    from .settings import get_settings

    import_spacy(get_settings())
    from .extract import Extractor

    if args.file in (None, "-"):
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        if not path.is_file():
            raise ExtractorError(f"no such file: {path}")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ExtractorError(f"{path} is not UTF-8 text") from exc
    result = Extractor().extract(text, language=args.language)
    if args.format == "json":
        print(result.model_dump_json(indent=2 if args.pretty else None))
        return 0
    from .graph import Document, render

    content, _ = render([Document(result, text, args.source or "")], args.format)
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .settings import get_settings
    from .web.server import serve

    settings = get_settings()
    with tempfile.TemporaryDirectory(prefix="extractor-metrics-") as metrics_dir:
        serve(
            host=args.host or settings.host,
            port=args.port or settings.port,
            workers=args.workers or settings.workers,
            log_level=args.log_level,
            log_format=settings.log_format,
            metrics_dir=metrics_dir,
        )
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .devtools.bench import (
        BENCH_CORPORA,
        bench_annotate,
        bench_cold_start,
        bench_language,
        bench_polnear,
        bench_vocabulary,
        loaded_rss_mb,
    )

    if args.what == "statements":
        from .devtools.bench_statements import bench_statements

        if args.limit is not None and args.limit < 1:
            raise InvalidInputError("bench statements: --limit must be at least 1")

        print("extractor bench statements: extracting and storing one by one (SQLite)")
        bench_statements(limit=args.limit, emit=lambda line: print(line, flush=True))
        return 0
    if args.what == "serve":
        from .devtools.bench_serve import bench_serve

        print("extractor bench serve")
        print(
            bench_serve(
                requests=args.requests,
                clients=args.clients,
                workers=args.workers,
                language=args.language or "en",
            )
        )
        return 0
    if args.what == "spark":
        from .devtools.bench_spark import bench_spark

        print("extractor bench spark")
        bench_spark(limit=args.limit, emit=lambda line: print(line, flush=True))
        return 0
    if args.what == "load":
        from .devtools.bench_load import bench_load

        print("extractor bench load")
        bench_load(
            limit=args.limit,
            workdir=args.workdir,
            db=args.db,
            batch_size=args.batch_size,
            emit=lambda line: print(line, flush=True),
        )
        return 0
    if args.what == "cold-start":
        print("extractor bench cold-start")
        bench_cold_start(repeat=args.repeat, emit=lambda line: print(line, flush=True))
        return 0
    if args.what == "vocab":
        print("extractor bench vocab")
        bench_vocabulary(
            texts=args.limit or 2000,
            language=args.language or "en",
            emit=lambda line: print(line, flush=True),
        )
        return 0
    if args.what == "annotate":
        print("extractor bench annotate")
        bench_annotate(
            limit=args.limit,
            queries=args.queries,
            workdir=args.workdir,
            emit=lambda line: print(line, flush=True),
        )
        return 0

    if args.all_languages:
        from .language import SUPPORTED

        print(
            f"peak RSS with every language loaded ({', '.join(SUPPORTED)}): "
            f"{loaded_rss_mb(SUPPORTED):.0f} MB"
        )
        return 0
    if args.language and args.language != "en":
        if args.language not in BENCH_CORPORA:
            raise ExtractorError(f"no benchmark text for {args.language!r}")
        print(f"extractor bench: {args.language}, {BENCH_CORPORA[args.language]} dev text")
        print(bench_language(args.language, repeat=args.repeat).report())
        return 0
    result = bench_polnear(args.split, limit=args.limit, repeat=args.repeat)
    print(f"extractor bench: PolNeAR {args.split}")
    print(result.report())
    return 0


def _annotate(args: argparse.Namespace) -> int:
    if args.engine == "spark":
        return _annotate_spark(args)
    from .archive.annotate import annotate

    summary = annotate(
        args.inputs,
        db=args.db,
        out=args.out,
        workers=args.workers,
        batch_size=args.batch_size,
        text_field=args.text_field,
        id_field=args.id_field,
        progress=not args.quiet,
    )
    print(summary.text())
    return 0


def _annotate_spark(args: argparse.Namespace) -> int:
    if args.db:
        raise InvalidInputError("--engine spark writes Parquet only: give --out, not --db")
    if not args.out:
        raise InvalidInputError("--engine spark needs --out (the Parquet folder to write)")
    from .archive.spark import annotate_files

    summary = annotate_files(
        args.inputs,
        args.out,
        master=args.master,
        fmt=args.format,
        text_field=args.text_field,
        id_field=args.id_field,
        partitions=args.partitions,
    )
    print(summary.text())
    return 0


def _load(args: argparse.Namespace) -> int:
    from .archive.load import load

    summary = load(
        args.paths,
        args.db,
        batch_size=args.batch_size,
        workers=args.workers,
        progress=not args.quiet,
    )
    print(f"load: {summary.text()}")
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from .archive.annotate import reindex

    summary = reindex(args.db, progress=not args.quiet)
    print(f"reindex: {summary.text()}")
    return 0


def _eval_ner(args: argparse.Namespace) -> int:
    from .devtools.evaluation import eval_ner

    print(f"extractor eval ner: {args.corpus} {args.split}")
    print(eval_ner(args.corpus, args.split, limit=args.limit).text())
    return 0


def _corpus_times(value: str) -> tuple[str, int]:
    name, _, times = value.partition(":")
    if times and not times.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r}: TIMES must be a whole number")
    return name, int(times or 1)


def _train_ner(args: argparse.Namespace) -> int:
    from .devtools.train import train_ner

    if args.backend == "stanza":
        from .devtools.train_stanza import train_stanza_ner

        if not args.output:
            raise InvalidInputError("--backend stanza needs --output (a folder to write)")
        folder = train_stanza_ner(
            args.language,
            Path(args.output),
            steps=args.steps,
            seed=args.seed,
            corpora=args.corpus,
            size=args.size,
        )
        print(
            f"extractor train ner: stanza {args.language} model written to {folder}; use it "
            f'with EXTRACTOR_PIPELINES=\'{{"{args.language}": "stanza:{folder}"}}\''
        )
        return 0
    out = train_ner(
        args.language,
        Path(args.output) if args.output else None,
        steps=args.steps,
        seed=args.seed,
        corpora=args.corpus,
        encoder=args.encoder,
    )
    print(f"extractor train ner: {args.language} model written to {out}")
    return 0


def _eval_langid(args: argparse.Namespace) -> int:
    from .devtools.langid import evaluate as evaluate_langid
    from .devtools.langid import lingua_only, report
    from .language.identify import detect_language

    print("extractor eval langid: held-back sentences of every corpus, 1, 2 and 5 at a time")
    print(report(evaluate_langid(detect_language), "extractor (lingua + the project's n-grams)"))
    if args.lingua:
        print()
        print(report(evaluate_langid(lingua_only), "lingua alone"))
    return 0


def _train_langid(args: argparse.Namespace) -> int:
    from .devtools.langid import train_model

    path = train_model(Path(args.output) if args.output else None)
    print(f"extractor train langid: model written to {path}")
    return 0


def _train_quotes(args: argparse.Namespace) -> int:
    from .devtools.train_bounds import train_bounds

    report = train_bounds(
        epochs=args.epochs, limit=args.limit, output=Path(args.output) if args.output else None
    )
    print("extractor train quotes: the English quote boundary model, on PolNeAR's training block")
    print(report.text())
    return 0


def _count(value: str) -> int:
    """A whole number of zero or more, for argparse."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of zero or more")
    return number


def _train_names(args: argparse.Namespace) -> int:
    from .devtools.given_names import write_given_names

    path, count = write_given_names(Path(args.output) if args.output else None)
    print(f"extractor train names: {count} given names written to {path}")
    return 0


def _eval_identity(args: argparse.Namespace) -> int:
    from .devtools.name_variants import evaluate as evaluate_identity

    print("extractor eval identity: NEREL's Wikidata people in published romanizations")
    print(evaluate_identity().text(examples=args.examples))
    if args.archive:
        from .devtools.name_variants import evaluate_archive

        print(evaluate_archive(limit=args.archive, offset=args.offset).text())
    return 0


def _eval_parallel(args: argparse.Namespace) -> int:
    from .devtools.parallel import eval_parallel

    print("extractor eval parallel: the same sentences in en, ru, tr (parallel-pud)")
    print(eval_parallel(args.split, limit=args.limit).text(examples=args.examples))
    return 0


def _eval_linking(args: argparse.Namespace) -> int:
    from .devtools.evaluation import eval_linking

    print("extractor eval linking: nerel dev + cross-script pairs")
    print(eval_linking(limit=args.limit).text())
    return 0


def _eval(args: argparse.Namespace) -> int:
    if args.corpus != "polnear":
        if args.split not in (None, "dev"):
            raise InvalidInputError(f"{args.corpus} has a dev set only; drop --split")
        return _eval_news_quotes(args)
    if args.errors:
        raise InvalidInputError("--errors lists the errors of the news sets only")
    from .devtools.evaluation import eval_quotes

    split = args.split or "dev"
    report = eval_quotes(split, with_textacy=not args.no_textacy, limit=args.limit)
    print(f"extractor eval quotes: {args.corpus} {split}")
    print(report.text())
    return 0


def _eval_news_quotes(args: argparse.Namespace) -> int:
    import json

    from .devtools.news_quotes import eval_news_quotes

    report = eval_news_quotes(args.corpus, limit=args.limit)
    print(f"extractor eval quotes: {args.corpus}")
    print(report.text())
    if args.errors:
        # Only the tuned-on part: the held-back block stays unseen.
        errors = report.errors(0.3, block="tune")
        texts = {t.key: t.text for t in report.texts}

        def show(key: str | int, span: Sequence[int]) -> str:
            return json.dumps(texts[key][span[0] : span[1]], ensure_ascii=False)

        print("\nerrors at overlap >= 0.3 in the tuned-on part")
        for key, g in errors.missed:
            print(
                f"[missed] {key} {g['kind']}: {show(key, g['content'])} <- {g.get('speaker_text')}"
            )
        for key, p in errors.false_positives:
            print(f"[false positive] {key} {p.kind}: {show(key, (p.start, p.end))}")
        for key, p, g in errors.wrong_speaker:
            got = show(key, p.speaker) if p.speaker else None
            print(f"[wrong speaker] {key}: {got} for {g.get('speaker_text')!r}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor", description="Who-said-what extraction from news text."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract one text (file or stdin) to JSON on stdout")
    p.add_argument("file", nargs="?", help="UTF-8 text file; '-' or nothing reads stdin")
    p.add_argument("--language", "-l", help="force the language (ISO 639-1 code)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument(
        "--format",
        default="json",
        choices=["json", "jsonld", "turtle", "graphml", "neo4j"],
        help="JSON (the Extraction) or the knowledge graph: JSON-LD, Turtle, GraphML, "
        "Neo4j import CSV (a zip on stdout)",
    )
    p.add_argument("--source", help="the text's URL: source document IRI in the graph formats")
    p.set_defaults(run=_extract)

    p = sub.add_parser("serve", help="run the HTTP API")
    p.add_argument("--host", help="address to listen on (default: EXTRACTOR_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: EXTRACTOR_PORT or 8000)")
    p.add_argument(
        "--workers",
        type=int,
        help="server processes, each with its own models (default: EXTRACTOR_WORKERS "
        "or the number of cores)",
    )
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.set_defaults(run=_serve)

    p = sub.add_parser(
        "annotate", help="annotate archives (JSONL, CSV, Parquet, .txt folders) into a store"
    )
    p.add_argument("inputs", nargs="+", help="input files or folders of .txt files")
    p.add_argument("--db", help="store URL, e.g. sqlite:///archive.db (default: none)")
    p.add_argument(
        "--out",
        help="also (or only) write results to this JSONL file (--engine spark: the Parquet "
        "folder to write)",
    )
    p.add_argument("--workers", type=int, default=1, help="extraction processes")
    p.add_argument("--batch-size", type=int, default=16, help="texts per nlp.pipe batch")
    p.add_argument("--text-field", default="text", help="the text column/field")
    p.add_argument("--id-field", default="id", help="the id column/field")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--engine",
        choices=["local", "spark"],
        default="local",
        help="local (default): worker processes; spark: Apache Spark, writing Parquet to "
        "--out partitioned by language and month (needs the spark extra and Java)",
    )
    p.add_argument(
        "--master",
        default="local[*]",
        help="spark: the master URL, e.g. local[2], spark://host:7077",
    )
    p.add_argument(
        "--format",
        choices=["jsonl", "csv", "parquet"],
        help="spark: the inputs' format (default: by extension)",
    )
    p.add_argument(
        "--partitions",
        type=int,
        help="spark: tasks to spread the documents over, by ranges of publication month "
        "(default: 8 per core)",
    )
    p.set_defaults(run=_annotate)

    p = sub.add_parser("load", help="bulk-load annotated documents (Parquet, JSONL) into a store")
    p.add_argument(
        "paths",
        nargs="+",
        help="Parquet or JSONL files, or folders of them (annotate --out, or --engine spark)",
    )
    p.add_argument("--db", help="store URL (default: EXTRACTOR_DATABASE_URL)")
    p.add_argument(
        "--batch-size", type=int, default=200, help="documents per transaction (default 200)"
    )
    p.add_argument(
        "--workers",
        type=int,
        help="processes reading and preparing the rows while this one stores them "
        "(default: one for each core but one, at most 4; 0: none)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_load)

    p = sub.add_parser("reindex", help="re-extract stored documents of older versions")
    p.add_argument("--db", help="store URL (default: EXTRACTOR_DATABASE_URL)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_reindex)

    p = sub.add_parser("bench", help="words/second and memory on PolNeAR, against bare spaCy")
    p.add_argument(
        "what",
        nargs="?",
        default="extract",
        choices=[
            "extract",
            "annotate",
            "cold-start",
            "vocab",
            "serve",
            "spark",
            "load",
            "statements",
        ],
        help="extract (default): words/s; annotate: archive annotation, inserts, queries; "
        "cold-start: `extractor extract` on a short English file in a fresh process; "
        "vocab: string store and RSS over texts of new words (--limit texts, --language); "
        "serve: the HTTP service under concurrent clients against extract_many; "
        "spark: annotation on Spark local[2] against annotate --workers 2; "
        "load: storing PolNeAR train's extractions one by one against add_many and "
        "extractor load, on SQLite and PostgreSQL (--db or EXTRACTOR_TEST_POSTGRES_URL); "
        "statements: the time linking statements adds to extracting and storing a "
        "document (--limit documents of each set)",
    )
    p.add_argument("--requests", type=int, default=2000, help="bench serve: requests sent")
    p.add_argument("--clients", type=int, default=16, help="bench serve: concurrent clients")
    p.add_argument("--workers", type=int, help="bench serve: server processes (default: cores)")
    p.add_argument("--queries", type=int, default=300, help="bench annotate: timed queries")
    p.add_argument(
        "--workdir",
        help="bench annotate, load: folder for its stores (reuses its annotation runs)",
    )
    p.add_argument(
        "--db", help="bench load: the PostgreSQL database to bench (a schema of its own)"
    )
    p.add_argument("--batch-size", type=int, default=200, help="bench load: documents per batch")
    p.add_argument("--split", default="dev", choices=["train", "dev", "final"])
    p.add_argument("--limit", type=int, help="only the first N documents")
    p.add_argument("--repeat", type=int, default=3, help="timed runs of each (best counts)")
    p.add_argument("--language", "-l", help="bench one language (ru, tr, az, kk) on its dev text")
    p.add_argument("--all-languages", action="store_true", help="memory with every language loaded")
    p.set_defaults(run=_bench)

    p = sub.add_parser("eval", help="quality benchmarks on the annotated corpora")
    what = p.add_subparsers(dest="what", required=True)
    q = what.add_parser("quotes", help="quote attribution P/R/F1 and speaker accuracy")
    q.add_argument(
        "--corpus",
        default="polnear",
        choices=["polnear", "quotes-ru-dev", "quotes-kk-dev", "quotes-tr-dev"],
        help="PolNeAR (en), or a news set in Russian, Kazakh or Turkish",
    )
    q.add_argument(
        "--split",
        choices=["train", "dev", "final"],
        help=(
            "PolNeAR's split (default dev; final: the block of the training folder held "
            "back, that no rule or model is tuned on; news sets: dev)"
        ),
    )
    q.add_argument("--limit", type=int, help="only the first N documents")
    q.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    q.add_argument(
        "--errors",
        action="store_true",
        help="news sets: also list misses, false positives and wrong speakers of the tuned-on part",
    )
    q.set_defaults(run=_eval)
    n = what.add_parser("ner", help="entity P/R/F1 per type on a token-tagged corpus")
    n.add_argument(
        "--corpus",
        required=True,
        choices=[
            "nerel",
            "factrueval",
            "turkish-wiki-ner",
            "turkish-news-ner",
            "kaznerd",
            "az-ner",
        ],
    )
    n.add_argument(
        "--split",
        default="dev",
        choices=["train", "dev", "final"],
        help="final: the untouched block no rule or model is tuned on (factrueval: dev only)",
    )
    n.add_argument("--limit", type=int, help="only the first N sentences")
    n.set_defaults(run=_eval_ner)
    k = what.add_parser(
        "linking", help="cross-document identity (NEREL Wikidata), acronyms, cross-script"
    )
    k.add_argument("--limit", type=int, help="only the first N documents")
    k.set_defaults(run=_eval_linking)
    k = what.add_parser(
        "parallel",
        help="cross-language agreement of entities, quotes and speakers on parallel sentences",
    )
    k.add_argument(
        "--split",
        choices=["dev", "final"],
        default="dev",
        help="dev, or final: the file's last fifth, which no rule is tuned on",
    )
    k.add_argument("--limit", type=_count, help="only the first N sentences")
    k.add_argument(
        "--examples", type=_count, default=0, help="list up to N disagreements of each kind"
    )
    k.set_defaults(run=_eval_parallel)
    g = what.add_parser(
        "langid", help="language identification accuracy per language, 1/2/5 sentences"
    )
    g.add_argument("--lingua", action="store_true", help="also lingua alone, for comparison")
    g.set_defaults(run=_eval_langid)
    i = what.add_parser(
        "identity", help="same_person on spellings of NEREL's people in several alphabets"
    )
    i.add_argument("--examples", type=int, default=10, help="misses and merges to list")
    i.add_argument(
        "--archive",
        type=int,
        default=0,
        metavar="N",
        help="also store each spelling of N people in a one-sentence report and measure "
        "the archive's speakers and speaker search",
    )
    i.add_argument(
        "--offset",
        type=_count,
        default=0,
        metavar="K",
        help="with --archive, the people from the K-th on (the first 150 were read while "
        "writing the rules; --offset 150 measures people no rule was written from)",
    )
    i.set_defaults(run=_eval_identity)

    p = sub.add_parser("train", help="train the project's own models from ../shared/data")
    what = p.add_subparsers(dest="what", required=True)
    t = what.add_parser("ner", help="the NER pipeline of one language, into models/<code>_ner")
    t.add_argument("--language", "-l", required=True, choices=["tr", "az", "kk", "ru"])
    t.add_argument("--output", help="folder to write (default: models/<code>_ner)")
    t.add_argument("--steps", type=int, default=8000, help="training steps")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument(
        "--corpus",
        action="append",
        type=_corpus_times,
        metavar="NAME[:TIMES]",
        help="train on these corpora instead of the language's recipe (repeatable; "
        "TIMES repeats a small corpus)",
    )
    t.add_argument(
        "--encoder",
        choices=["e5"],
        help="add the multilingual encoder's token states as features: the accurate "
        "pipeline, written to models/<code>_ner_e5",
    )
    t.add_argument(
        "--backend",
        choices=["spacy", "stanza"],
        default="spacy",
        help="spacy (the shipped models) or stanza (a resources folder for stanza:<folder>)",
    )
    t.add_argument(
        "--size",
        choices=["default", "small"],
        default="default",
        help="stanza only: network size (small: for quick trials)",
    )
    t.set_defaults(run=_train_ner)
    t = what.add_parser("langid", help="the n-gram language model, into models/langid")
    t.add_argument("--output", help="file to write (default: models/langid/ngrams.json.gz)")
    t.set_defaults(run=_train_langid)
    t = what.add_parser(
        "quotes",
        help="the model that places reported contents' bounds, into models/en_quote_bounds",
    )
    t.add_argument(
        "--output", help="file to write (default: models/en_quote_bounds/bounds.json.gz)"
    )
    t.add_argument("--epochs", type=_count, default=8, help="passes over the training examples")
    t.add_argument("--limit", type=_count, help="only the first N training articles")
    t.set_defaults(run=_train_quotes)
    t = what.add_parser(
        "names", help="the given names the speaker rules read, from the Russian dictionary"
    )
    t.add_argument(
        "--output", help="file to write (default: extractor/entities/data/given_names.txt)"
    )
    t.set_defaults(run=_train_names)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ExtractorError as exc:
        print(f"extractor: error: {exc.message}", file=sys.stderr)
        return 2
    except ValidationError as exc:  # a setting from the environment is invalid
        for problem in exc.errors():
            field = ".".join(str(p) for p in problem["loc"])
            print(f"extractor: error: EXTRACTOR_{field.upper()}: {problem['msg']}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
