"""Entities: mentions by kind, their clusters into document entities, roles, and
identity across documents and scripts.

In: a spaCy Doc and its language's data. Out: the mentions of each kind
(:func:`mentions.find_mentions`: :mod:`.persons`, :mod:`.organizations`,
:mod:`.titles`, :mod:`.countries`, names in their base form by :mod:`.inflection`),
the roles they state (:mod:`.roles`), document entities with canonical keys
(:mod:`.clusters`, keys and same-entity decisions in :mod:`.linking`).
May import: nlp, language, schema, settings, errors; never quotes (which build on
it) or anything above.
"""
