"""Development tools: the corpora readers, quality evaluation, speed and memory
benchmarks, and the training recipes of our own models (``extractor eval``,
``extractor bench``, ``extractor train``).

In: the annotated corpora under ``<shared_dir>/data`` (never copied into the repo).
Out: printed figures, trained models under ``models/``.
May import: the archive, extract and everything below; never the web layer (the
bench talks to a real server process). Nothing run by the service or the library
imports it.
"""
