"""Events: what happened, where (``locatedIn`` a province) and who took part (``involves``).

* :mod:`~actorgraph.extractors.events.asides` — places named for other reasons than the event;
* :mod:`~actorgraph.extractors.events.triggers` — trigger words and their ontology kinds;
* :mod:`~actorgraph.extractors.events.places` — the province of each event (locatedIn);
* :mod:`~actorgraph.extractors.events.participants` — who took part (involves);
* :mod:`~actorgraph.extractors.events.items` — an event as found in a document;
* :mod:`~actorgraph.extractors.events.component` — the ``actorgraph_events`` component.
"""

from actorgraph.extractors.events.component import EventExtractor
from actorgraph.extractors.events.items import EventMention, Participant

__all__ = ["EventExtractor", "EventMention", "Participant"]
