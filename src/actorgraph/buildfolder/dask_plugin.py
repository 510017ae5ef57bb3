"""The Dask worker plugin that loads the actorgraph pipeline once per worker.

Kept apart from :mod:`actorgraph.buildfolder.runners` because it needs ``distributed``
(``pip install actorgraph[dask]``) at import time, and only Dask builds import it.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

__all__ = ["PipelinePlugin"]


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (or restarts) and keeps it on the worker."""

    name = "actorgraph-pipeline"

    def __init__(self, model: str | None, max_chars: int | None = None) -> None:
        self.model = model
        self.max_chars = max_chars

    def setup(self, worker: Any) -> None:
        from actorgraph.extractors.long_texts import set_max_chars
        from actorgraph.extractors.pipeline import load_pipeline

        nlp = load_pipeline(self.model) if self.model else load_pipeline()
        worker.actorgraph_nlp = set_max_chars(nlp, self.max_chars)

    def teardown(self, worker: Any) -> None:
        worker.actorgraph_nlp = None
