"""The one shared spaCy pipeline: blank English plus the rule-based sentencizer.

No statistical model is loaded (none may be downloaded at run time), so building it
is cheap, but it is still cached: every caller shares one tokenizer and vocabulary.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
