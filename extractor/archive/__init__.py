"""The archive: documents with their extractions, and who said what across them.

In: texts (one by one, or archives of JSONL, CSV, Parquet, folders of .txt) and
Extractions. Out: a store (SQLite by default, PostgreSQL) that answers quote, entity
and graph queries (:mod:`.store`, schema by Alembic in ``migrations/``), and batch
annotation with worker processes (:mod:`.annotate`) or on Apache Spark (:mod:`.spark`,
the spark extra; imported only by ``annotate --engine spark``); their output loads into
a store in bulk with :mod:`.load` (``extractor load``).
May import: extract and everything below it; never the web layer or devtools.
"""
