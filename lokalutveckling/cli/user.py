"""`python -m lokalutveckling user add NAME --namn "…" [--roll] [--e-post] [--db]` and `user hash-password`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from lokalutveckling import domain, store
from lokalutveckling.auth import PASSWORD_ENV, PasswordError, check_password, create_local_user, hash_password
from lokalutveckling.cli.common import SubParsers, add_command, add_db, add_group, store_target
from lokalutveckling.store import journal, recovery


def register(groups: SubParsers) -> None:
    """The group `user` and its commands."""
    commands = add_group(groups, "user", help="konton för redaktörer", description="Konton för redaktörer.")
    add = add_db(add_command(commands, "add", add_user, help="lägg till ett konto med lösenord i databasen"))
    add.add_argument("anvandarnamn")
    add.add_argument("--namn", required=True, help="namnet som visas, t.ex. i ändringsloggen")
    add.add_argument("--roll", choices=domain.KONTO_ROLLER, default="redaktor")
    add.add_argument("--e-post", dest="e_post", default=None)
    add_command(
        commands,
        "hash-password",
        print_hash,
        help="skriv ut en hash att lägga i secrets.toml under [anvandare.<namn>]",
    )


def read_password(prompt_twice: bool = True) -> str:
    """The password from LOKALUTVECKLING_LOSENORD, or asked for (twice) without echo."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    first = getpass.getpass("Lösenord: ")
    if prompt_twice and getpass.getpass("Samma lösenord igen: ") != first:
        raise PasswordError("Lösenorden är inte lika.")
    return first


def print_hash(args: argparse.Namespace) -> int:
    try:
        print(hash_password(read_password()))
    except PasswordError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def add_user(args: argparse.Namespace) -> int:
    target = store_target(args.db)
    try:
        losenord = read_password()
        check_password(losenord)
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
    except domain.ValidationError as exc:
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
