"""Events: what happened, where (``locatedIn`` a province) and who took part (``involves``).

* :mod:`~actorgraph.extract.events.triggers` — trigger words and their ontology kinds;
* :mod:`~actorgraph.extract.events.places` — the province of each event (locatedIn);
* :mod:`~actorgraph.extract.events.participants` — who took part (involves);
* :mod:`~actorgraph.extract.events.items` — an event as found in a document;
* :mod:`~actorgraph.extract.events.component` — the ``actorgraph_events`` component.
"""

from actorgraph.extract.events.component import EventExtractor
from actorgraph.extract.events.items import EventMention, Participant

__all__ = ["EventExtractor", "EventMention", "Participant"]
