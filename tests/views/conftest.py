"""Fixtures of the view tests: `use_store(path)` points the app under test at another store file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.views.indicator_pages import forget_the_store


@pytest.fixture()
def use_store(db_file: Path) -> Iterator[Callable[[Path], None]]:
    """`use_store(path)`: the app under test reads `path`; the default store again afterwards."""

    def use(path: Path) -> None:
        os.environ["LOKALUTVECKLING_DB"] = str(path)
        forget_the_store()

    yield use
    os.environ["LOKALUTVECKLING_DB"] = str(db_file)
    forget_the_store()
