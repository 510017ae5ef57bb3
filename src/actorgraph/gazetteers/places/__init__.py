"""Province and place gazetteer: place names in text -> first-level provinces (ISO 3166-2).

* :mod:`~actorgraph.gazetteers.places.gazetteer` — the :class:`Gazetteer` and
  :func:`load_gazetteer` (its docstring tells the data sources and the matching);
* :mod:`~actorgraph.gazetteers.places.records` — :class:`Province`, :class:`PlaceMatch`;
* :mod:`~actorgraph.gazetteers.places.names` — name keys and spelling-tolerant skeletons;
* :mod:`~actorgraph.gazetteers.places.curated` — the curated TOML data;
* :mod:`~actorgraph.gazetteers.places.subdivisions` — pycountry's ISO 3166-2 names;
* :mod:`~actorgraph.gazetteers.places.cities` — the GeoNames town index;
* :mod:`~actorgraph.gazetteers.places.admin1` — GeoNames admin1 -> ISO 3166-2 by votes;
* :mod:`~actorgraph.gazetteers.places.cache` — the disk cache of the derived index.
"""

from actorgraph.gazetteers.places.admin1 import map_admin1
from actorgraph.gazetteers.places.gazetteer import PROVINCE_LABEL, Gazetteer, load_gazetteer
from actorgraph.gazetteers.places.names import fold, name_key, prepare, similar, skeleton
from actorgraph.gazetteers.places.records import PlaceMatch, Province

__all__ = [
    "PROVINCE_LABEL",
    "Gazetteer",
    "PlaceMatch",
    "Province",
    "fold",
    "load_gazetteer",
    "map_admin1",
    "name_key",
    "prepare",
    "similar",
    "skeleton",
]
