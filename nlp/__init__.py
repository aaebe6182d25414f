"""Analyse: is an item about the school, who is named, and what is wrong with it.

The stage between store and act (docs/analysis.md):

- :mod:`nlp.analyse`: ``Analyser``, ``analyse_stream``, ``ANALYSER_VERSION`` (the entry points);
- :mod:`nlp.pipeline`: ``build_pipeline(profile)``, a spaCy pipeline on ``spacy.blank("en")``;
- :mod:`nlp.components`: the registered spaCy components;
- :mod:`nlp.terms`, :mod:`nlp.normalise`, :mod:`nlp.relevance`, :mod:`nlp.flags`, :mod:`nlp.lexicon`: their logic;
- :mod:`nlp.textcat`: the text classifier trained from ``nlp/corpus/``, used beside the rules when built;
- :mod:`nlp.evaluate`: scores against the labelled gold sets in ``nlp/gold/`` (``repmon evaluate``);
- ``nlp/patterns/*.jsonl``: the rules and lexicons, as versioned data files.

Importing this package does not import spaCy; ``nlp.analyse`` does.
"""
