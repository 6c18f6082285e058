"""Official statistics and boundaries: what people fetch from other services into the store.

- `http`: the one HTTP client (`FetchError` and its messages) for every service below;
- `model`: a fetch (`Hamtning`) and its rows (`Varde`), and the readers every fetcher shares;
- `ckan`, `scb`, `kolada`: the fetchers, `aggregate` the rule from delområden to Malmö's areas;
- `registry`: the services by name (`SOURCES`, `fetch(service, **options)`);
- `statistik`: opening the store, saving a fetch through the unit of work, the report;
- `boundaries`: the download of Malmö stad's delområden for the maps;
- `refresh`: `stats refresh`, the declared mapping (`indikator_kallor`) fetched into the indicators.

The public face, for the command line and anyone else:
"""

from lokalutveckling.sources import refresh
from lokalutveckling.sources.http import TIMEOUT_SECONDS, FetchError
from lokalutveckling.sources.model import Hamtning, Varde
from lokalutveckling.sources.registry import SOURCES, Option, Source, fetch, source
from lokalutveckling.sources.statistik import open_store, report, save

__all__ = [
    "SOURCES",
    "TIMEOUT_SECONDS",
    "FetchError",
    "Hamtning",
    "Option",
    "Source",
    "Varde",
    "fetch",
    "open_store",
    "refresh",
    "report",
    "save",
    "source",
]
