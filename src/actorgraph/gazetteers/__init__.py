"""Curated knowledge the extractors and the merge look things up in (no NLP here).

* :mod:`~actorgraph.gazetteers.places` — first-level provinces (ISO 3166-2, pycountry),
  their aliases, and the districts and towns (GeoNames) that lead to them;
* :mod:`~actorgraph.gazetteers.organisations` — the curated directory of organisations;
* :mod:`~actorgraph.gazetteers.leaders` — well-known leaders and the groups they lead.

Each is loaded once, on first use, never at import time.
"""
