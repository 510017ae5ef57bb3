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

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from actorgraph.extractors.pipeline import load_pipeline

        worker.actorgraph_nlp = load_pipeline(self.model) if self.model else load_pipeline()

    def teardown(self, worker: Any) -> None:
        worker.actorgraph_nlp = None
