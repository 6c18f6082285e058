"""A throw-away PostgreSQL cluster for the DuckLake tests: Debian's postgresql (scripts/test.sh installs it
when missing), started on a free local port in a temporary folder, stopped at the end of the session.

As root, the server runs as the `postgres` user (initdb refuses root). Databases are made from a template
holding a built DuckLake store, so that each test gets a store of its own in a fraction of a second:
PostgreSQL copies the template's catalog, and the Parquet files it names are never changed (DuckLake
writes new files), so the copies share them safely.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

USER = "lokal"


def bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps it out of PATH), or one on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    root: Path
    port: int
    bin: Path

    def _as_owner(self, *cmd: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)

    @classmethod
    def start(cls) -> Cluster:
        pg = bin_dir()
        if pg is None:
            raise RuntimeError(
                "PostgreSQL saknas (Debians paket postgresql): scripts/test.sh installerar det; kör testerna med "
                "det kommandot eller installera paketet."
            )
        root = Path(tempfile.mkdtemp(prefix="lokal-pg-"))
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        cluster = cls(root, _free_port(), pg)
        data = root / "data"
        subprocess.run(
            cluster._as_owner(str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8"),
            check=True,
            capture_output=True,
        )
        options = f"-p {cluster.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        subprocess.run(
            cluster._as_owner(
                str(pg / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-o", options, "-w", "start"
            ),
            check=True,
            capture_output=True,
        )
        return cluster

    def stop(self) -> None:
        subprocess.run(
            self._as_owner(str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"),
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)

    def catalog(self, dbname: str) -> str:
        """The libpq connection string of a database in this cluster."""
        return f"host=127.0.0.1 port={self.port} user={USER} dbname={dbname}"

    def sql(self, statement: str) -> None:
        psql = [str(self.bin / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port)]
        subprocess.run(
            [*psql, "-U", USER, "-d", "postgres", "-c", statement],
            check=True,
            capture_output=True,
        )

    def new_database(self, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`); its name."""
        name = f"lake_{secrets.token_hex(5)}"
        self.sql(f"create database {name}" + (f" template {template}" if template else ""))
        return name
