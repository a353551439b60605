"""NLP pipelines: text to spaCy Docs.

In: a pipeline name from the settings (a spaCy package or path, or ``natasha_ru``).
Out: a loaded spaCy ``Language``, once per process (:func:`pipelines.load_pipeline`),
with news paragraphs as sentence boundaries; natasha's Russian NER as a spaCy
pipeline (:mod:`.natasha`); navec's word vectors for our own models
(:mod:`.embeddings`, registered as ``extractor.NavecHashEmbed.v1``); every pipeline's
tokenizer reads any text in time linear in its length (:mod:`.tokenizer`), and a batch
is read in a memory zone (:func:`pipelines.reading`); spaCy is imported without torch
where no configured pipeline needs it (:mod:`.startup`).
May import: language, settings, errors.
"""
