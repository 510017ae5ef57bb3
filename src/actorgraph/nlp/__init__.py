"""The NLP layer: the spaCy model with actorgraph's gazetteer components, loaded explicitly.

:func:`actorgraph.nlp.pipeline.load_base_pipeline` loads it; this package itself imports
nothing heavy. The extractors that read the parse live one layer up, in
:mod:`actorgraph.extractors`.
"""
