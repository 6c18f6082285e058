"""The statistics services by name: what each one fetches, its options and defaults, and how to run it.

    SOURCES["kolada"].options          # the command's options (flag, help, default, …), beside --db
    fetch("kolada", kpi="N00945", year="2024", municipality="1280,0180,1480")   # -> Hamtning

`fetch(service, **options)` takes the options by their names on the command line (`--page-size` is
`page_size`); a service that aggregates to Malmö's areas (`needs_membership`) also takes
`membership`, the store's delområde → område table. `list_variables` is there for a service that can
list what it has (CKAN's `--list`). A new service is one more `Source` here; nothing else dispatches on
the name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from lokalutveckling.sources import ckan, kolada, scb
from lokalutveckling.sources.http import TIMEOUT_SECONDS, FetchError
from lokalutveckling.sources.model import Hamtning


@dataclass(frozen=True)
class Option:
    """One option of a service's command, in the terms of `argparse.add_argument`."""

    flag: str  # "--page-size"
    help: str
    kind: Literal["text", "int", "float", "switch", "repeat"] = "text"
    default: object = None
    required: bool = False
    choices: tuple[str, ...] | None = None
    metavar: str | None = None

    @property
    def dest(self) -> str:
        """The option's name as a keyword of `fetch`: '--page-size' → 'page_size'."""
        return self.flag.lstrip("-").replace("-", "_")

    def argparse_kwargs(self) -> dict[str, object]:
        """The keywords for `parser.add_argument(option.flag, **option.argparse_kwargs())`."""
        kwargs: dict[str, object] = {"help": self.help}
        if self.kind == "switch":
            kwargs["action"] = "store_true"
            return kwargs
        if self.kind == "repeat":
            kwargs["action"] = "append"
            kwargs["default"] = list(self.default or [])
        else:
            kwargs["default"] = self.default
        if self.kind in ("int", "float"):
            kwargs["type"] = int if self.kind == "int" else float
        if self.required:
            kwargs["required"] = True
        if self.choices:
            kwargs["choices"] = self.choices
        if self.metavar:
            kwargs["metavar"] = self.metavar
        return kwargs


@dataclass(frozen=True)
class Source:
    """A statistics service: its name on the command line, what it is, and how to fetch from it."""

    name: str  # "ckan", "scb", "kolada": also `statistik_hamtningar.tjanst`
    help: str  # one line, for the list of commands
    base_url: str
    attribution: str
    own_options: tuple[Option, ...]
    run: Callable[..., Hamtning]  # run(**options) (and membership= when needs_membership)
    needs_membership: bool = False
    list_variables: Callable[..., list[dict]] | None = None  # list_variables(query, base_url=, timeout=)

    @property
    def options(self) -> tuple[Option, ...]:
        """Every option of the service's command but the store's (--db): --base-url, --timeout, then its own."""
        common = (
            Option("--base-url", f"tjänstens adress (standard: {self.base_url})", default=self.base_url),
            Option("--timeout", "sekunder per anrop (standard 60)", kind="float", default=TIMEOUT_SECONDS),
        )
        return common + self.own_options

    def values(self, given: Mapping[str, object]) -> dict[str, object]:
        """This service's options out of `given` (e.g. `vars(args)`), each by its `dest`, defaults filled in."""
        return {o.dest: given.get(o.dest, o.argparse_kwargs().get("default")) for o in self.options}


# ------------------------------------------------------------------------------------ the services


def _ckan(
    *,
    membership: pd.DataFrame,
    resource: str | None = None,
    population_resource: str | None = None,
    typ: str | None = None,
    column: str | None = None,
    page_size: int = ckan.PAGE_SIZE,
    base_url: str = ckan.DEFAULT_BASE_URL,
    timeout: float = TIMEOUT_SECONDS,
    **listing: object,  # --list and --query: for `list_variables`, not for a fetch
) -> Hamtning:
    if not resource:
        raise FetchError("Ange --resource ID (variabelns resurs-id), eller --list för att se variablerna.")
    return ckan.fetch(
        resource,
        membership=membership,
        population_resource=population_resource,
        typ=typ,
        column=column,
        base_url=base_url,
        timeout=timeout,
        page_size=page_size,
    )


def _scb(
    *,
    table: str,
    region: str,
    region_variable: str = "Region",
    contents: str | None = None,
    time: str | None = None,
    select: list[str] | tuple[str, ...] = (),
    base_url: str = scb.DEFAULT_BASE_URL,
    timeout: float = TIMEOUT_SECONDS,
) -> Hamtning:
    return scb.fetch(
        table,
        region,
        contents=contents,
        time=time,
        select=select or (),
        region_variable=region_variable,
        base_url=base_url,
        timeout=timeout,
    )


def _kolada(
    *, kpi: str, year: str, municipality: str, base_url: str = kolada.DEFAULT_BASE_URL, timeout: float = TIMEOUT_SECONDS
) -> Hamtning:
    return kolada.fetch(kpi, year, municipality, base_url=base_url, timeout=timeout)


SOURCES: dict[str, Source] = {
    "ckan": Source(
        name="ckan",
        help="Malmö stads områdesstatistik per delområde, summerad till de 14 områdena",
        base_url=ckan.DEFAULT_BASE_URL,
        attribution=ckan.ATTRIBUTION,
        own_options=(
            Option("--resource", "resurs-id för variabeln (datastore_search)"),
            Option("--population-resource", "resurs-id för befolkning per delområde (vikt för andelar)"),
            Option("--typ", "antal summeras, andel viktas med befolkning", choices=("antal", "andel")),
            Option("--column", "värdekolumnen, om resursen har flera"),
            Option("--list", "lista variablerna (resource_search) i stället", kind="switch"),
            Option("--query", "sökfrågan för --list", default=ckan.DEFAULT_QUERY),
            Option("--page-size", "poster per sida (standard 1000)", kind="int", default=ckan.PAGE_SIZE),
        ),
        run=_ckan,
        needs_membership=True,
        list_variables=ckan.list_resources,
    ),
    "scb": Source(
        name="scb",
        help="en tabell ur SCB:s PxWebAPI 2.0 (JSON-stat2)",
        base_url=scb.DEFAULT_BASE_URL,
        attribution=scb.ATTRIBUTION,
        own_options=(
            Option("--table", "tabell-id, t.ex. TAB638", required=True),
            Option("--region", "regionkoder, t.ex. 1280,0180,1480", required=True),
            Option("--region-variable", "regionvariabelns kod (standard Region)", default="Region"),
            Option("--contents", "innehållskoder (ContentsCode), kommaseparerade"),
            Option("--time", "perioder, t.ex. 2023,2024 eller top(3)"),
            Option("--select", "fler urval", kind="repeat", default=(), metavar="VAR=KOD,…"),
        ),
        run=_scb,
    ),
    "kolada": Source(
        name="kolada",
        help="nyckeltal per kommun ur Kolada (v3)",
        base_url=kolada.DEFAULT_BASE_URL,
        attribution=kolada.ATTRIBUTION,
        own_options=(
            Option("--kpi", "nyckeltalets id, t.ex. N00945", required=True),
            Option("--year", "år, t.ex. 2024 eller 2022,2023,2024", required=True),
            Option("--municipality", "kommunkoder, t.ex. 1280,0180,1480", required=True),
        ),
        run=_kolada,
    ),
}


def source(service: str) -> Source:
    """The service by name; FetchError names the ones there are."""
    try:
        return SOURCES[service]
    except KeyError:
        raise FetchError(f"Okänd tjänst {service!r}: välj en av {', '.join(SOURCES)}.") from None


def fetch(service: str, *, membership: pd.DataFrame | None = None, **options: object) -> Hamtning:
    """Fetch from `service` with its options (by `Option.dest`); FetchError says what went wrong.

    `membership` (the store's delområde → område table) is needed by a service that aggregates to the
    areas (`needs_membership`); an option the service does not have is a TypeError.
    """
    chosen = source(service)
    known = {o.dest for o in chosen.options}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"{service} har inte alternativen {', '.join(unknown)}")
    if chosen.needs_membership:
        if membership is None:
            raise TypeError(f"{service} behöver membership (områdesindelningen ur databasen)")
        return chosen.run(membership=membership, **options)
    return chosen.run(**options)
