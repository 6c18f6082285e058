"""Command line: `python -m lokalutveckling accounts …` (moved from lokalutveckling.auth)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from lokalutveckling import store, writes
from lokalutveckling.auth import PASSWORD_ENV, PasswordError, check_password, create_local_user, hash_password
from lokalutveckling.store import journal, recovery

# --------------------------------------------------------------------------------- command line


def _read_password(prompt_twice: bool = True) -> str:
    """The password from LOKALUTVECKLING_LOSENORD, or asked for (twice) without echo."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    first = getpass.getpass("Lösenord: ")
    if prompt_twice and getpass.getpass("Samma lösenord igen: ") != first:
        raise PasswordError("Lösenorden är inte lika.")
    return first


def main(argv: list[str] | None = None) -> int:
    """`python -m lokalutveckling.auth add-user NAME --roll redaktor --namn "..."` or `hash-password`."""
    from lokalutveckling.paths import db_path

    parser = argparse.ArgumentParser(prog="python -m lokalutveckling.auth", description="Konton för redaktörer.")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-user", help="lägg till ett konto med lösenord i databasen")
    add.add_argument("anvandarnamn")
    add.add_argument("--namn", required=True, help="namnet som visas, t.ex. i ändringsloggen")
    add.add_argument("--roll", choices=writes.KONTO_ROLLER, default="redaktor")
    add.add_argument("--e-post", dest="e_post", default=None)
    add.add_argument("--db", type=Path, default=None, help="databasfilen (standard: LOKALUTVECKLING_DB eller data/)")
    commands.add_parser("hash-password", help="skriv ut en hash att lägga i secrets.toml under [anvandare.<namn>]")
    args = parser.parse_args(argv)

    try:
        if args.command == "hash-password":
            print(hash_password(_read_password()))
            return 0
        losenord = _read_password()
        check_password(losenord)
        target = args.db or db_path()
        con = recovery.open_store(target).con
        try:
            name = create_local_user(
                con, args.anvandarnamn, losenord, namn=args.namn, roll=args.roll, e_post=args.e_post
            )
        finally:
            con.close()
    except PasswordError as exc:
        print(exc, file=sys.stderr)
        return 1
    except writes.ValidationError as exc:
        for _, message in exc.errors:
            print(message, file=sys.stderr)
        return 1
    except recovery.StoreBusy as exc:
        print(f"{exc} Konton kan också läggas till i appen, på sidan Konton.", file=sys.stderr)
        return 1
    except (store.Error, recovery.StoreBroken, journal.JournalError) as exc:
        print(f"Kan inte skriva i databasen: {exc}", file=sys.stderr)
        return 1
    print(f"Kontot {name} ({args.roll}) finns nu i {target}.")
    return 0
