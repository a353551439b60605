"""NLP pipelines: text to spaCy Docs.

In: a pipeline name from the settings (a spaCy package or path, or ``natasha_ru``).
Out: a loaded spaCy ``Language``, once per process (:func:`pipelines.load_pipeline`),
with news paragraphs as sentence boundaries; natasha's Russian NER as a spaCy
pipeline (:mod:`.natasha`); navec's word vectors for our own models
(:mod:`.embeddings`, registered as ``extractor.NavecHashEmbed.v1``).
May import: language, settings, errors.
"""
