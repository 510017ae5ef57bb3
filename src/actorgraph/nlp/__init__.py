"""The NLP pipeline: spaCy plus the gazetteers of provinces and organisations.

Import :mod:`actorgraph.nlp.pipeline` for :func:`~actorgraph.nlp.pipeline.load_pipeline`;
this package itself imports nothing heavy.
"""
