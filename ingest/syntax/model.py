"""Loading the shipped Dutch syntax model, or a statistical spaCy model a user installed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from beleidsgraaf.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["SYNTAX_COMPONENTS", "model_path", "syntax_pipeline"]

SYNTAX_COMPONENTS = ("tok2vec", "morphologizer", "parser", "trainable_lemmatizer")
"""The trained components of the shipped model, in pipeline order."""


def model_path() -> Path:
    """Folder of the shipped model (``ingest/syntax/model``)."""
    from beleidsgraaf.ingest.syntax.training import MODEL_DIR

    return MODEL_DIR


def syntax_pipeline(model: str | Path | None = None) -> Language:
    """A spaCy pipeline that tags, lemmatises and parses Dutch.

    ``model`` None loads the shipped model; a name or path loads that spaCy pipeline instead
    (e.g. an installed ``nl_core_news_lg``).

    Raises
    ------
    ConfigError
        The model cannot be found or loaded.
    """
    import spacy

    target = model if model is not None else model_path()
    try:
        return spacy.load(target)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy model {target}: {exc}") from exc
